import type { Database } from 'better-sqlite3';
import type { Assessment } from '../../../shared/domain/dossier';
import type { Change } from '../../../shared/domain/vocabulary';
import { summarizeAssessment } from '../../common/storedSummary';

/**
 * Each regulation's annual cost as the roll-ups count it (shared/domain/costRollup.ts countedAnnualCost: null when it
 * adds nothing), kept beside its score so that the cost summary sums in SQL instead of evaluating every worksheet.
 * The repository rewrites it with the score on every write. This migration adds the columns and recomputes every
 * stored figure (score, completeness and both costs) from the current rules; a later change of those rules must ship
 * a migration that recomputes them again the same way.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE regulations ADD COLUMN annual_baseline_cost REAL CHECK (annual_baseline_cost IS NULL OR annual_baseline_cost >= 0);
    ALTER TABLE regulations ADD COLUMN annual_proposed_cost REAL CHECK (annual_proposed_cost IS NULL OR annual_proposed_cost >= 0);
  `);
  const rows = db.prepare<[], { seq: number; change: string; assessment: string | null }>('SELECT seq, change, assessment FROM regulations').all();
  const fill = db.prepare(
    'UPDATE regulations SET necessity_score = ?, assessment_complete = ?, annual_baseline_cost = ?, annual_proposed_cost = ? WHERE seq = ?',
  );
  for (const row of rows) {
    const summary = summarizeAssessment(row.assessment ? (JSON.parse(row.assessment) as Assessment) : undefined, row.change as Change);
    fill.run(summary.necessityScore, summary.assessmentComplete ? 1 : 0, summary.annualBaselineCost, summary.annualProposedCost, row.seq);
  }
}
