import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { feePerCase } from '../../../shared/domain/methodTerms';
import { ROWS_BEFORE_0310 } from '../../../test/unit/methodTermsRows';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('a time limit and fee per filing method (migration 0310)', () => {
  it('copies the single time limit and fees to every listed method, and the fee per case stays what it was', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 300);
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, created_at, updated_at)
      VALUES (?, 'd', ?, 'tthc', 'amended', 'Cấp giấy phép', ?, 'x', 'x')`);
    ROWS_BEFORE_0310.forEach(({ id, components }, position) => insert.run(id, position, JSON.stringify(components)));
    migrate(db, MIGRATIONS, 310);
    for (const { id, components, after } of ROWS_BEFORE_0310) {
      const stored = JSON.parse(db.prepare<[string], { components: string }>('SELECT components FROM regulations WHERE id = ?').get(id)!.components);
      expect(stored, id).toEqual(after);
      expect(feePerCase(stored), id).toBe(feePerCase(components));
    }
    db.close();
  });
});
