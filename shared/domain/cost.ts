// Compliance cost by the Standard Cost Model (DOMAIN.md). Money stays unrounded here: rounding happens only for display,
// so that sums over many regulations do not drift.
import { z } from 'zod';
import './zodVietnamese';
import type { FieldProblem } from '../contract/errors';
import type { CostSide, CostWorksheet } from './dossier';
import type { Change } from './vocabulary';

const WORKING_DAYS_PER_MONTH = 22;
const WORKING_HOURS_PER_DAY = 8;

export function hourlyIncomeFromMonthly(monthlyIncome: number): number {
  return monthlyIncome / WORKING_DAYS_PER_MONTH / WORKING_HOURS_PER_DAY;
}


/** The hours one case takes: its activities' hours together (the worksheet's, the form's «Cộng chi phí thời gian»). */
export function hoursPerCase(side: Pick<CostSide, 'activities'>): number {
  return side.activities.reduce((sum, activity) => sum + activity.hours, 0);
}

/** What `hours` of a subject's time cost, valued at the hourly income. */
export function timeCost(hours: number, hourlyIncome: number): number {
  return hours * hourlyIncome;
}

/** Recurring cost of one case: hours valued at the hourly income, plus fees and other costs. Upfront costs are not included. */
export function costPerCase(side: CostSide, hourlyIncome: number): number {
  return timeCost(hoursPerCase(side), hourlyIncome) + side.fees + side.otherCosts;
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

export function costReduction(baseline: number, proposed: number): CostReduction {
  const amount = baseline - proposed;
  // A baseline so close to zero that the share overflows (5e-324 đ) has nothing meaningful to reduce.
  const share = baseline > 0 ? amount / baseline : null;
  return { amount, share: share !== null && Number.isFinite(share) ? share : null };
}

export type CostHorizon = { years: number; discountRate: number; growthRate: number };

/** The horizon the multi-year view opens with and the assessment form prints: ten years at 7%, a steady population. */
export const DEFAULT_COST_HORIZON: CostHorizon = { years: 10, discountRate: 0.07, growthRate: 0 };

/**
 * The timing conventions of Canada's Regulatory Cost Calculator, which the multi-year figures follow and state beside
 * every PV/AV (other calculators differ, e.g. Australia's discounts from 1 January, so a figure without them is
 * ambiguous). Year 1 is the worksheet's year; values are in that year's prices and discounted to its start.
 */
export const COST_TIMING = {
  /** Ongoing costs fall at the end of each year (of each period within it, when more frequent than yearly). */
  ongoing: 'end_of_period',
  /** Upfront costs fall at the start: today's subjects at the start of year 1, newcomers at the start of the year they enter. */
  upfront: 'start_of_entry_year',
  /** The population of year t is P·(1+g)^t: year 1 already includes its newcomers. */
  growth: 'from_year_1',
  /** A frequency above one splits each year into ⌈f⌉ equal periods, each paid at its end. */
  frequencyAboveOne: 'periods_within_year',
  /** A frequency below one follows cohorts: subjects entering in year s pay in years s, s + 1/f, s + 2/f, … */
  frequencyBelowOne: 'cohorts',
} as const;

export type CostConventions = typeof COST_TIMING & {
  /** PV is discounted to the start of this year, which is year 1 of the horizon. */
  baseYear: number;
  /** Money is in this year's prices (the worksheet's hourly income). */
  priceYear: number;
};

export function costConventions(worksheet: Pick<CostWorksheet, 'year'>): CostConventions {
  return { ...COST_TIMING, baseYear: worksheet.year, priceYear: worksheet.year };
}

// Guards k / f against binary rounding (1 / (1/3) must give exactly 3 periods).
const EPSILON = 1e-9;

/** The years (1..N) in which a cohort entering in year `entry` pays, at a frequency below one. */
export function cohortPaymentYears(entry: number, frequencyPerYear: number, years: number): number[] {
  const paid: number[] = [];
  for (let k = 0; ; k += 1) {
    const year = entry + Math.floor(k / frequencyPerYear + EPSILON);
    if (year > years) return paid;
    paid.push(year);
  }
}

/**
 * Present value over the horizon under COST_TIMING. The worksheet's population P is today's; year t has P·(1+g)^t
 * subjects. A shrinking population brings no newcomers, and its leavers stop paying.
 */
export function presentValue(side: CostSide, hourlyIncome: number, horizon: CostHorizon): number {
  const { years, discountRate, growthRate } = horizon;
  const perCase = costPerCase(side, hourlyIncome);
  const upfrontPerSubject = side.upfrontCosts ?? 0;
  const frequency = side.frequencyPerYear;
  const discounted = (amount: number, atTime: number): number => amount / (1 + discountRate) ** atTime;
  const population = (year: number): number => side.population * (1 + growthRate) ** year;
  // Subjects entering in year t: today's (and year 1's newcomers) in year 1, then the growth of each year.
  const entering = (year: number): number => (year === 1 ? Math.max(side.population, population(1)) : Math.max(0, population(year) - population(year - 1)));
  // When the population shrinks, today's cohort keeps only its survivors: P·(1+g)^t of P.
  const survival = (year: number): number => (growthRate < 0 ? population(year) / side.population : 1);

  let total = 0;
  for (let year = 1; year <= years; year += 1) {
    total += discounted(upfrontPerSubject * entering(year), year - 1);
    if (frequency >= 1) {
      const periods = Math.ceil(frequency - EPSILON);
      const perPeriod = (perCase * population(year) * frequency) / periods;
      for (let period = 1; period <= periods; period += 1) total += discounted(perPeriod, year - 1 + period / periods);
    }
  }
  if (frequency < 1) {
    for (let entry = 1; entry <= years; entry += 1) {
      for (const year of cohortPaymentYears(entry, frequency, years)) total += discounted(perCase * entering(entry) * survival(year), year);
    }
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
  /** How the multi-year figures were computed; present with them. */
  conventions?: CostConventions;
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
    conventions: costConventions(worksheet),
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
