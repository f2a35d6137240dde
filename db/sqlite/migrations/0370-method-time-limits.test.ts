import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { METHOD_COLUMNS, ROWS_BEFORE_0370, storedPairs } from '../../../test/unit/methodPairRows';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('each filing method\'s time limits stored beside the regulation (migration 0370)', () => {
  it('fills the pairs of existing regulations method by method, and none where there is no «before»', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 360);
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
      VALUES (?, 'd', ?, 'tthc', ?, 'Cấp giấy phép', ?, ?, 'x', 'x')`);
    ROWS_BEFORE_0370.forEach(({ id, change, components, baseline }, position) => insert.run(id, position, change, JSON.stringify(components), baseline === null ? null : JSON.stringify(baseline)));
    migrate(db, MIGRATIONS, 370);
    for (const { id, after } of ROWS_BEFORE_0370) {
      const row = db.prepare<[string], Record<string, number | null>>(`SELECT ${METHOD_COLUMNS.join(', ')} FROM regulations WHERE id = ?`).get(id)!;
      expect(storedPairs(row), id).toEqual(after);
    }
    db.close();
  });
});
