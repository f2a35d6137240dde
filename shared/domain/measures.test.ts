import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measuresOf, measureTotal, measureTotalsByMethod, methodPairs, regulationMeasures, type MeasuredRegulation } from './measures';

const regulation = (overrides: Partial<MeasuredRegulation>): MeasuredRegulation => ({ change: 'amended', components: {}, ...overrides });

describe('regulationMeasures', () => {
  it.each<[string, MeasuredRegulation, Pick<ReturnType<typeof regulationMeasures>, 'timeLimitDays' | 'businessConditions'>]>([
    [
      'an amended procedure with both times and conditions',
      regulation({ components: { timeLimitDays: 10, conditions: ['a', 'b'] }, baseline: { timeLimitDays: 15, businessConditions: 4 } }),
      { timeLimitDays: { baseline: 15, proposed: 10 }, businessConditions: { baseline: 4, proposed: 2 } },
    ],
    ['no baseline: nothing to measure from', regulation({ components: { timeLimitDays: 10, conditions: ['a'] } }), { timeLimitDays: null, businessConditions: null }],
    [
      'a new regulation has no before',
      regulation({ change: 'new', components: { timeLimitDays: 10, conditions: ['a'] }, baseline: { timeLimitDays: 15, businessConditions: 3 } }),
      { timeLimitDays: null, businessConditions: null },
    ],
    [
      'an abolished one keeps no condition and has no time after',
      regulation({ change: 'abolished', components: { timeLimitDays: 10 }, baseline: { timeLimitDays: 15, businessConditions: 3 } }),
      { timeLimitDays: null, businessConditions: { baseline: 3, proposed: 0 } },
    ],
    [
      // Calendar days count in working days (timeLimits.ts), so that 30 «ngày» cut to 15 «ngày làm việc» is 30,9%, not 50%.
      'a time limit in calendar days before, in working days after',
      regulation({ components: { timeLimitDays: 15 }, baseline: { timeLimitDays: 30, timeLimitUnit: 'calendar' } }),
      { timeLimitDays: { baseline: 30 * (22 / (365 / 12)), proposed: 15 }, businessConditions: null },
    ],
    [
      'a replaced one with no conditions drafted',
      regulation({ change: 'replaced', components: { timeLimitDays: 0 }, baseline: { timeLimitDays: 3, businessConditions: 2 } }),
      { timeLimitDays: { baseline: 3, proposed: 0 }, businessConditions: null },
    ],
  ])('%s', (_label, input, expected) => {
    const { timeLimitDays, businessConditions } = regulationMeasures(input);
    expect({ timeLimitDays, businessConditions }).toEqual(expected);
  });

  it('compares the time limit method by method: a cut online counts for the online method, against its own limit before', () => {
    // 10 working days in person and online before; the draft cuts online to 5: half the methods gain 5 days.
    const onlineCut = regulation({
      components: { methods: ['in_person', 'online'], timeLimitDays: 10, methodTerms: [{ method: 'online', timeLimitDays: 5 }] },
      baseline: { timeLimitDays: 10 },
    });
    expect(regulationMeasures(onlineCut).timeLimitsByMethod).toEqual([
      { method: 'in_person', baseline: 10, proposed: 10 },
      { method: 'online', baseline: 10, proposed: 5 },
    ]);
    expect(regulationMeasures(onlineCut).timeLimitDays).toEqual({ baseline: 10, proposed: 7.5 });
    // Online was already 7 days before the draft: its cut is 2 days, not 5.
    const onlineWasShorter = { ...onlineCut, baseline: { timeLimitDays: 10, methodTerms: [{ method: 'online' as const, timeLimitDays: 7 }] } };
    expect(regulationMeasures(onlineWasShorter).timeLimitsByMethod).toEqual([
      { method: 'in_person', baseline: 10, proposed: 10 },
      { method: 'online', baseline: 7, proposed: 5 },
    ]);
    expect(regulationMeasures(onlineWasShorter).timeLimitDays).toEqual({ baseline: 8.5, proposed: 7.5 });
    // In calendar days before, online: counted in working days like every other.
    const calendar = { ...onlineCut, baseline: { timeLimitDays: 10, methodTerms: [{ method: 'online' as const, timeLimitDays: 14, timeLimitUnit: 'calendar' as const }] } };
    expect(regulationMeasures(calendar).timeLimitsByMethod[1]).toEqual({ method: 'online', baseline: 14 * (22 / (365 / 12)), proposed: 5 });
  });

  it('gives a procedure whose methods all keep its time limit the procedure\'s own pair, as before methods had terms', () => {
    const days = fc.integer({ min: 0, max: 365 });
    const unit = fc.constantFrom('working' as const, 'calendar' as const);
    fc.assert(
      fc.property(days, unit, days, unit, fc.subarray(['in_person', 'online', 'post'] as const), (before, beforeUnit, after, afterUnit, methods) => {
        const measured = regulationMeasures(regulation({ components: { methods, timeLimitDays: after, timeLimitUnit: afterUnit }, baseline: { timeLimitDays: before, timeLimitUnit: beforeUnit } }));
        const single = regulationMeasures(regulation({ components: { timeLimitDays: after, timeLimitUnit: afterUnit }, baseline: { timeLimitDays: before, timeLimitUnit: beforeUnit } }));
        expect(measured.timeLimitDays!.baseline).toBeCloseTo(single.timeLimitDays!.baseline, 9);
        expect(measured.timeLimitDays!.proposed).toBeCloseTo(single.timeLimitDays!.proposed, 9);
        expect(measured.timeLimitsByMethod.map(({ method }) => method)).toEqual(methods.length === 0 ? [null] : methods);
      }),
    );
  });

  it('takes the conditions kept by a QĐKD assessment over the drafted list, and its list as the count before', () => {
    const assessment = {
      template: '2025-qdkd',
      answers: { 'conditions.items': { value: [{ keep: true }, { keep: false }, { keep: false }, { keep: true }] } },
    };
    expect(measuresOf(regulation({ components: { conditions: ['a'] }, assessment })).businessConditions).toEqual({ baseline: 4, proposed: 2 });
    // A baseline count wins over the table's length (the table may list only the conditions it changes).
    expect(measuresOf(regulation({ baseline: { businessConditions: 6 }, assessment })).businessConditions).toEqual({ baseline: 6, proposed: 2 });
  });
});

describe('measureTotal', () => {
  it('sums the pairs it has, and shares the cut of the baseline', () => {
    // (15 + 5) − (10 + 5) = 5 of 20 → 25%.
    expect(measureTotal([{ baseline: 15, proposed: 10 }, null, { baseline: 5, proposed: 5 }])).toEqual({ regulations: 2, baseline: 20, proposed: 15, reductionShare: 0.25 });
    expect(measureTotal([])).toEqual({ regulations: 0, baseline: 0, proposed: 0, reductionShare: null });
  });
});

describe('measureTotalsByMethod', () => {
  it('sums each filing method over the procedures that offer it, each method against its own time limit before', () => {
    // One procedure cuts online from 10 to 5 and keeps in person at 10; another offers post and online, 20 → 15 both.
    const cutOnline = regulationMeasures({
      change: 'amended',
      components: { methods: ['in_person', 'online'], timeLimitDays: 10, methodTerms: [{ method: 'online', timeLimitDays: 5 }] },
      baseline: { timeLimitDays: 10 },
    });
    const byPost = regulationMeasures({ change: 'amended', components: { methods: ['post', 'online'], timeLimitDays: 15 }, baseline: { timeLimitDays: 20 } });
    // A procedure that lists no method has its own pair only, and counts under no method.
    const noMethod = regulationMeasures({ change: 'amended', components: { timeLimitDays: 3 }, baseline: { timeLimitDays: 5 } });
    expect(methodPairs(noMethod.timeLimitsByMethod)).toEqual({});
    const totals = measureTotalsByMethod([cutOnline, byPost, noMethod].map((measures) => methodPairs(measures.timeLimitsByMethod)));
    expect(totals).toEqual({
      in_person: { regulations: 1, baseline: 10, proposed: 10, reductionShare: 0 },
      post: { regulations: 1, baseline: 20, proposed: 15, reductionShare: 0.25 },
      // (10 + 20) − (5 + 15) = 10 of 30.
      online: { regulations: 2, baseline: 30, proposed: 20, reductionShare: 1 / 3 },
    });
  });
});
