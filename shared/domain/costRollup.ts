// Roll-up of a set of regulations (one draft, or all drafts): how many each kind of change, how many are fully
// assessed, and their annual compliance cost before and after against the cost targets of the reform programs in
// force during the period it is judged in (reformPrograms.ts).
import { assessmentStatus, type AssessmentStatus } from './assessmentStatus';
import { compensatedSum, costReduction, evaluateCostWorksheet, worksheetProblems, type CostPair, type CostReduction } from './cost';
import { scopedTargets, scopeClassOf, SCOPE_CLASSES, type MeasureTarget, type ScopeClass } from './reformPrograms';
import type { Assessment } from './dossier';
import { CHANGES, type Change, type RegulationKind } from './vocabulary';

export type RollupInput = { kind: RegulationKind; change: Change; assessment?: Assessment; components: { subjects?: readonly string[] | undefined } };

/** The regulations of one scope class in a roll-up, and the annual cost they add to it. */
export type ScopeTotals = { regulations: number; annual: CostPair };
export type ScopeBreakdown = Record<ScopeClass, ScopeTotals>;

export const noScopes = (): ScopeBreakdown =>
  Object.fromEntries(SCOPE_CLASSES.map((scopeClass) => [scopeClass, { regulations: 0, annual: { baseline: 0, proposed: 0 } }])) as ScopeBreakdown;

export type CostRollup = {
  regulations: number;
  byChange: Record<Change, number>;
  /** Regulations whose assessment is complete. */
  assessed: number;
  /** Regulations whose worksheet entered the totals. */
  costed: number;
  annual: CostPair;
  reduction: CostReduction;
  /** The same per scope class: each program is judged on the classes it covers (reformPrograms.ts scopedTargets). */
  byScope: ScopeBreakdown;
  /**
   * The period the roll-up is judged in, and the compliance-cost target of each program in force then whose scope
   * covers at least one of its regulations, judged on those alone (achieved is null without their baseline).
   */
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

// Re-exported: the summation rule lives with the cost model, which the reform programs' scoped shares use too.
export { compensatedSum } from './cost';

export function costRollup(regulations: readonly RollupInput[], judgedIn: Period): CostRollup {
  const byChange = Object.fromEntries(CHANGES.map((change) => [change, 0])) as Record<Change, number>;
  const baselines: number[] = [];
  const proposals: number[] = [];
  const scoped = Object.fromEntries(SCOPE_CLASSES.map((scopeClass) => [scopeClass, { regulations: 0, baselines: [] as number[], proposals: [] as number[] }]));
  let assessed = 0;
  for (const regulation of regulations) {
    const { change, assessment } = regulation;
    const scope = scoped[scopeClassOf(regulation)]!;
    byChange[change] += 1;
    scope.regulations += 1;
    if (!assessment) continue;
    const status = assessmentStatus(assessment, change);
    if (status.complete) assessed += 1;
    const annual = countedAnnualCost(change, assessment, status);
    if (!annual) continue;
    baselines.push(annual.baseline);
    proposals.push(annual.proposed);
    scope.baselines.push(annual.baseline);
    scope.proposals.push(annual.proposed);
  }
  const byScope = Object.fromEntries(
    SCOPE_CLASSES.map((scopeClass) => {
      const { regulations: count, baselines: scopeBaselines, proposals: scopeProposals } = scoped[scopeClass]!;
      return [scopeClass, { regulations: count, annual: { baseline: compensatedSum(scopeBaselines), proposed: compensatedSum(scopeProposals) } }];
    }),
  ) as ScopeBreakdown;
  return rollupFromCounts({
    regulations: regulations.length,
    byChange,
    assessed,
    costed: baselines.length,
    annual: { baseline: compensatedSum(baselines), proposed: compensatedSum(proposals) },
    byScope,
  }, judgedIn);
}

export type RollupCounts = Pick<CostRollup, 'regulations' | 'byChange' | 'assessed' | 'costed' | 'annual' | 'byScope'>;

/** The roll-up of counts and totals taken elsewhere (the database sums the stored figures of each draft). */
export function rollupFromCounts(counts: RollupCounts, judgedIn: Period): CostRollup {
  const reduction = costReduction(counts.annual.baseline, counts.annual.proposed);
  return { ...counts, reduction, judgedIn, targets: scopedTargets('compliance_cost', judgedIn, counts.byScope) };
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
    byScope: Object.fromEntries(
      SCOPE_CLASSES.map((scopeClass) => [
        scopeClass,
        {
          regulations: total((part) => part.byScope[scopeClass].regulations),
          annual: {
            baseline: compensatedSum(parts.map((part) => part.byScope[scopeClass].annual.baseline)),
            proposed: compensatedSum(parts.map((part) => part.byScope[scopeClass].annual.proposed)),
          },
        },
      ]),
    ) as ScopeBreakdown,
  }, judgedIn);
}
