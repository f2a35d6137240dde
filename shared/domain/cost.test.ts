import { describe, expect, it } from 'vitest';
import {
  annualCost,
  costEvaluationOptionsSchema,
  costPerCase,
  costReduction,
  evaluateCostWorksheet,
  feesFromComponents,
  hourlyIncomeFromMonthly,
  presentValue,
  worksheetProblems,
} from './cost';
import type { CostSide, CostWorksheet } from './dossier';
import type { Change } from './vocabulary';

/** A side whose per-case cost is exactly `perCase` (all of it as fees), so the multi-year cases stay hand-checkable. */
function flatSide(perCase: number, population: number, frequencyPerYear: number, upfrontCosts?: number): CostSide {
  return { activities: [], fees: perCase, otherCosts: 0, population, frequencyPerYear, upfrontCosts };
}

// DOMAIN.md worked example: 6.000.000 đ/month, 2.000 subjects once a year, 16 h → 8 h, fees 500.000, other costs 200.000 → 50.000.
const workedHourlyIncome = hourlyIncomeFromMonthly(6_000_000);
function workedSide(hours: { learn: number; prepare: number; submit: number }, otherCosts: number): CostSide {
  const activities = [
    { name: 'Tìm hiểu thủ tục', hours: hours.learn },
    { name: 'Chuẩn bị hồ sơ', hours: hours.prepare },
    { name: 'Nộp hồ sơ và nhận kết quả', hours: hours.submit },
  ];
  return { activities, fees: 500_000, otherCosts, population: 2_000, frequencyPerYear: 1 };
}
const workedExample: CostWorksheet = {
  year: 2023,
  hourlyIncome: workedHourlyIncome,
  baseline: workedSide({ learn: 4, prepare: 8, submit: 4 }, 200_000),
  proposed: workedSide({ learn: 2, prepare: 4, submit: 2 }, 50_000),
};

describe('hourlyIncomeFromMonthly', () => {
  it.each([
    [6_000_000, 34_090.91], // 6.000.000 / 22 / 8
    [176, 1],
    [0, 0],
  ])('%d đ/month → %d đ/hour', (monthly, hourly) => {
    expect(hourlyIncomeFromMonthly(monthly)).toBeCloseTo(hourly, 2);
  });
});

describe('the DOMAIN.md worked example', () => {
  const result = evaluateCostWorksheet(workedExample);

  it('keeps money unrounded in the model', () => {
    expect(workedHourlyIncome).toBe(6_000_000 / 176);
    expect(result.perCase.baseline).toBe(16 * (6_000_000 / 176) + 700_000);
  });

  it.each([
    ['per case, baseline', () => result.perCase.baseline, 1_245_454.55, 2],
    ['per case, proposed', () => result.perCase.proposed, 822_727.27, 2],
    ['annual, baseline', () => result.annual.baseline, 2_490_909_091, 0],
    ['annual, proposed', () => result.annual.proposed, 1_645_454_545, 0],
    ['saving', () => result.reduction.amount, 845_454_545, 0],
    ['share in %', () => (result.reduction.share ?? Number.NaN) * 100, 33.94, 2],
  ] as const)('%s rounds to %d', (_label, value, expected, decimals) => {
    const scale = 10 ** decimals;
    expect(Math.round(value() * scale) / scale).toBe(expected);
  });

  it('has no multi-year figures without years', () => {
    expect(result.presentValue).toBeUndefined();
    expect(result.annualisedValue).toBeUndefined();
    expect(result.upfront).toEqual({ baseline: 0, proposed: 0 });
  });

  it('is plain JSON', () => {
    const withYears = evaluateCostWorksheet(workedExample, { years: 5, discountRate: 0.07 });
    expect(JSON.parse(JSON.stringify(withYears))).toEqual(withYears);
  });
});

describe('single-year figures', () => {
  it.each([
    // [label, side, hourly income, per case, annual]
    [
      'time, fees and other costs',
      { ...flatSide(100, 10, 2), activities: [{ name: 'a', hours: 1.5 }, { name: 'b', hours: 0.5 }], otherCosts: 20 },
      50,
      2 * 50 + 100 + 20, // 2 h × 50 + fees + other
      220 * 10 * 2,
    ],
    ['every 2 years', flatSide(200, 10, 0.5), 0, 200, 1_000], // 200 × 10 × 0,5
    ['every 3 years', flatSide(300, 10, 1 / 3), 0, 300, 1_000], // 300 × 10 × ⅓
    ['upfront cost is not part of the case', flatSide(10, 5, 1, 1_000), 0, 10, 50],
    ['nobody affected', flatSide(10, 0, 1), 0, 10, 0],
  ] satisfies Array<[string, CostSide, number, number, number]>)('%s', (_label, side, hourlyIncome, perCase, annual) => {
    expect(costPerCase(side, hourlyIncome)).toBeCloseTo(perCase, 9);
    expect(annualCost(side, hourlyIncome)).toBeCloseTo(annual, 9);
  });

  it('takes the default fees from the fee component', () => {
    const fees = [
      { name: 'Phí thẩm định', amount: 150_000 },
      { name: 'Lệ phí cấp giấy', amount: 50_000 },
    ];
    expect(feesFromComponents({ fees })).toBe(200_000);
    expect(feesFromComponents({})).toBe(0);
  });
});

describe('reduction by kind of change', () => {
  it.each([
    // [label, baseline, proposed, amount, share]
    ['amended, cheaper', flatSide(100, 10, 1), flatSide(60, 10, 1), 400, 0.4],
    ['amended, dearer', flatSide(100, 10, 1), flatSide(150, 10, 1), -500, -0.5],
    ['abolished: the whole baseline is saved', flatSide(100, 10, 1), undefined, 1_000, 1],
    ['new: only added cost, no share', undefined, flatSide(100, 10, 1), -1_000, null],
    ['baseline that costs nothing: no share', flatSide(0, 10, 1), flatSide(0, 10, 1), 0, null],
  ] satisfies Array<[string, CostSide | undefined, CostSide | undefined, number, number | null]>)(
    '%s',
    (_label, baseline, proposed, amount, share) => {
      const { reduction, annual } = evaluateCostWorksheet({ year: 2024, hourlyIncome: 0, baseline, proposed });
      expect(reduction).toEqual({ amount, share });
      expect(costReduction(annual.baseline, annual.proposed)).toEqual(reduction);
    },
  );
});

describe('multi-year view', () => {
  it.each([
    // [label, side, years, discount, growth, PV, AV]
    // Σ 10.000 / 1,07^t for t = 1..10 = 10.000 × (1 − 1,07^−10) / 0,07; AV gives the 10.000 back.
    ['DOMAIN.md: 100 subjects × 100 a year, 10 years at 7%', flatSide(1, 100, 100), 10, 0.07, 0, 70_235.82, 10_000],
    // Without discounting PV is the plain sum and AV = PV / N.
    ['no discounting', flatSide(1, 100, 100), 10, 0, 0, 100_000, 10_000],
    // Population 100, 110, 121 at 10% growth, discounted at 10%: each year is worth 100 / 1,1 → PV = 300 / 1,1;
    // AV = PV × 0,1 / (1 − 1,1^−3) = 27,2727… × 1,331 / 0,331 = 36,3 / 0,331.
    ['growth 10% and discount 10%', flatSide(1, 100, 1), 3, 0.1, 0.1, 300 / 1.1, 36.3 / 0.331],
    // 10 subjects every 2 years at 200 → 1.000 a year, for 2 years, no discounting.
    ['every 2 years', flatSide(200, 10, 0.5), 2, 0, 0, 2_000, 1_000],
    // Upfront 50 for today's 100 at t=0 (5.000), 50 for the 10 newcomers at the start of year 2 (500 / 1,1);
    // ongoing 10 × 100 / 1,1 + 10 × 110 / 1,21 = 2 × 909,09…; PV = 5.000 + 2.272,72… = 80.000 / 11;
    // AV = PV × 0,1 / (1 − 1 / 1,21) = PV × 1,21 / 2,1 = 880 / 0,21.
    ['upfront at the start and for newcomers', flatSide(10, 100, 1, 50), 2, 0.1, 0.1, 80_000 / 11, 880 / 0.21],
    // Halving population: the 100 pay upfront 10 once (1.000), leavers bring no newcomers; AV = 1.000 / 2.
    ['shrinking population pays upfront once', flatSide(0, 100, 1, 10), 2, 0, -0.5, 1_000, 500],
    // One year at 5%: ongoing 1.000 at the end of year 1 → PV = 1.000 / 1,05, AV = PV × 0,05 / (1 − 1 / 1,05) = 1.000.
    ['one year', flatSide(10, 100, 1), 1, 0.05, 0, 1_000 / 1.05, 1_000],
  ] satisfies Array<[string, CostSide, number, number, number, number, number]>)(
    '%s',
    (_label, side, years, discountRate, growthRate, expectedPresentValue, expectedAnnualisedValue) => {
      const result = evaluateCostWorksheet({ year: 2024, hourlyIncome: 0, baseline: side, proposed: side }, { years, discountRate, growthRate });
      expect(result.horizon).toEqual({ years, discountRate, growthRate });
      expect(result.presentValue?.baseline).toBeCloseTo(expectedPresentValue, 2);
      expect(result.annualisedValue?.baseline).toBeCloseTo(expectedAnnualisedValue, 2);
      expect(result.presentValue?.proposed).toBe(result.presentValue?.baseline);
    },
  );

  it('defaults the rates to 0 when only years are given', () => {
    const result = evaluateCostWorksheet({ year: 2024, hourlyIncome: 0, proposed: flatSide(1, 10, 1) }, { years: 4 });
    expect(result.horizon).toEqual({ years: 4, discountRate: 0, growthRate: 0 });
    expect(result.presentValue).toEqual({ baseline: 0, proposed: 40 });
    expect(result.annualisedValue).toEqual({ baseline: 0, proposed: 10 });
  });

  it('values hours at the hourly income over the years too', () => {
    const side: CostSide = { ...flatSide(0, 1, 1), activities: [{ name: 'Chuẩn bị hồ sơ', hours: 2 }] };
    expect(presentValue(side, 50, { years: 3, discountRate: 0, growthRate: 0 })).toBe(300);
  });
});

describe('costEvaluationOptionsSchema', () => {
  it.each([
    [{}],
    [{ years: 1 }],
    [{ years: 10, discountRate: 0.07, growthRate: -0.2 }],
    [{ years: 100, discountRate: 0, growthRate: 2 }],
  ])('accepts %j', (options) => {
    expect(costEvaluationOptionsSchema.safeParse(options).success).toBe(true);
  });

  it.each([
    [{ years: 0 }, 'years', 'số năm phải từ 1 trở lên'],
    [{ years: 2.5 }, 'years', 'số năm phải là số nguyên'],
    [{ years: Number.NaN }, 'years', 'số năm phải là một số'],
    [{ years: '10' }, 'years', 'số năm phải là một số'],
    [{ years: 101 }, 'years', 'số năm không quá 100'],
    [{ discountRate: -0.01 }, 'discountRate', 'tỷ lệ chiết khấu không được âm'],
    [{ discountRate: 7 }, 'discountRate', 'tỷ lệ chiết khấu ghi dạng thập phân (7% là 0.07), không lớn hơn 1'],
    [{ growthRate: -1 }, 'growthRate', 'tốc độ tăng số đối tượng phải lớn hơn -1 (tức -100%)'],
  ])('rejects %j at %s', (options, path, message) => {
    const parsed = costEvaluationOptionsSchema.safeParse(options);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[path, message]]);
  });
});

describe('worksheetProblems', () => {
  const side = flatSide(1, 1, 1);
  const both: CostWorksheet = { year: 2024, hourlyIncome: 1, baseline: side, proposed: side };
  const baselineOnly: CostWorksheet = { year: 2024, hourlyIncome: 1, baseline: side };
  const proposedOnly: CostWorksheet = { year: 2024, hourlyIncome: 1, proposed: side };
  const neither: CostWorksheet = { year: 2024, hourlyIncome: 1 };

  it.each([
    ['amended', 'both sides', both, []],
    ['amended', 'no baseline', proposedOnly, ['baseline']],
    ['amended', 'no proposal', baselineOnly, ['proposed']],
    ['replaced', 'no side', neither, ['baseline', 'proposed']],
    ['new', 'only a proposal', proposedOnly, []],
    ['new', 'no side', neither, ['proposed']],
    ['new', 'a baseline too', both, ['baseline']],
    ['abolished', 'only a baseline', baselineOnly, []],
    ['abolished', 'only a proposal', proposedOnly, ['baseline', 'proposed']],
    ['abolished', 'a proposal too', both, ['proposed']],
  ] satisfies Array<[Change, string, CostWorksheet, string[]]>)('%s with %s → problems at %j', (change, _label, worksheet, paths) => {
    const problems = worksheetProblems(change, worksheet);
    expect(problems.map((problem) => problem.path)).toEqual(paths);
    for (const problem of problems) expect(problem.message).toMatch(/^thủ tục .+ (cần|hãy bỏ)/);
  });
});
