import fc from 'fast-check';
import { feePerCase } from './methodTerms';
import { describe, expect, it } from 'vitest';
import {
  annualCost,
  costEvaluationOptionsSchema,
  costPerCase,
  costReduction,
  evaluateCostWorksheet,
  hourlyIncomeFromMonthly,
  presentValue,
  cohortPaymentYears,
  upfrontCost,
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
    expect(feePerCase({ fees })).toBe(200_000);
    expect(feePerCase({ fees, methods: ['in_person', 'online'] })).toBe(200_000);
    expect(feePerCase({})).toBe(0);
    // Each method weighed equally: online at 25.000 đ beside in person at 50.000 đ is 37.500 đ a case, not their sum.
    expect(feePerCase({ fees, methods: ['in_person', 'online'], methodTerms: [{ method: 'in_person', fee: 50_000 }, { method: 'online', fee: 25_000 }] })).toBe(37_500);
    expect(feePerCase({ fees, methods: ['in_person', 'online'], methodTerms: [{ method: 'online', fee: 0 }] })).toBe(100_000);
  });
});

/** Equal up to binary rounding: a billion-đồng present value is a sum of dozens of discounted terms. */
const closeTo = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('upfront costs', () => {
  // A licence that needs equipment bought once: 3.000.000 đ a business today, 1.200.000 đ under the draft.
  const worksheet: CostWorksheet = {
    year: 2025,
    hourlyIncome: 0,
    baseline: flatSide(100_000, 250, 1, 3_000_000),
    proposed: flatSide(80_000, 250, 1, 1_200_000),
  };

  it('totals each side as the cost per subject times today\'s subjects, apart from the yearly cost', () => {
    const result = evaluateCostWorksheet(worksheet);
    expect(result.upfront).toEqual({ baseline: 750_000_000, proposed: 300_000_000 });
    expect(result.annual).toEqual({ baseline: 25_000_000, proposed: 20_000_000 });
    expect(result.reduction).toEqual({ amount: 5_000_000, share: 0.2 });
  });

  const sideArbitrary = fc.record({
    perCase: fc.integer({ min: 0, max: 5_000_000 }),
    population: fc.integer({ min: 0, max: 100_000 }),
    frequency: fc.constantFrom(1, 2, 12),
    upfront: fc.integer({ min: 0, max: 50_000_000 }),
  });

  it('counts every subject\'s upfront cost once, at the start of year 1, in the present value (RCC convention)', () => {
    fc.assert(
      fc.property(sideArbitrary, fc.integer({ min: 1, max: 20 }), ({ perCase, population, frequency, upfront }, years) => {
        const side = flatSide(perCase, population, frequency, upfront);
        const withoutUpfront = flatSide(perCase, population, frequency);
        const result = evaluateCostWorksheet({ year: 2025, hourlyIncome: 0, proposed: side }, { years, discountRate: 0.07 });
        expect(result.upfront.proposed).toBe(upfront * population);
        expect(upfrontCost(side)).toBe(upfront * population);
        // Undiscounted at the start of year 1, and with a steady population nobody new pays it later.
        const pv = presentValue(side, 0, { years, discountRate: 0.07, growthRate: 0 }) - presentValue(withoutUpfront, 0, { years, discountRate: 0.07, growthRate: 0 });
        closeTo(pv, upfront * population);
        // The yearly cost and its reduction never include it.
        expect(result.annual.proposed).toBe(annualCost(withoutUpfront, 0));
      }),
    );
  });

  it('charges the newcomers of a growing population when they enter, discounted to their year', () => {
    fc.assert(
      fc.property(sideArbitrary, fc.integer({ min: 1, max: 15 }), fc.double({ min: 0.01, max: 0.2, noNaN: true }), ({ population, upfront }, years, growthRate) => {
        const side = flatSide(0, population, 1, upfront);
        const horizon = { years, discountRate: 0.05, growthRate };
        // Year 1: today's subjects and year 1's newcomers at t = 0; year t > 1: that year's growth at t − 1.
        let expected = upfront * population * (1 + growthRate);
        for (let year = 2; year <= years; year += 1) expected += (upfront * population * ((1 + growthRate) ** year - (1 + growthRate) ** (year - 1))) / 1.05 ** (year - 1);
        closeTo(presentValue(side, 0, horizon), expected);
      }),
    );
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

describe('multi-year view (conventions of Canada\'s Regulatory Cost Calculator)', () => {
  // Expected values computed independently (a separate script, not this code), arithmetic shown per row.
  it.each([
    // [label, side, years, discount, growth, PV, AV]
    // 100 subjects each paying 100 once a year: Σ 10.000 / 1,07^t for t = 1..10 = 10.000 × (1 − 1,07^−10) / 0,07; AV = 10.000.
    ['DOMAIN.md: 100 subjects × 100 a year, 10 years at 7%, no growth', flatSide(100, 100, 1), 10, 0.07, 0, 70_235.82, 10_000],
    // Growth from year 1: Σ 10.000 × 1,01^t / 1,07^t for t = 1..10 = 73.808,46 (the old year-2 start gave 73.077,69);
    // AV = 73.808,46 × 0,07 / (1 − 1,07^−10) = 10.508,66.
    ['DOMAIN.md with 1% growth', flatSide(100, 100, 1), 10, 0.07, 0.01, 73_808.46, 10_508.66],
    // Without discounting PV is the plain sum and AV = PV / N.
    ['no discounting', flatSide(100, 100, 1), 10, 0, 0, 100_000, 10_000],
    // Population 110, 121, 133,1 (growth from year 1) discounted at 10%: each year is worth 100 → PV 300;
    // AV = 300 × 0,1 / (1 − 1,1^−3) = 120,63.
    ['growth 10% and discount 10%', flatSide(1, 100, 1), 3, 0.1, 0.1, 300, 120.63],
    // 12 a year: 12 monthly payments of 100 × 10 = 1.000 at t = k/12: Σ 1.000 / 1,1^(k/12), k = 1..12 = 11.400,49;
    // AV over one year = 11.400,49 × 0,1 / (1 − 1 / 1,1) = 12.540,54.
    ['monthly: twelve periods within the year', flatSide(10, 100, 12), 1, 0.1, 0, 11_400.49, 12_540.54],
    // Twice a year for 2 years: 1.000 at t = 0,5; 1; 1,5; 2 discounted at 10% = 3.555,78; AV = 2.048,81.
    ['twice a year', flatSide(10, 100, 2), 2, 0.1, 0, 3_555.78, 2_048.81],
    // Once every 3 years: today's 100 pay 300 in years 1, 4, 7 and 10 (not 1/3 of them each year): 4 × 30.000.
    ['every 3 years, by cohort', flatSide(300, 100, 1 / 3), 10, 0, 0, 120_000, 12_000],
    // The same at 7%: 30.000 × (1,07^−1 + 1,07^−4 + 1,07^−7 + 1,07^−10) = 84.857,21; AV = 12.081,76.
    ['every 3 years at 7%', flatSide(300, 100, 1 / 3), 10, 0.07, 0, 84_857.21, 12_081.76],
    // Eight years: years 1, 4, 7 only → 90.000; AV = 90.000 / 8.
    ['every 3 years over 8 years', flatSide(300, 100, 1 / 3), 8, 0, 0, 90_000, 11_250],
    // Cohorts with 10% growth, 4 years, 1 đ a case: 110 enter in year 1 (pay in 1 and 4), 11 in year 2, 12,1 in
    // year 3, 13,31 in year 4 → 110 + 110 + 11 + 12,1 + 13,31 = 256,41; AV = 256,41 / 4.
    ['every 3 years with growth: each cohort on its own clock', flatSide(1, 100, 1 / 3), 4, 0, 0.1, 256.41, 64.1025],
    // Upfront 50 at the start: the 110 of year 1 at t = 0 (5.500), the 11 newcomers of year 2 at t = 1 (550 / 1,1);
    // ongoing 10 × 110 / 1,1 + 10 × 121 / 1,21 = 2.000 → PV 8.000; AV = 8.000 × 0,1 / (1 − 1,1^−2) = 4.609,52.
    ['upfront at the start and for newcomers', flatSide(10, 100, 1, 50), 2, 0.1, 0.1, 8_000, 4_609.52],
    // Halving population: today's 100 pay upfront 10 once (1.000), leavers bring no newcomers; AV = 1.000 / 2.
    ['shrinking population pays upfront once', flatSide(0, 100, 1, 10), 2, 0, -0.5, 1_000, 500],
    // Halving, every 2 years, 1 đ a case: today's 100 pay in year 1 only, the 50 survivors of year 1 → 50; AV = 25.
    ['shrinking cohort pays by its survivors', flatSide(1, 100, 0.5), 2, 0, -0.5, 50, 25],
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

  it('states its conventions with the multi-year figures: base year, price year, timing', () => {
    const result = evaluateCostWorksheet({ year: 2025, hourlyIncome: 0, proposed: flatSide(1, 10, 1) }, { years: 5, discountRate: 0.07 });
    expect(result.conventions).toEqual({
      baseYear: 2025,
      priceYear: 2025,
      ongoing: 'end_of_period',
      upfront: 'start_of_entry_year',
      growth: 'from_year_1',
      frequencyAboveOne: 'periods_within_year',
      frequencyBelowOne: 'cohorts',
    });
    expect(evaluateCostWorksheet({ year: 2025, hourlyIncome: 0, proposed: flatSide(1, 10, 1) }).conventions).toBeUndefined();
  });

  it.each([
    [1 / 3, 10, [1, 4, 7, 10]],
    [1 / 3, 9, [1, 4, 7]],
    [0.5, 5, [1, 3, 5]],
    [0.4, 6, [1, 3, 6]],
    [0.1, 10, [1]],
  ])('cohortPaymentYears at frequency %d over %d years', (frequency, years, expected) => {
    expect(cohortPaymentYears(1, frequency, years)).toEqual(expected);
  });

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

describe('costReduction', () => {
  it('has no share when the baseline is too small for one (the share would overflow to -Infinity)', () => {
    expect(costReduction(5e-324, 1)).toEqual({ amount: 5e-324 - 1, share: null });
    expect(costReduction(0, 1).share).toBeNull();
    expect(costReduction(200, 150).share).toBe(0.25);
  });
});
