// Issue 22: the review's cost target (R25) is the program's that covers the regulation's scope, and a procedure that
// states no subjects takes its scope from its own published record (scopeClassOf), as the cost tab, Tổng hợp chi phí
// and the report do. The review is given that record as what is in force (inForceFor).
import { describe, expect, it } from 'vitest';
import { catalogueRecord } from '../../../test/unit/scopeRows';
import { workedSide, WORKED_HOURLY_INCOME } from '../../../test/unit/assessmentAnswers';
import type { CostWorksheet } from '../dossier';
import { reviewRegulation } from './findings';
import { inForceFor } from './inForce';

const DATE = '2025-09-15';
// 16 h → 15 h a case, other costs unchanged: a cut of a few percent, short of every program's target.
const worksheet: CostWorksheet = { year: 2025, hourlyIncome: WORKED_HOURLY_INCOME, baseline: workedSide(16, 200_000), proposed: workedSide(15, 200_000) };
const amended = (subjects?: string[]) => ({
  id: 'r',
  kind: 'tthc' as const,
  change: 'amended' as const,
  name: 'Cấp Giấy phép bán rượu tiêu dùng tại chỗ',
  nationalCode: '2.000629',
  components: subjects ? { subjects } : {},
  assessment: { template: '2010', answers: {}, cost: worksheet },
});
const costFindings = (subject: ReturnType<typeof amended>, subjects: string[]) =>
  reviewRegulation(subject, 'nghi_dinh', DATE, { inForce: inForceFor(subject, catalogueRecord('2.000629', subject.name, subjects)) }).findings.filter((finding) => finding.rule === 'R25');

describe('the cost target of a procedure that states no subjects (issue 22)', () => {
  it('is the business programs’ when its own published record’s subjects are traders', () => {
    const findings = costFindings(amended(), ['Thương nhân', 'Hộ kinh doanh']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.values.program).toMatch(/66/);
  });

  it('is none when its record’s subjects are citizens, and its own subjects win over the record’s', () => {
    expect(costFindings(amended(), ['Cá nhân'])).toEqual([]);
    expect(costFindings(amended(['Công dân Việt Nam']), ['Thương nhân'])).toEqual([]);
    expect(costFindings(amended(['Doanh nghiệp']), ['Cá nhân'])).toHaveLength(1);
  });

  it('is not taken from the closest procedure of a new one: that is another procedure’s subjects', () => {
    const subject = { ...amended(), change: 'amended' as const, nationalCode: undefined };
    const closest = { record: catalogueRecord('2.000629', subject.name, ['Thương nhân']), similarity: 0.9 };
    const findings = reviewRegulation(subject, 'nghi_dinh', DATE, { inForce: inForceFor(subject, undefined, closest) }).findings.filter((finding) => finding.rule === 'R25');
    expect(findings).toEqual([]);
  });
});
