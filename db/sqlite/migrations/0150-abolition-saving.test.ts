import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ABOLISHED_AS_UNNECESSARY, FIGURES_BEFORE_0150 } from '../../../test/unit/abolishedAssessment';
import { evaluateCostWorksheet } from '../../../shared/domain/cost';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('an abolition saves what it abolishes (migration 0150)', () => {
  it('recomputes the stored figures of an abolition judged not necessary: its baseline counts as saved', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 130);
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    db.prepare(
      `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, assessment, created_at, updated_at, assessment_worksheet, annual_baseline_cost, annual_proposed_cost)
       VALUES ('r', 'd', 0, 'tthc', 'abolished', 'Cấp giấy phép', '{}', ?, 'x', 'x', ?, ?, ?)`,
    ).run(JSON.stringify(ABOLISHED_AS_UNNECESSARY), FIGURES_BEFORE_0150.worksheet, FIGURES_BEFORE_0150.baseline, FIGURES_BEFORE_0150.proposed);
    migrate(db, MIGRATIONS, 150);
    const stored = db.prepare('SELECT assessment_worksheet AS worksheet, annual_baseline_cost AS baseline, annual_proposed_cost AS proposed FROM regulations').get();
    expect(stored).toEqual({ worksheet: 'present', baseline: evaluateCostWorksheet(ABOLISHED_AS_UNNECESSARY.cost!).annual.baseline, proposed: 0 });
  });
});
