import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reductionVerdicts, type ReductionTarget } from './reductionVerdicts';

const nq66 = (achieved: number | null, met: boolean | null): ReductionTarget => ({
  name: 'Nghị quyết 66/NQ-CP',
  scopeLabel: 'TTHC liên quan đến sản xuất, kinh doanh và QĐKD',
  target: 0.3,
  achieved,
  met,
});

describe('the reduction indicator\'s verdicts', () => {
  it('shows the per-program verdict beside a rise of the whole draft\'s cost (the rise hid it before)', () => {
    // A draft adding a civil-status procedure (+) while its business procedure is cut by 33,94%: the whole is −15,8%.
    const verdicts = reductionVerdicts(-0.158, [nq66(0.3394, true)]);
    expect(verdicts).toEqual([{ kind: 'increase' }, { kind: 'program', target: nq66(0.3394, true), scoped: true }]);
  });

  it('keeps every program\'s verdict whatever the whole figure is', () => {
    const target = fc.record({
      name: fc.constantFrom('Nghị quyết 66/NQ-CP', 'Nghị quyết 68/NQ-CP'),
      scopeLabel: fc.constant('QĐKD'),
      target: fc.constantFrom(0.2, 0.3),
      achieved: fc.option(fc.double({ min: -2, max: 1, noNaN: true }), { nil: null }),
      met: fc.option(fc.boolean(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.double({ min: -5, max: 1, noNaN: true }), fc.array(target, { maxLength: 3 }), (share, targets) => {
        const shown = reductionVerdicts(share, targets).flatMap((verdict) => (verdict.kind === 'program' ? [verdict.target] : []));
        expect(shown).toEqual(targets);
        expect(reductionVerdicts(share, targets).some((verdict) => verdict.kind === 'increase')).toBe(share < 0);
      }),
    );
  });

  it('says there is nothing to compare when there is no baseline', () => {
    expect(reductionVerdicts(null, [nq66(null, null)])).toEqual([{ kind: 'none' }]);
  });
});
