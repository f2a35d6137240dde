import { describe, expect, it } from 'vitest';
import { ROWS_BEFORE_0340 } from '../../../test/unit/methodTimeLimitRows';
import { atSqliteSchemaVersion, insertSqliteDraftD } from '../../../test/unit/sqliteMigration';

describe('the time-limit cut compared method by method (migration 0340)', () => {
  it('recomputes the stored pair of a regulation whose methods state their own time limit, and keeps the others', () => {
    atSqliteSchemaVersion(330, (db, migrateTo) => {
      insertSqliteDraftD(db);
      const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, time_limit_before, time_limit_after, created_at, updated_at)
        VALUES (?, 'd', ?, 'tthc', 'amended', 'Cấp giấy phép', ?, ?, ?, ?, 'x', 'x')`);
      ROWS_BEFORE_0340.forEach(({ id, components, baseline, stored }, position) => insert.run(id, position, JSON.stringify(components), JSON.stringify(baseline), ...stored));
      migrateTo(340);
      for (const { id, after } of ROWS_BEFORE_0340) {
        const row = db.prepare<[string], { before: number; after: number }>('SELECT time_limit_before AS before, time_limit_after AS after FROM regulations WHERE id = ?').get(id)!;
        expect([row.before, row.after], id).toEqual(after);
      }
    });
  });
});
