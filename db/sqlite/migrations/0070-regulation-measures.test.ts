import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('migration 0070: processing time and business conditions beside each regulation', () => {
  it('fills the figures after the draft for existing rows from their components and QĐKD assessment', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 50);
    db.prepare(
      `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
       VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 1, 'drafting', '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, assessment, created_at, updated_at)
       VALUES (?, 'd', ?, ?, ?, ?, ?, ?, '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z')`,
    );
    const conditions = [{ condition: 'A', keep: true }, { condition: 'B', keep: false }, { condition: 'C', keep: false }];
    insert.run('abolished', 0, 'qdkd', 'abolished', 'Bãi bỏ', JSON.stringify({ conditions: ['x', 'y'] }), null);
    insert.run('assessed', 1, 'qdkd', 'amended', 'Điều kiện', JSON.stringify({ timeLimitDays: 10 }), JSON.stringify({ template: '2025-qdkd', answers: { 'conditions.items': { value: conditions } } }));
    insert.run('new', 2, 'tthc', 'new', 'Mới', JSON.stringify({ timeLimitDays: 5, conditions: ['x'] }), null);
    migrate(db, MIGRATIONS, 70);
    const rows = db
      .prepare('SELECT id, baseline, time_limit_before, time_limit_after, conditions_before, conditions_after FROM regulations ORDER BY position')
      .all();
    expect(rows).toEqual([
      // Without a baseline the count before is unknown, even though nothing is left after.
      { id: 'abolished', baseline: null, time_limit_before: null, time_limit_after: null, conditions_before: null, conditions_after: null },
      // The assessment's table lists 3 conditions (before) and keeps 1 (after); the time before is unknown.
      { id: 'assessed', baseline: null, time_limit_before: null, time_limit_after: null, conditions_before: 3, conditions_after: 1 },
      { id: 'new', baseline: null, time_limit_before: null, time_limit_after: null, conditions_before: null, conditions_after: null },
    ]);
  });
});
