import { describe, expect, it } from 'vitest';
import { answerEverything, WORKED_HOURLY_INCOME, WORKED_WORKSHEET } from '../../test/unit/assessmentAnswers';
import { DEFAULT_TEMPLATE_ID, findTemplate } from './assessmentTemplate';
import { combineRollups, costRollup, type RollupInput } from './costRollup';
import type { CostSide } from './dossier';

const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
const hourlyIncome = WORKED_HOURLY_INCOME;
const flat = (perCase: number, population = 1): CostSide => ({ activities: [], fees: perCase, otherCosts: 0, population, frequencyPerYear: 1 });

// Procedures for businesses, in the scope of Nghị quyết 68/NQ-CP and 66/NQ-CP alike.
const business = { kind: 'tthc', components: { subjects: ['Doanh nghiệp'] } } as const;

// DOMAIN.md worked example: 2.490.909.091 → 1.645.454.545 đ a year.
const worked: RollupInput = {
  ...business,
  change: 'amended',
  assessment: {
    template: '2010',
    answers: answerEverything(template, 'amended'),
    cost: WORKED_WORKSHEET,
  },
};
const added: RollupInput = { ...business, change: 'new', assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome, proposed: flat(100_000_000) } } };
const abolished: RollupInput = { ...business, change: 'abolished', assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome, baseline: flat(500_000_000) } } };
const unassessed: RollupInput = { ...business, change: 'replaced' };
const notToRegulate: RollupInput = {
  ...business,
  change: 'new',
  assessment: { template: '2010', answers: { 'necessity.conclusion': { value: false } }, cost: { year: 2024, hourlyIncome, proposed: flat(1e9) } },
};
// The natural answer for an abolition: section I concludes the procedure is not necessary. Its saving still counts.
const abolishedAsUnnecessary: RollupInput = {
  ...business,
  change: 'abolished',
  assessment: { template: '2010', answers: { 'necessity.conclusion': { value: false } }, cost: { year: 2024, hourlyIncome, baseline: flat(500_000_000) } },
};
// An amended regulation whose worksheet lacks the baseline would otherwise count as pure added cost.
const lopsided: RollupInput = { ...business, change: 'amended', assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome, proposed: flat(1e9) } } };

const IN_2023 = { from: '2023-01-01', to: '2023-12-31' };
const IN_2025 = { from: '2025-01-01', to: '2025-12-31' };
const metBy = (rollup: ReturnType<typeof costRollup>) => rollup.targets.map(({ name, target, met }) => [name, target, met]);

describe('costRollup', () => {
  it('has nothing to reduce without regulations', () => {
    expect(costRollup([], IN_2023)).toMatchObject({
      regulations: 0,
      byChange: { new: 0, amended: 0, replaced: 0, abolished: 0 },
      annual: { baseline: 0, proposed: 0 },
      reduction: { amount: 0, share: null },
      // No regulation in any program's scope: judged against none.
      targets: [],
    });
  });

  it('judges each program on the regulations in its scope alone (issue 22: program scope by procedure)', () => {
    const civil = (input: RollupInput): RollupInput => ({ ...input, components: { subjects: ['Công dân Việt Nam'] } });
    // A draft of civil-status procedures only is held to no program, whatever it saves.
    expect(costRollup([civil(worked)], IN_2025).targets).toEqual([]);
    // Mixed: the programs judge the business procedure's 33,94% cut, not the civil one's added cost (whole draft −15,8%).
    const mixed = costRollup([worked, civil(added), civil(added), civil(added), civil(added), civil(added), civil(added), civil(added), civil(added)], IN_2025);
    expect(mixed.reduction.share).toBeLessThan(0.2);
    expect(mixed.targets.map(({ name, achieved, met }) => [name, Number(achieved?.toFixed(4)), met])).toEqual([
      ['Nghị quyết 68/NQ-CP', 0.3394, true],
      ['Nghị quyết 66/NQ-CP', 0.3394, true],
    ]);
  });

  it.each<[string, RollupInput[], number, number, number, boolean | null]>([
    ['the worked example alone', [worked], 2_490_909_090.91, 1_645_454_545.45, 0.3394, true],
    ['a new regulation adds its whole cost', [worked, added], 2_490_909_090.91, 1_745_454_545.45, 0.2993, true],
    ['an abolished one saves its whole baseline', [worked, abolished], 2_990_909_090.91, 1_645_454_545.45, 0.4498, true],
    ['new cost can miss the target', [worked, added, added, added, added, added, added, added, added], 2_490_909_090.91, 2_445_454_545.45, 0.0182, false],
    ['unassessed and lopsided worksheets stay out', [worked, unassessed, lopsided], 2_490_909_090.91, 1_645_454_545.45, 0.3394, true],
    ['a procedure not to be regulated costs nothing', [worked, notToRegulate], 2_490_909_090.91, 1_645_454_545.45, 0.3394, true],
    ['an abolition judged not necessary still saves its whole baseline', [worked, abolishedAsUnnecessary], 2_990_909_090.91, 1_645_454_545.45, 0.4498, true],
    ['only added cost', [added], 0, 100_000_000, Number.NaN, null],
  ])('%s', (_label, regulations, baseline, proposed, share, targetMet) => {
    const rollup = costRollup(regulations, IN_2023);
    expect(rollup.annual.baseline).toBeCloseTo(baseline, 2);
    expect(rollup.annual.proposed).toBeCloseTo(proposed, 2);
    if (Number.isNaN(share)) expect(rollup.reduction.share).toBeNull();
    else expect(rollup.reduction.share).toBeCloseTo(share, 4);
    expect(rollup.targets.map(({ met }) => met)).toEqual([targetMet]);
  });

  it('is judged against every program in force in its period: NQ 68 (20%) and NQ 66 (30%) side by side in 2025', () => {
    // The worked example cuts 33,94%: past both. With one new regulation, 29,93%: past 20%, short of 30%.
    expect(metBy(costRollup([worked], IN_2025))).toEqual([
      ['Nghị quyết 68/NQ-CP', 0.2, true],
      ['Nghị quyết 66/NQ-CP', 0.3, true],
    ]);
    expect(metBy(costRollup([worked, added], IN_2025))).toEqual([
      ['Nghị quyết 68/NQ-CP', 0.2, true],
      ['Nghị quyết 66/NQ-CP', 0.3, false],
    ]);
    expect(metBy(costRollup([worked, added], { from: '2026-01-01', to: '2026-12-31' }))).toEqual([['Nghị quyết 66/NQ-CP', 0.3, false]]);
    expect(costRollup([worked], { from: '2030-01-01', to: '2030-12-31' }).targets).toEqual([]);
  });

  it('counts regulations by change, assessed and costed', () => {
    const rollup = costRollup([worked, added, abolished, unassessed, lopsided], IN_2023);
    expect(rollup.regulations).toBe(5);
    expect(rollup.byChange).toEqual({ new: 1, amended: 2, replaced: 1, abolished: 1 });
    expect(rollup.assessed).toBe(1);
    expect(rollup.costed).toBe(3);
  });
});

describe('combineRollups', () => {
  it('gives the same roll-up as one pass over every regulation', () => {
    const drafts: RollupInput[][] = [[worked, unassessed], [added, abolished, lopsided], [], [notToRegulate, worked]];
    const combined = combineRollups(drafts.map((regulations) => costRollup(regulations, IN_2023)), IN_2023);
    const direct = costRollup(drafts.flat(), IN_2023);
    // Sums taken per draft may differ from one long sum in the last bits of a float.
    const { annual, reduction, ...counts } = combined;
    const { annual: directAnnual, reduction: directReduction, ...directCounts } = direct;
    expect(counts).toEqual(directCounts);
    expect(annual.baseline).toBeCloseTo(directAnnual.baseline, 4);
    expect(annual.proposed).toBeCloseTo(directAnnual.proposed, 4);
    expect(reduction.share).toBeCloseTo(directReduction.share!, 8);
    expect(combined.regulations).toBe(7);
    expect(combined.byChange).toEqual({ new: 2, amended: 3, replaced: 1, abolished: 1 });
  });

  it('of nothing is an empty roll-up', () => {
    expect(combineRollups([], IN_2023)).toEqual(costRollup([], IN_2023));
  });
});
