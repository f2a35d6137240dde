import { describe, expect, it } from 'vitest';
import { CATALOGUE_BEFORE_0380, ROWS_BEFORE_0380, SCOPE_FIGURES_0380, SCOPE_SUMS_SQL, sumsByScope } from '../../../test/unit/scopeRows';
import { atSqliteSchemaVersion, insertSqliteDraftD } from '../../../test/unit/sqliteMigration';

describe('a procedure stating no subjects takes its scope from its published record (migration 0380)', () => {
  it('moves the abolition of a traders’ licence into the business-related procedures, keeps own subjects, and changes the figures as written out', () => {
    atSqliteSchemaVersion(370, (db, migrateTo) => {
      insertSqliteDraftD(db, 'Bộ Công Thương');
      const catalogue = db.prepare(`INSERT INTO catalogue_procedures (code, name, field, level, publication_decision, record, imported_at) VALUES (?, ?, ?, ?, ?, ?, 'x')`);
      for (const procedure of CATALOGUE_BEFORE_0380) catalogue.run(procedure.code, procedure.name, procedure.field, procedure.level, procedure.publicationDecision, JSON.stringify(procedure));
      const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, national_code, name, components, annual_baseline_cost, annual_proposed_cost, scope_class, created_at, updated_at)
        VALUES (?, 'd', ?, 'tthc', ?, ?, 'Thủ tục', ?, ?, ?, ?, 'x', 'x')`);
      ROWS_BEFORE_0380.forEach(({ id, change, code, components, baseline, proposed, before }, position) => insert.run(id, position, change, code, JSON.stringify(components), baseline, proposed, before));
      const figures = () => sumsByScope(db.prepare<[], { scope_class: string; baseline: number; proposed: number }>(SCOPE_SUMS_SQL).all());
      expect(figures()).toEqual(SCOPE_FIGURES_0380.before);

      migrateTo(380);
      for (const { id, after } of ROWS_BEFORE_0380) expect(db.prepare<[string], { scope_class: string }>('SELECT scope_class FROM regulations WHERE id = ?').get(id)!.scope_class, id).toBe(after);
      expect(figures()).toEqual(SCOPE_FIGURES_0380.after);
    });
  });
});
