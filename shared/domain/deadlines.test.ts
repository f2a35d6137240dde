import { describe, expect, it } from 'vitest';
import { deadlineOf, queueStatuses, STAGE_TIME_LIMITS, timeLimitFor } from './deadlines';
import { DOC_TYPES } from './vocabulary';

describe('statutory deadlines', () => {
  it('has one appraisal limit for every document type, each with its legal basis', () => {
    for (const docType of DOC_TYPES) expect(timeLimitFor('appraisal', docType)?.days).toBeGreaterThan(0);
    for (const limit of STAGE_TIME_LIMITS) expect(limit.basis).toMatch(/Luật|Quy chế/);
  });

  it('counts from the day the draft was sent: due, due today, overdue', () => {
    const decree = { status: 'submitted_for_appraisal' as const, docType: 'nghi_dinh' as const };
    expect(deadlineOf(decree, '2026-11-20', '2026-12-02')).toMatchObject({ stage: 'appraisal', dueOn: '2026-12-05', daysLeft: 3, overdue: false });
    expect(deadlineOf(decree, '2026-11-17', '2026-12-02')).toMatchObject({ dueOn: '2026-12-02', daysLeft: 0, overdue: false });
    expect(deadlineOf(decree, '2026-11-01', '2026-12-02')).toMatchObject({ daysLeft: -16, overdue: true });
    expect(deadlineOf({ status: 'submitted_for_review', docType: 'nghi_dinh' }, '2026-11-25', '2026-12-02')).toMatchObject({ stage: 'review', dueOn: '2026-12-05' });
    expect(deadlineOf({ status: 'drafting', docType: 'nghi_dinh' }, '2026-11-01', '2026-12-02')).toBeNull();
  });

  it('queues for each role the states where it moves the draft on', () => {
    expect(queueStatuses('appraiser')).toEqual(['submitted_for_appraisal']);
    expect(queueStatuses('reviewer')).toEqual(['submitted_for_review']);
    expect(queueStatuses('drafter')).toEqual(['drafting', 'assessed', 'appraised', 'revised', 'reviewed']);
  });
});
