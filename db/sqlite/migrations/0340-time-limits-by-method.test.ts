import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROWS_BEFORE_0340 } from '../../../test/unit/methodTimeLimitRows';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('the time-limit cut compared method by method (migration 0340)', () => {
  it('recomputes the stored pair of a regulation whose methods state their own time limit, and keeps the others', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 330);
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, time_limit_before, time_limit_after, created_at, updated_at)
      VALUES (?, 'd', ?, 'tthc', 'amended', 'Cấp giấy phép', ?, ?, ?, ?, 'x', 'x')`);
    ROWS_BEFORE_0340.forEach(({ id, components, baseline, stored }, position) => insert.run(id, position, JSON.stringify(components), JSON.stringify(baseline), ...stored));
    migrate(db, MIGRATIONS, 340);
    for (const { id, after } of ROWS_BEFORE_0340) {
      const row = db.prepare<[string], { before: number; after: number }>('SELECT time_limit_before AS before, time_limit_after AS after FROM regulations WHERE id = ?').get(id)!;
      expect([row.before, row.after], id).toEqual(after);
    }
    db.close();
  });
});
