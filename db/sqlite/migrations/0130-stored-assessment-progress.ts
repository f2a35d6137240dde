import type { Database } from 'better-sqlite3';
import type { Assessment } from '../../../shared/domain/dossier';
import type { Change } from '../../../shared/domain/vocabulary';
import { storedSummaryColumns, summarizeAssessment } from '../../common/storedSummary';

/**
 * Each regulation's assessment progress as the draft's checklist shows it (questions answered of how many, the
 * worksheet's state and its own annual figures, the recommendation, how many problems), stored beside its score so
 * that the checklist of a draft of 1.000 regulations reads columns instead of parsing and scoring every assessment.
 * The repository rewrites them on every write. This migration adds the columns and recomputes every stored figure
 * (score, completeness, counted costs and the new progress columns) from the current rules; a later change of those
 * rules (templates, weights, worksheet checks) must ship a migration that recomputes them again the same way.
 * It also indexes the live regulations by draft, so that the regulation count of every listed draft is read from the
 * index alone instead of from each row (the draft list counts them per row, trashed ones left out).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE regulations ADD COLUMN assessment_answered INTEGER NOT NULL DEFAULT 0 CHECK (assessment_answered >= 0);
    ALTER TABLE regulations ADD COLUMN assessment_total INTEGER NOT NULL DEFAULT 0 CHECK (assessment_total >= 0);
    ALTER TABLE regulations ADD COLUMN assessment_worksheet TEXT NOT NULL DEFAULT 'missing' CHECK (assessment_worksheet IN ('not_needed', 'missing', 'present'));
    ALTER TABLE regulations ADD COLUMN assessment_recommendation TEXT NOT NULL DEFAULT 'keep' CHECK (assessment_recommendation IN ('keep', 'do_not_regulate'));
    ALTER TABLE regulations ADD COLUMN assessment_problems INTEGER NOT NULL DEFAULT 0 CHECK (assessment_problems >= 0);
    ALTER TABLE regulations ADD COLUMN worksheet_annual_baseline REAL;
    ALTER TABLE regulations ADD COLUMN worksheet_annual_proposed REAL;
    CREATE INDEX regulations_live_by_draft ON regulations (draft_id, position) WHERE deleted_at IS NULL;
  `);
  const rows = db.prepare<[], { seq: number; change: string; assessment: string | null }>('SELECT seq, change, assessment FROM regulations').iterate();
  const fill = db.prepare(
    `UPDATE regulations SET necessity_score = @necessityScore, assessment_complete = @assessmentComplete,
       annual_baseline_cost = @annualBaselineCost, annual_proposed_cost = @annualProposedCost,
       assessment_answered = @answered, assessment_total = @total, assessment_worksheet = @worksheet, assessment_recommendation = @recommendation,
       assessment_problems = @problemCount, worksheet_annual_baseline = @worksheetAnnualBaseline, worksheet_annual_proposed = @worksheetAnnualProposed
     WHERE seq = @seq`,
  );
  const updates: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    const summary = summarizeAssessment(row.assessment ? (JSON.parse(row.assessment) as Assessment) : undefined, row.change as Change);
    updates.push({ seq: row.seq, ...storedSummaryColumns(summary) });
  }
  for (const update of updates) fill.run(update);
}
