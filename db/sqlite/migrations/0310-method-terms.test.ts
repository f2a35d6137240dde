import { describe, expect, it } from 'vitest';
import { feePerCase } from '../../../shared/domain/methodTerms';
import { ROWS_BEFORE_0310 } from '../../../test/unit/methodTermsRows';
import { atSqliteSchemaVersion, insertSqliteDraftD } from '../../../test/unit/sqliteMigration';

describe('a time limit and fee per filing method (migration 0310)', () => {
  it('copies the single time limit and fees to every listed method, and the fee per case stays what it was', () => {
    atSqliteSchemaVersion(300, (db, migrateTo) => {
      insertSqliteDraftD(db);
      const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, created_at, updated_at)
        VALUES (?, 'd', ?, 'tthc', 'amended', 'Cấp giấy phép', ?, 'x', 'x')`);
      ROWS_BEFORE_0310.forEach(({ id, components }, position) => insert.run(id, position, JSON.stringify(components)));
      migrateTo(310);
      for (const { id, components, after } of ROWS_BEFORE_0310) {
        const stored = JSON.parse(db.prepare<[string], { components: string }>('SELECT components FROM regulations WHERE id = ?').get(id)!.components);
        expect(stored, id).toEqual(after);
        expect(feePerCase(stored), id).toBe(feePerCase(components));
      }
    });
  });
});
