// Compliance cost by the Standard Cost Model (DOMAIN.md). Money stays unrounded here: rounding happens only for display,
// so that sums over many regulations do not drift.
import { z } from 'zod';
import './zodVietnamese';
import type { FieldProblem } from '../contract/errors';
import type { Components, CostSide, CostWorksheet } from './dossier';
import type { Change } from './vocabulary';

/** The national target: cut compliance cost (and the number of procedures) by at least 20% (Nghị quyết 68/NQ-CP). */
export const COST_REDUCTION_TARGET = 0.2;

const WORKING_DAYS_PER_MONTH = 22;
const WORKING_HOURS_PER_DAY = 8;

export function hourlyIncomeFromMonthly(monthlyIncome: number): number {
  return monthlyIncome / WORKING_DAYS_PER_MONTH / WORKING_HOURS_PER_DAY;
}

/** The default for a side's `fees`: the sum of the fees and charges the regulation's components declare. */
export function feesFromComponents(components: Components): number {
  return (components.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
}

/** Recurring cost of one case: hours valued at the hourly income, plus fees and other costs. Upfront costs are not included. */
export function costPerCase(side: CostSide, hourlyIncome: number): number {
  const hours = side.activities.reduce((sum, activity) => sum + activity.hours, 0);
  return hours * hourlyIncome + side.fees + side.otherCosts;
}

/** A frequency below one (every 2 years → 0,5) spreads the cases evenly over the years. */
export function annualCost(side: CostSide, hourlyIncome: number): number {
  return costPerCase(side, hourlyIncome) * side.population * side.frequencyPerYear;
}

/** Upfront cost of the subjects there are today. */
export function upfrontCost(side: CostSide): number {
  return (side.upfrontCosts ?? 0) * side.population;
}

export type CostReduction = {
  /** Negative when the draft adds cost (a new regulation). */
  amount: number;
  /** (baseline − proposed) ÷ baseline; null when there is no baseline cost to compare with. */
  share: number | null;
};

export function costReduction(baseline: number, proposed: number): CostReduction {
  const amount = baseline - proposed;
  return { amount, share: baseline > 0 ? amount / baseline : null };
}

export type CostHorizon = { years: number; discountRate: number; growthRate: number };

/**
 * Present value over the horizon. The worksheet's population is that of year 1 and grows by growthRate a year.
 * Ongoing costs fall at the end of each year; upfront costs at the start of the year a subject enters (year 1 for
 * today's population, later years for the newcomers growth brings). A shrinking population brings no newcomers.
 */
export function presentValue(side: CostSide, hourlyIncome: number, horizon: CostHorizon): number {
  const ongoingPerSubject = costPerCase(side, hourlyIncome) * side.frequencyPerYear;
  const upfrontPerSubject = side.upfrontCosts ?? 0;
  const discounted = (amount: number, atYear: number): number => amount / (1 + horizon.discountRate) ** atYear;
  let total = 0;
  let previousPopulation = 0;
  for (let year = 1; year <= horizon.years; year += 1) {
    const population = side.population * (1 + horizon.growthRate) ** (year - 1);
    const newcomers = Math.max(0, population - previousPopulation);
    total += discounted(upfrontPerSubject * newcomers, year - 1) + discounted(ongoingPerSubject * population, year);
    previousPopulation = population;
  }
  return total;
}

/** The constant yearly amount with the same present value: PV·r / (1 − (1+r)^−N), or PV / N without discounting. */
export function annualisedValue(presentValueAmount: number, horizon: Pick<CostHorizon, 'years' | 'discountRate'>): number {
  const { years, discountRate } = horizon;
  if (discountRate === 0) return presentValueAmount / years;
  return (presentValueAmount * discountRate) / (1 - (1 + discountRate) ** -years);
}

/** Options of `tthc cost` and of the multi-year view; rates are fractions (7% is 0.07). */
export const costEvaluationOptionsSchema = z
  .object({
    years: z
      .number({ message: 'số năm phải là một số' })
      .int({ message: 'số năm phải là số nguyên' })
      .min(1, { message: 'số năm phải từ 1 trở lên' })
      .max(100, { message: 'số năm không quá 100' })
      .optional(),
    discountRate: z
      .number({ message: 'tỷ lệ chiết khấu phải là một số' })
      .min(0, { message: 'tỷ lệ chiết khấu không được âm' })
      .max(1, { message: 'tỷ lệ chiết khấu ghi dạng thập phân (7% là 0.07), không lớn hơn 1' })
      .optional(),
    growthRate: z
      .number({ message: 'tốc độ tăng số đối tượng phải là một số' })
      .gt(-1, { message: 'tốc độ tăng số đối tượng phải lớn hơn -1 (tức -100%)' })
      .optional(),
  })
  .strict();
export type CostEvaluationOptions = z.infer<typeof costEvaluationOptionsSchema>;

export type CostPair = { baseline: number; proposed: number };

export type CostEvaluation = {
  perCase: CostPair;
  annual: CostPair;
  upfront: CostPair;
  reduction: CostReduction;
  /** Present only when `years` is given, with the rates applied (0 when not given). */
  horizon?: CostHorizon;
  presentValue?: CostPair;
  annualisedValue?: CostPair;
};

/**
 * Everything `tthc cost` prints, as plain JSON. Inputs are assumed valid (parse them with costWorksheetSchema and
 * costEvaluationOptionsSchema first). An absent side costs nothing: a new regulation has no baseline, an abolished one
 * no proposal, so its whole baseline counts as saved (share 1).
 */
export function evaluateCostWorksheet(worksheet: CostWorksheet, options: CostEvaluationOptions = {}): CostEvaluation {
  const { baseline, proposed, hourlyIncome } = worksheet;
  const pair = (measure: (side: CostSide) => number): CostPair => ({
    baseline: baseline ? measure(baseline) : 0,
    proposed: proposed ? measure(proposed) : 0,
  });
  const annual = pair((side) => annualCost(side, hourlyIncome));
  const evaluation: CostEvaluation = {
    perCase: pair((side) => costPerCase(side, hourlyIncome)),
    annual,
    upfront: pair(upfrontCost),
    reduction: costReduction(annual.baseline, annual.proposed),
  };
  if (options.years === undefined) return evaluation;

  const horizon: CostHorizon = { years: options.years, discountRate: options.discountRate ?? 0, growthRate: options.growthRate ?? 0 };
  const presentValues = pair((side) => presentValue(side, hourlyIncome, horizon));
  return {
    ...evaluation,
    horizon,
    presentValue: presentValues,
    annualisedValue: {
      baseline: annualisedValue(presentValues.baseline, horizon),
      proposed: annualisedValue(presentValues.proposed, horizon),
    },
  };
}

type Side = 'baseline' | 'proposed';

/** For each kind of change, whether each side is required (else forbidden) and what to say when it is not so. */
const SIDE_RULES: Record<Change, Record<Side, { required: boolean; message: string }>> = {
  new: {
    baseline: { required: false, message: 'thủ tục ban hành mới chưa có chi phí hiện tại, hãy bỏ phần này' },
    proposed: { required: true, message: 'thủ tục ban hành mới cần chi phí theo dự thảo' },
  },
  amended: {
    baseline: { required: true, message: 'thủ tục sửa đổi, bổ sung cần chi phí hiện tại (trước khi sửa đổi)' },
    proposed: { required: true, message: 'thủ tục sửa đổi, bổ sung cần chi phí theo dự thảo (sau khi sửa đổi)' },
  },
  replaced: {
    baseline: { required: true, message: 'thủ tục được thay thế cần chi phí hiện tại (trước khi thay thế)' },
    proposed: { required: true, message: 'thủ tục được thay thế cần chi phí theo dự thảo (sau khi thay thế)' },
  },
  abolished: {
    baseline: { required: true, message: 'thủ tục bãi bỏ cần chi phí hiện tại để tính phần tiết kiệm' },
    proposed: { required: false, message: 'thủ tục bãi bỏ không còn chi phí theo dự thảo, hãy bỏ phần này' },
  },
};

/** Problems of a (schema-valid) worksheet given what the draft does to the regulation; paths are relative to the worksheet. */
export function worksheetProblems(change: Change, worksheet: CostWorksheet): FieldProblem[] {
  return (['baseline', 'proposed'] as const)
    .filter((side) => SIDE_RULES[change][side].required !== (worksheet[side] !== undefined))
    .map((side) => ({ path: side, message: SIDE_RULES[change][side].message }));
}
