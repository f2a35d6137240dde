import { describe, expect, it } from 'vitest';
import { METHOD_COLUMNS, ROWS_BEFORE_0370, storedPairs } from '../../../test/unit/methodPairRows';
import { atSqliteSchemaVersion, insertSqliteDraftD } from '../../../test/unit/sqliteMigration';

describe('each filing method\'s time limits stored beside the regulation (migration 0370)', () => {
  it('fills the pairs of existing regulations method by method, and none where there is no «before»', () => {
    atSqliteSchemaVersion(360, (db, migrateTo) => {
      insertSqliteDraftD(db);
      const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
        VALUES (?, 'd', ?, 'tthc', ?, 'Cấp giấy phép', ?, ?, 'x', 'x')`);
      ROWS_BEFORE_0370.forEach(({ id, change, components, baseline }, position) => insert.run(id, position, change, JSON.stringify(components), baseline === null ? null : JSON.stringify(baseline)));
      migrateTo(370);
      for (const { id, after } of ROWS_BEFORE_0370) {
        const row = db.prepare<[string], Record<string, number | null>>(`SELECT ${METHOD_COLUMNS.join(', ')} FROM regulations WHERE id = ?`).get(id)!;
        expect(storedPairs(row), id).toEqual(after);
      }
    });
  });
});
