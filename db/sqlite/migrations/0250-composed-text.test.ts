import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decomposedRows, expectedAfterComposing } from '../../../test/unit/decomposedRows';
import { vietnameseText } from '../../../test/pg/vietnameseText';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

const decomposed = () => vietnameseText().map((text) => text.normalize('NFD'));

describe('stored text composed to NFC (migration 0250)', () => {
  it('composes working records and leaves the history and issued opinions as written', () => {
    fc.assert(
      fc.property(fc.record({ title: decomposed(), agency: decomposed(), name: decomposed(), step: decomposed(), opinion: decomposed(), note: decomposed() }), (texts) => {
        const db = new BetterSqlite3(':memory:');
        migrate(db, MIGRATIONS, 240);
        for (const { sql, params } of decomposedRows(texts)) db.prepare(sql).run(...params);
        migrate(db, MIGRATIONS, 250);
        const draft = db.prepare<[], { title: string; agency: string }>("SELECT title, drafting_agency AS agency FROM drafts WHERE id = 'working'").get()!;
        const regulation = db.prepare<[], { name: string; components: string }>("SELECT name, components FROM regulations WHERE id = 'working-regulation'").get()!;
        const profile = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'profile'").get()!;
        const expected = expectedAfterComposing(texts);
        expect([draft.title, draft.agency]).toEqual(expected.drafts);
        expect([regulation.name, (JSON.parse(regulation.components) as { steps: string[] }).steps[0]]).toEqual(expected.regulation);
        expect((JSON.parse(profile.value) as { agency: string }).agency).toBe(expected.profileAgency);
        expect(db.prepare<[], { text: string }>("SELECT text FROM opinions WHERE id = 'issued-opinion'").get()!.text).toBe(expected.issuedOpinion);
        expect(db.prepare<[], { note: string }>('SELECT note FROM events').get()!.note).toBe(expected.eventNote);
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});
