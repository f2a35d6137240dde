// Processing time and business conditions as measured quantities beside compliance cost (Nghị quyết 66/NQ-CP sets
// targets on both). Per regulation: the quantity before the draft (its baseline: regulation.baseline, which the
// national TTHC database can prefill) and after it (the draft's own components, or the conditions its QĐKD
// assessment keeps). Stored beside the row on every write (db/sqlite/regulationsRepository.ts) and summed per period.
import { assessedConditionCounts } from './assessment';
import type { Assessment, Components, RegulationBaseline } from './dossier';
import { inWorkingDays, timeLimitOf } from './timeLimits';
import type { Change } from './vocabulary';

export type MeasurePair = { baseline: number; proposed: number };

export type RegulationMeasures = {
  /** Working days before and after; null unless the regulation exists both before and after the draft and both are known. */
  timeLimitDays: MeasurePair | null;
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
  // In working days, whatever unit each side states, so that a total over regulations adds like with like.
  const timeBefore = timeLimitOf(baseline);
  const timeAfter = timeLimitOf(components);
  const timeLimitDays = KEEPS_EXISTING.has(change) && timeBefore && timeAfter ? { baseline: inWorkingDays(timeBefore), proposed: inWorkingDays(timeAfter) } : null;

  // Before: the baseline count, else the conditions the assessment lists (they are the regulation's conditions today).
  const conditionsBefore = change === 'new' ? undefined : (baseline?.businessConditions ?? assessedConditions?.listed);
  let conditionsAfter: number | undefined;
  if (change === 'abolished') conditionsAfter = 0;
  else conditionsAfter = assessedConditions?.kept ?? components.conditions?.length;
  const businessConditions = conditionsBefore !== undefined && conditionsAfter !== undefined ? { baseline: conditionsBefore, proposed: conditionsAfter } : null;

  return { timeLimitDays, businessConditions };
}

export type MeasureTotal = {
  /** Regulations that entered the total. */
  regulations: number;
  baseline: number;
  proposed: number;
  /** (baseline − proposed) ÷ baseline; null without a baseline. Negative when the draft adds. */
  reductionShare: number | null;
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

/** The measures of a regulation as stored: its QĐKD assessment's condition table, if any, counts. */
export function measuresOf(regulation: MeasuredRegulation): RegulationMeasures {
  return regulationMeasures(regulation, regulation.assessment ? assessedConditionCounts(regulation.assessment) : undefined);
}
