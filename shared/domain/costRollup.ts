// Roll-up of a set of regulations (one draft, or all drafts): how many each kind of change, how many are fully
// assessed, and their annual compliance cost before and after against the national 20% reduction target.
import { assessmentStatus } from './assessmentStatus';
import { COST_REDUCTION_TARGET, costReduction, evaluateCostWorksheet, worksheetProblems, type CostPair, type CostReduction } from './cost';
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
  target: number;
  /** Null while there is no baseline cost to reduce. */
  targetMet: boolean | null;
};

/**
 * Every regulation with a worksheet that fits its change counts, with an absent side as zero: a new regulation adds
 * its whole cost, an abolished one saves its whole baseline. A worksheet with a missing or superfluous side is left
 * out rather than counted as pure gain or loss (its regulation still shows as not assessed), and so is one left over
 * on a regulation the assessment recommends not to regulate: that procedure will cost nothing.
 */
export function costRollup(regulations: readonly RollupInput[]): CostRollup {
  const byChange = Object.fromEntries(CHANGES.map((change) => [change, 0])) as Record<Change, number>;
  const annual: CostPair = { baseline: 0, proposed: 0 };
  let assessed = 0;
  let costed = 0;
  for (const { change, assessment } of regulations) {
    byChange[change] += 1;
    if (!assessment) continue;
    const status = assessmentStatus(assessment, change);
    if (status.complete) assessed += 1;
    const worksheet = assessment.cost;
    if (!worksheet || status.worksheet === 'not_needed' || worksheetProblems(change, worksheet).length > 0) continue;
    const evaluation = evaluateCostWorksheet(worksheet);
    annual.baseline += evaluation.annual.baseline;
    annual.proposed += evaluation.annual.proposed;
    costed += 1;
  }
  return withReduction({ regulations: regulations.length, byChange, assessed, costed, annual });
}

type RollupCounts = Pick<CostRollup, 'regulations' | 'byChange' | 'assessed' | 'costed' | 'annual'>;

function withReduction(counts: RollupCounts): CostRollup {
  const reduction = costReduction(counts.annual.baseline, counts.annual.proposed);
  return {
    ...counts,
    reduction,
    target: COST_REDUCTION_TARGET,
    targetMet: reduction.share === null ? null : reduction.share >= COST_REDUCTION_TARGET,
  };
}

/** The roll-up of several sets from their own roll-ups (all drafts from each draft's), without scoring anything twice. */
export function combineRollups(parts: readonly CostRollup[]): CostRollup {
  const byChange = Object.fromEntries(CHANGES.map((change) => [change, parts.reduce((sum, part) => sum + part.byChange[change], 0)])) as Record<Change, number>;
  const total = (pick: (part: CostRollup) => number) => parts.reduce((sum, part) => sum + pick(part), 0);
  return withReduction({
    regulations: total((part) => part.regulations),
    byChange,
    assessed: total((part) => part.assessed),
    costed: total((part) => part.costed),
    annual: { baseline: total((part) => part.annual.baseline), proposed: total((part) => part.annual.proposed) },
  });
}
