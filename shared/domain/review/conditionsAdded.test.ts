// R21 (a condition added to those in force) names a condition as added only where the conditions in force are known
// one by one (issue 18): a QĐKD records only how many are in force, and the rule used to name the whole list as added
// («bổ sung yêu cầu, điều kiện “”»), a finding no reviewer could put their name to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewSubject } from './detectors';
import { reviewRegulation } from './findings';
import type { InForceProcedure } from './inForce';

const DRAFT = { draftingAgency: 'Bộ Công Thương', legalBasis: ['Luật Đầu tư số 61/2020/QH14'] };
/** Condition lines as drafts write them: distinct, measurable (a figure), so no other rule reads them as vague. */
const conditionLines = (min: number) => fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: min, maxLength: 8 }).map((figures) => figures.map((figure) => `Có ít nhất ${figure} nhân viên có chứng chỉ nghiệp vụ`));
const addedFindings = (subject: ReviewSubject, inForce?: InForceProcedure) =>
  reviewRegulation(subject, 'nghi_dinh', '2025-09-15', { draft: DRAFT, ...(inForce ? { inForce } : {}) }).findings.filter((finding) => finding.rule === 'R21');

describe('R21: conditions added to those in force', () => {
  it('says nothing of a QĐKD whose conditions in force are known only by their number, however many the draft adds', () => {
    fc.assert(
      fc.property(conditionLines(1), fc.nat(), (conditions, fewer) => {
        const subject: ReviewSubject = {
          id: 'q',
          kind: 'qdkd',
          change: 'amended',
          name: 'Điều kiện kinh doanh dịch vụ việc làm',
          components: { conditions },
          baseline: { businessConditions: fewer % conditions.length },
        };
        expect(addedFindings(subject)).toEqual([]);
      }),
    );
  });

  it('names each condition a TTHC adds to its published record, with both counts', () => {
    fc.assert(
      fc.property(conditionLines(2), fc.integer({ min: 1 }), (lines, split) => {
        const kept = lines.slice(0, split % lines.length);
        const inForce: InForceProcedure = { source: { kind: 'record', code: '1.000001' }, methods: [], dossier: [], conditions: kept, fees: [], sets: new Set(['conditions']) };
        const subject: ReviewSubject = { id: 't', kind: 'tthc', change: 'amended', name: 'Cấp giấy phép', components: { conditions: lines } };
        const findings = addedFindings(subject, inForce);
        expect(findings.map((finding) => finding.subject)).toEqual(lines.slice(kept.length));
        for (const finding of findings) expect(finding.values).toMatchObject({ item: finding.subject, before: String(kept.length).padStart(2, '0'), after: String(lines.length).padStart(2, '0') });
      }),
    );
  });
});
