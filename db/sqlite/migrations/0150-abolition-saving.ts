import type { Database } from 'better-sqlite3';
import type { Assessment } from '../../../shared/domain/dossier';
import { storedSummaryColumns, summarizeAssessment } from '../../common/storedSummary';

/**
 * An abolition saves what it abolishes (issue 22 item 3): its worksheet counts in the roll-ups even when section I
 * concludes "not necessary", the natural answer for an abolition, which used to store it as 'not_needed' and count
 * 0 đ saved. Recomputes the stored figures of every abolished regulation with an assessment from the current rules.
 */
export function up(db: Database): void {
  const rows = db
    .prepare<[], { seq: number; assessment: string }>("SELECT seq, assessment FROM regulations WHERE change = 'abolished' AND assessment IS NOT NULL")
    .all();
  const fill = db.prepare(
    `UPDATE regulations SET necessity_score = @necessityScore, assessment_complete = @assessmentComplete,
       annual_baseline_cost = @annualBaselineCost, annual_proposed_cost = @annualProposedCost,
       assessment_answered = @answered, assessment_total = @total, assessment_worksheet = @worksheet, assessment_recommendation = @recommendation,
       assessment_problems = @problemCount, worksheet_annual_baseline = @worksheetAnnualBaseline, worksheet_annual_proposed = @worksheetAnnualProposed
     WHERE seq = @seq`,
  );
  for (const row of rows) fill.run({ seq: row.seq, ...storedSummaryColumns(summarizeAssessment(JSON.parse(row.assessment) as Assessment, 'abolished')) });
}
