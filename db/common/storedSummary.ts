// The figures every engine stores beside a regulation's assessment, computed here once from the domain's rules: the
// SQLite and PostgreSQL repositories write them on every save, and the migrations that recompute them after a rule
// changes bind the same columns.
import { assessmentStatus, type WorksheetState } from '../../shared/domain/assessmentStatus';
import type { Recommendation } from '../../shared/domain/assessmentTemplate';
import { evaluateCostWorksheet, type CostPair } from '../../shared/domain/cost';
import { countedAnnualCost } from '../../shared/domain/costRollup';
import type { Assessment } from '../../shared/domain/dossier';
import type { Change } from '../../shared/domain/vocabulary';
import type { AssessmentSummary } from '../port';

/**
 * Also stored: the annual cost the regulation adds to roll-ups (null when it adds none), so summaries sum in SQL, and
 * the assessment's progress as the draft's checklist shows it (migration 0130), so the checklist never re-scores.
 */
export type StoredSummary = AssessmentSummary & {
  annualBaselineCost: number | null;
  annualProposedCost: number | null;
  answered: number;
  total: number;
  worksheet: WorksheetState;
  recommendation: Recommendation;
  problemCount: number;
  /** The worksheet's own annual figures (null without a worksheet), whether or not the roll-ups count them. */
  worksheetAnnual: CostPair | null;
};

// Without an assessment the summary depends on the change alone; most regulations start that way.
const unassessedSummaries = new Map<Change, StoredSummary>();

/** Exported for the migration that recomputes the stored figures when their rules change. */
export function summarizeAssessment(assessment: Assessment | undefined, change: Change): StoredSummary {
  const cached = assessment ? undefined : unassessedSummaries.get(change);
  if (cached) return cached;
  const status = assessmentStatus(assessment, change);
  const annual = countedAnnualCost(change, assessment, status);
  const summary = {
    necessityScore: status.score.score,
    assessmentComplete: status.complete,
    annualBaselineCost: annual?.baseline ?? null,
    annualProposedCost: annual?.proposed ?? null,
    answered: status.progress.answered,
    total: status.progress.total,
    worksheet: status.worksheet,
    recommendation: status.progress.recommendation,
    problemCount: status.problems.length,
    worksheetAnnual: assessment?.cost ? evaluateCostWorksheet(assessment.cost).annual : null,
  };
  if (!assessment) unassessedSummaries.set(change, summary);
  return summary;
}

/** The stored columns' statement parameters of a summary: the repository's writes and the recomputing migrations bind these. */
export function storedSummaryColumns(summary: StoredSummary) {
  return {
    necessityScore: summary.necessityScore,
    assessmentComplete: summary.assessmentComplete ? 1 : 0,
    annualBaselineCost: summary.annualBaselineCost,
    annualProposedCost: summary.annualProposedCost,
    answered: summary.answered,
    total: summary.total,
    worksheet: summary.worksheet,
    recommendation: summary.recommendation,
    problemCount: summary.problemCount,
    worksheetAnnualBaseline: summary.worksheetAnnual?.baseline ?? null,
    worksheetAnnualProposed: summary.worksheetAnnual?.proposed ?? null,
  };
}
