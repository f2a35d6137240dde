import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { answerEverything, WORKED_WORKSHEET } from '../../../test/unit/assessmentAnswers';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../../../shared/domain/assessmentTemplate';
import { evaluateCostWorksheet } from '../../../shared/domain/cost';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('migration 0090 (stored annual cost)', () => {
  it('recomputes the stored figures of the regulations already there', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 50);
    const assessment = { template: DEFAULT_TEMPLATE_ID, answers: answerEverything(findTemplate(DEFAULT_TEMPLATE_ID)!, 'amended'), cost: WORKED_WORKSHEET };
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, assessment, created_at, updated_at)
      VALUES (?, 'd', ?, 'tthc', ?, 'Cấp giấy phép', ?, 'x', 'x')`);
    insert.run('costed', 0, 'amended', JSON.stringify(assessment));
    insert.run('lopsided', 1, 'amended', JSON.stringify({ ...assessment, cost: { ...WORKED_WORKSHEET, baseline: undefined } }));
    insert.run('unassessed', 2, 'new', null);
    migrate(db, MIGRATIONS, 90);
    const rows = db.prepare('SELECT id, assessment_complete, annual_baseline_cost, annual_proposed_cost FROM regulations ORDER BY position').all();
    const { annual } = evaluateCostWorksheet(WORKED_WORKSHEET);
    expect(rows).toEqual([
      { id: 'costed', assessment_complete: 1, annual_baseline_cost: annual.baseline, annual_proposed_cost: annual.proposed },
      { id: 'lopsided', assessment_complete: 0, annual_baseline_cost: null, annual_proposed_cost: null },
      { id: 'unassessed', assessment_complete: 0, annual_baseline_cost: null, annual_proposed_cost: null },
    ]);
  });
});
