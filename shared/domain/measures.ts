// Processing time and business conditions as measured quantities beside compliance cost (Nghị quyết 66/NQ-CP sets
// targets on both). Per regulation: the quantity before the draft (its baseline: regulation.baseline, which the
// national TTHC database can prefill) and after it (the draft's own components, or the conditions its QĐKD
// assessment keeps). Stored beside the row on every write (db/sqlite/regulationsRepository.ts) and summed per period.
import { assessedConditionCounts } from './assessment';
import type { Assessment, Components, RegulationBaseline } from './dossier';
import { termsPerMethod } from './methodTerms';
import { inWorkingDays, timeLimitOf } from './timeLimits';
import type { ScopeClass } from './reformPrograms';
import type { KindCounts } from './statistics';
import { FILING_METHODS, type Change, type FilingMethod } from './vocabulary';

export type MeasurePair = { baseline: number; proposed: number };

/** One filing method's time limit before and after the draft, in working days; `method` null for a procedure that lists none. */
export type MethodTimeLimits = MeasurePair & { method: FilingMethod | null };

export type RegulationMeasures = {
  /**
   * Working days before and after, the mean over the filing methods (each weighted equally, as the fee per case is:
   * no record says how many cases go each way), so that a cut online counts for the online method alone; null unless
   * the regulation exists both before and after the draft and both are known.
   */
  timeLimitDays: MeasurePair | null;
  /** The same method by method (the procedure's own time limit alone when it lists no method); empty when null above. */
  timeLimitsByMethod: MethodTimeLimits[];
  /** Conditions before and after; null unless the count before is known. An abolished regulation keeps none. */
  businessConditions: MeasurePair | null;
};

export type MeasuredRegulation = {
  change: Change;
  components: Components;
  baseline?: RegulationBaseline;
  assessment?: Assessment;
};

/** Changes after which the regulation still exists with a time limit of its own. */
const KEEPS_EXISTING = new Set<Change>(['amended', 'replaced']);

/**
 * The counts of a QĐKD assessment's per-condition table, when it has one: how many conditions it lists and how many
 * it keeps. Supplied by the questionnaire module so that this one stays free of templates.
 */
export type ConditionCounts = { listed: number; kept: number };

export function regulationMeasures(regulation: MeasuredRegulation, assessedConditions?: ConditionCounts): RegulationMeasures {
  const { change, components, baseline } = regulation;
  const timeLimitsByMethod = KEEPS_EXISTING.has(change) ? methodTimeLimits(components, baseline) : [];
  const timeLimitDays =
    timeLimitsByMethod.length === 0
      ? null
      : {
          baseline: timeLimitsByMethod.reduce((sum, pair) => sum + pair.baseline, 0) / timeLimitsByMethod.length,
          proposed: timeLimitsByMethod.reduce((sum, pair) => sum + pair.proposed, 0) / timeLimitsByMethod.length,
        };

  // Before: the baseline count, else the conditions the assessment lists (they are the regulation's conditions today).
  const conditionsBefore = change === 'new' ? undefined : (baseline?.businessConditions ?? assessedConditions?.listed);
  let conditionsAfter: number | undefined;
  if (change === 'abolished') conditionsAfter = 0;
  else conditionsAfter = assessedConditions?.kept ?? components.conditions?.length;
  const businessConditions = conditionsBefore !== undefined && conditionsAfter !== undefined ? { baseline: conditionsBefore, proposed: conditionsAfter } : null;

  return { timeLimitDays, timeLimitsByMethod, businessConditions };
}

/**
 * Each method the procedure offers after the draft, with its time limit before (the method's own today, else the
 * procedure's) and after, in working days whatever unit each states, so that totals add like with like. A procedure
 * that lists no method has one pair, its own time limits; a method whose limit is unknown on either side is left out.
 */
function methodTimeLimits(components: Components, baseline: RegulationBaseline | undefined): MethodTimeLimits[] {
  const before = timeLimitOf(baseline);
  const after = timeLimitOf(components);
  const offered = termsPerMethod(components);
  if (offered.length === 0) return before && after ? [{ method: null, baseline: inWorkingDays(before), proposed: inWorkingDays(after) }] : [];
  const beforeByMethod = new Map((baseline?.methodTerms ?? []).flatMap((terms) => (terms.timeLimitDays === undefined ? [] : [[terms.method, timeLimitOf(terms)!] as const])));
  return offered.flatMap(({ method, timeLimit }) => {
    const was = beforeByMethod.get(method) ?? before;
    return was && timeLimit ? [{ method, baseline: inWorkingDays(was), proposed: inWorkingDays(timeLimit) }] : [];
  });
}

export type MeasureTotal = {
  /** Regulations that entered the total. */
  regulations: number;
  baseline: number;
  proposed: number;
  /** (baseline − proposed) ÷ baseline; null without a baseline. Negative when the draft adds. */
  reductionShare: number | null;
  /** `regulations` split by kind, so that a sentence names what it counts («01 QĐKD», issue 19); absent in older reports. */
  byKind?: KindCounts;
};

export function measureTotal(pairs: readonly (MeasurePair | null | undefined)[]): MeasureTotal {
  let regulations = 0;
  let baseline = 0;
  let proposed = 0;
  for (const pair of pairs) {
    if (!pair) continue;
    regulations += 1;
    baseline += pair.baseline;
    proposed += pair.proposed;
  }
  return { regulations, baseline, proposed, reductionShare: baseline > 0 ? (baseline - proposed) / baseline : null };
}

/**
 * The total of one measure over the period's regulations with the kinds it counts: a regulation's scope class says its
 * kind (a business regulation's class is `qdkd`, a procedure's `tthc_business` or `tthc_other`).
 */
export function measureTotalByKind<Fact extends { scopeClass: ScopeClass }>(facts: readonly Fact[], pick: (fact: Fact) => MeasurePair | null | undefined): MeasureTotal {
  const measured = facts.filter((fact) => pick(fact));
  const qdkd = measured.filter((fact) => fact.scopeClass === 'qdkd').length;
  return { ...measureTotal(measured.map(pick)), byKind: { tthc: measured.length - qdkd, qdkd } };
}

/** A regulation's time limits before and after per filing method, as stored beside it: the methods it lists only. */
export type MethodPairs = Partial<Record<FilingMethod, MeasurePair>>;

/** `timeLimitsByMethod` keyed by method; a procedure that lists no method has none (its own pair is the regulation's). */
export function methodPairs(timeLimitsByMethod: readonly MethodTimeLimits[]): MethodPairs {
  const pairs: MethodPairs = {};
  for (const { method, baseline, proposed } of timeLimitsByMethod) if (method !== null) pairs[method] = { baseline, proposed };
  return pairs;
}

/** The time limits summed method by method, each over the regulations that offer it; what every surface prints per method (issue 22). */
export type MethodMeasureTotals = Record<FilingMethod, MeasureTotal>;

export function measureTotalsByMethod(regulations: readonly (MethodPairs | null | undefined)[]): MethodMeasureTotals {
  return Object.fromEntries(FILING_METHODS.map((method) => [method, measureTotal(regulations.map((pairs) => pairs?.[method]))])) as MethodMeasureTotals;
}

/** The measures of a regulation as stored: its QĐKD assessment's condition table, if any, counts. */
export function measuresOf(regulation: MeasuredRegulation): RegulationMeasures {
  return regulationMeasures(regulation, regulation.assessment ? assessedConditionCounts(regulation.assessment) : undefined);
}
