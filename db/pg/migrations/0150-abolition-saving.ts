import type { ClientBase } from 'pg';
import type { Assessment } from '../../../shared/domain/dossier';
import { storedSummaryColumns, summarizeAssessment } from '../../common/storedSummary';

/**
 * SQLite's migration 0150 (an abolition saves what it abolishes, issue 22 item 3): recomputes the stored figures of
 * every abolished regulation with an assessment from the current rules, in one statement over the computed rows.
 */
export async function up(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ seq: number; assessment: Assessment }>("SELECT seq, assessment FROM regulations WHERE change = 'abolished' AND assessment IS NOT NULL");
  if (rows.length === 0) return;
  const figures = rows.map((row) => ({ seq: row.seq, ...storedSummaryColumns(summarizeAssessment(row.assessment, 'abolished')) }));
  await client.query(
    `UPDATE regulations AS r SET necessity_score = f.necessity_score, assessment_complete = f.assessment_complete,
       annual_baseline_cost = f.annual_baseline_cost, annual_proposed_cost = f.annual_proposed_cost,
       assessment_answered = f.assessment_answered, assessment_total = f.assessment_total, assessment_worksheet = f.assessment_worksheet,
       assessment_recommendation = f.assessment_recommendation, assessment_problems = f.assessment_problems,
       worksheet_annual_baseline = f.worksheet_annual_baseline, worksheet_annual_proposed = f.worksheet_annual_proposed
     FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, necessity_score double precision, assessment_complete boolean,
       annual_baseline_cost double precision, annual_proposed_cost double precision, assessment_answered integer, assessment_total integer,
       assessment_worksheet text, assessment_recommendation text, assessment_problems integer,
       worksheet_annual_baseline double precision, worksheet_annual_proposed double precision)
     WHERE r.seq = f.seq`,
    [
      JSON.stringify(
        figures.map((row) => ({
          seq: row.seq,
          necessity_score: row.necessityScore,
          assessment_complete: row.assessmentComplete === 1,
          annual_baseline_cost: row.annualBaselineCost,
          annual_proposed_cost: row.annualProposedCost,
          assessment_answered: row.answered,
          assessment_total: row.total,
          assessment_worksheet: row.worksheet,
          assessment_recommendation: row.recommendation,
          assessment_problems: row.problemCount,
          worksheet_annual_baseline: row.worksheetAnnualBaseline,
          worksheet_annual_proposed: row.worksheetAnnualProposed,
        })),
      ),
    ],
  );
}
