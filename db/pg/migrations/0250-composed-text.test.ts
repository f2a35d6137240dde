import fc from 'fast-check';
import { expect, it } from 'vitest';
import { decomposedRows, expectedAfterComposing } from '../../../test/unit/decomposedRows';
import { atSchemaVersion, describePostgres } from '../../../test/pg/database';
import { vietnameseText } from '../../../test/pg/vietnameseText';

const decomposed = () => vietnameseText().map((text) => text.normalize('NFD'));
const numbered = (sql: string) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
};

describePostgres('stored text composed to NFC (PostgreSQL migration 0250)', () => {
  it('composes working records and leaves the history and issued opinions as written', async () => {
    await atSchemaVersion(240, async (client, migrateTo) => {
      await fc.assert(
        fc.asyncProperty(fc.record({ title: decomposed(), agency: decomposed(), name: decomposed(), step: decomposed(), opinion: decomposed(), note: decomposed() }), async (texts) => {
          // Each run migrates the same rows again: 0250 is taken back out of the ledger, its rows emptied first.
          await client.query("ALTER TABLE events DISABLE TRIGGER events_refuse_delete; ALTER TABLE opinions DISABLE TRIGGER opinions_refuse_delete");
          await client.query('DELETE FROM events; DELETE FROM opinions; DELETE FROM regulations; DELETE FROM drafts; DELETE FROM settings; DELETE FROM schema_migrations WHERE version = 250');
          await client.query("ALTER TABLE events ENABLE TRIGGER events_refuse_delete; ALTER TABLE opinions ENABLE TRIGGER opinions_refuse_delete");
          for (const { sql, params } of decomposedRows(texts)) await client.query(numbered(sql), params);
          await migrateTo(250);
          const draft = (await client.query<{ title: string; agency: string }>("SELECT title, drafting_agency AS agency FROM drafts WHERE id = 'working'")).rows[0]!;
          const regulation = (await client.query<{ name: string; components: { steps: string[] } }>("SELECT name, components FROM regulations WHERE id = 'working-regulation'")).rows[0]!;
          const profile = (await client.query<{ value: { agency: string } }>("SELECT value FROM settings WHERE key = 'profile'")).rows[0]!;
          const expected = expectedAfterComposing(texts);
          expect([draft.title, draft.agency]).toEqual(expected.drafts);
          expect([regulation.name, regulation.components.steps[0]]).toEqual(expected.regulation);
          expect(profile.value.agency).toBe(expected.profileAgency);
          expect((await client.query<{ text: string }>("SELECT text FROM opinions WHERE id = 'issued-opinion'")).rows[0]!.text).toBe(expected.issuedOpinion);
          expect((await client.query<{ note: string }>('SELECT note FROM events')).rows[0]!.note).toBe(expected.eventNote);
        }),
        { numRuns: 15 },
      );
    });
  });
});
