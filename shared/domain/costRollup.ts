// Roll-up of a set of regulations (one draft, or all drafts): how many each kind of change, how many are fully
// assessed, and their annual compliance cost before and after against the cost targets of the reform programs in
// force during the period it is judged in (reformPrograms.ts).
import { assessmentStatus, type AssessmentStatus } from './assessmentStatus';
import { costReduction, evaluateCostWorksheet, worksheetProblems, type CostPair, type CostReduction } from './cost';
import { measureTargets, type MeasureTarget } from './reformPrograms';
import type { Assessment } from './dossier';
import { CHANGES, type Change } from './vocabulary';

export type RollupInput = { change: Change; assessment?: Assessment };

export type CostRollup = {
  regulations: number;
  byChange: Record<Change, number>;
  /** Regulations whose assessment is complete. */
  assessed: number;
  /** Regulations whose worksheet entered the totals. */
  costed: number;
  annual: CostPair;
  reduction: CostReduction;
  /** The period the roll-up is judged in, and each compliance-cost target in force then (met is null without a baseline). */
  judgedIn: Period;
  targets: MeasureTarget[];
};

type Period = { from: string; to: string };

/**
 * What one regulation adds to the cost totals: every regulation with a worksheet that fits its change counts, with
 * an absent side as zero: a new regulation adds its whole cost, an abolished one saves its whole baseline. A
 * worksheet with a missing or superfluous side is left out (null) rather than counted as pure gain or loss (its
 * regulation still shows as not assessed), and so is one left over on a regulation the assessment recommends not to
 * regulate: that procedure will cost nothing. An abolition saves its baseline whatever its questionnaire concludes. The database stores this beside each regulation (annual_*_cost), so
 * summaries sum it in SQL; `status` is the regulation's assessmentStatus, passed in when the caller has it already.
 */
export function countedAnnualCost(change: Change, assessment: Assessment | undefined, status?: AssessmentStatus): CostPair | null {
  const worksheet = assessment?.cost;
  if (!worksheet || worksheetProblems(change, worksheet).length > 0) return null;
  if ((status ?? assessmentStatus(assessment, change)).worksheet === 'not_needed') return null;
  return evaluateCostWorksheet(worksheet).annual;
}

/**
 * Compensated (Kahan–Babuška–Neumaier) summation, step for step as SQLite's sum() and total() do it since 3.43, so
 * that a roll-up summed in SQL equals the one summed here to the last bit (and neither drifts over 100.000 terms).
 */
export function compensatedSum(values: Iterable<number>): number {
  let sum = 0;
  let error = 0;
  for (const value of values) {
    const next = sum + value;
    error += Math.abs(sum) > Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + error;
}

export function costRollup(regulations: readonly RollupInput[], judgedIn: Period): CostRollup {
  const byChange = Object.fromEntries(CHANGES.map((change) => [change, 0])) as Record<Change, number>;
  const baselines: number[] = [];
  const proposals: number[] = [];
  let assessed = 0;
  for (const { change, assessment } of regulations) {
    byChange[change] += 1;
    if (!assessment) continue;
    const status = assessmentStatus(assessment, change);
    if (status.complete) assessed += 1;
    const annual = countedAnnualCost(change, assessment, status);
    if (!annual) continue;
    baselines.push(annual.baseline);
    proposals.push(annual.proposed);
  }
  return rollupFromCounts({
    regulations: regulations.length,
    byChange,
    assessed,
    costed: baselines.length,
    annual: { baseline: compensatedSum(baselines), proposed: compensatedSum(proposals) },
  }, judgedIn);
}

export type RollupCounts = Pick<CostRollup, 'regulations' | 'byChange' | 'assessed' | 'costed' | 'annual'>;

/** The roll-up of counts and totals taken elsewhere (the database sums the stored figures of each draft). */
export function rollupFromCounts(counts: RollupCounts, judgedIn: Period): CostRollup {
  const reduction = costReduction(counts.annual.baseline, counts.annual.proposed);
  return { ...counts, reduction, judgedIn, targets: measureTargets('compliance_cost', judgedIn, reduction.share) };
}

/** The roll-up of several sets from their own roll-ups (all drafts from each draft's), without scoring anything twice. */
export function combineRollups(parts: readonly CostRollup[], judgedIn: Period): CostRollup {
  const byChange = Object.fromEntries(CHANGES.map((change) => [change, parts.reduce((sum, part) => sum + part.byChange[change], 0)])) as Record<Change, number>;
  const total = (pick: (part: CostRollup) => number) => parts.reduce((sum, part) => sum + pick(part), 0);
  return rollupFromCounts({
    regulations: total((part) => part.regulations),
    byChange,
    assessed: total((part) => part.assessed),
    costed: total((part) => part.costed),
    annual: { baseline: compensatedSum(parts.map((part) => part.annual.baseline)), proposed: compensatedSum(parts.map((part) => part.annual.proposed)) },
  }, judgedIn);
}
