import { describe, expect, it } from 'vitest';
import type { Components } from '../../../shared/domain/dossier';
import { ROWS_BEFORE_0350, methodsFollowing, readFromMethods } from '../../../test/unit/methodLimitRows';
import { atSqliteSchemaVersion, insertSqliteDraftD } from '../../../test/unit/sqliteMigration';

describe('a filing method follows the procedure’s time limit it had copied (migration 0350)', () => {
  it('clears each copy equal to the procedure’s limit, keeps a limit of the method’s own, and nothing read from the methods changes', () => {
    atSqliteSchemaVersion(340, (db, migrateTo) => {
      insertSqliteDraftD(db);
      const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
        VALUES (?, 'd', ?, 'tthc', 'amended', 'Cấp giấy phép', ?, ?, 'x', 'x')`);
      ROWS_BEFORE_0350.forEach(({ id, components, baseline }, position) => insert.run(id, position, JSON.stringify(components), baseline ? JSON.stringify(baseline) : null));
      migrateTo(350);
      for (const { id, components, baseline, after } of ROWS_BEFORE_0350) {
        const stored = JSON.parse(db.prepare<[string], { components: string }>('SELECT components FROM regulations WHERE id = ?').get(id)!.components) as Components;
        expect(stored, id).toEqual(after);
        expect(readFromMethods(stored, baseline), id).toEqual(readFromMethods(components, baseline));
        // A later change of the procedure's limit reaches every method that had copied it.
        const copied = (components.methodTerms ?? []).filter((terms) => terms.timeLimitDays === components.timeLimitDays && (terms.timeLimitUnit ?? 'working') === (components.timeLimitUnit ?? 'working'));
        expect(methodsFollowing(stored, 365), id).toEqual(expect.arrayContaining(copied.map(({ method }) => method)));
      }
    });
  });
});
