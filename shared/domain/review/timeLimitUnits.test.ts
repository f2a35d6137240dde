// R01 compares a draft's time limit with the one in force in one unit (issue 22): a draft stating calendar days
// («ngày») was read as keeping the unit of the procedure it was compared with, so "15 ngày" against "12 ngày làm việc"
// read as 15 working days (a longer limit that is not), and "20 ngày làm việc" against "25 ngày" as 20 calendar days
// (shorter, when it is longer).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inWorkingDays, WORKING_DAYS_PER_CALENDAR_DAY } from '../timeLimits';
import type { TimeLimitUnit } from '../vocabulary';
import type { ReviewSubject } from './detectors';
import { reviewRegulation } from './findings';
import type { InForceProcedure } from './inForce';

const DRAFT = { draftingAgency: 'Bộ Công Thương', legalBasis: ['Luật Thương mại số 36/2005/QH11'] };
const inForceOf = (days: number, unit: TimeLimitUnit): InForceProcedure => ({
  source: { kind: 'record', code: '1.000001' },
  timeLimit: { days, unit },
  methods: [],
  dossier: [],
  conditions: [],
  fees: [],
  sets: new Set(['timeLimitDays']),
});
const subject = (days: number, unit: TimeLimitUnit | undefined): ReviewSubject => ({
  id: 'r',
  kind: 'tthc',
  change: 'amended',
  name: 'Cấp giấy phép bán lẻ rượu',
  components: { timeLimitDays: days, ...(unit ? { timeLimitUnit: unit } : {}) },
});
const longerFindings = (draft: ReviewSubject, inForce: InForceProcedure) =>
  reviewRegulation(draft, 'nghi_dinh', '2025-09-15', { draft: DRAFT, inForce }).findings.filter((finding) => finding.rule === 'R01');

describe('R01: a time limit longer than the one in force, in one unit', () => {
  it('does not call 15 calendar days longer than 12 working days', () => {
    expect(longerFindings(subject(15, 'calendar'), inForceOf(12, 'working'))).toEqual([]);
  });

  it('calls 20 working days longer than 25 calendar days, naming each in its own unit', () => {
    const [finding] = longerFindings(subject(20, 'working'), inForceOf(25, 'calendar'));
    expect(finding?.values).toMatchObject({ value: '20 ngày làm việc', before: '25 ngày' });
  });

  it('reads a time limit without a unit as working days, as every earlier record meant it', () => {
    expect(longerFindings(subject(13, undefined), inForceOf(12, 'working'))).toHaveLength(1);
  });

  it('finds a longer limit exactly when it is longer in working days', () => {
    const unit = fc.constantFrom<TimeLimitUnit>('working', 'calendar');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), unit, fc.integer({ min: 1, max: 120 }), unit, (days, own, before, inForceUnit) => {
        const longer = inWorkingDays({ days, unit: own }) > inWorkingDays({ days: before, unit: inForceUnit });
        expect(longerFindings(subject(days, own), inForceOf(before, inForceUnit)).length).toBe(longer ? 1 : 0);
      }),
    );
  });

  it('counts a calendar day as 22 working days in a month of 365/12 days (DOMAIN.md\'s month)', () => {
    expect(WORKING_DAYS_PER_CALENDAR_DAY).toBeCloseTo(0.7233, 4);
    expect(inWorkingDays({ days: 365, unit: 'calendar' })).toBeCloseTo(264, 9);
  });
});
