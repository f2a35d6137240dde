// A fee the draft raises above the one in force is a finding a reviewer must raise, as a new fee and a fee on a
// procedure the law makes free are (issue 18, "Done when"): all three at "serious". R05 was a "warning", so a raised
// fee read as a remark the drafter could leave (the third batch's chứng thực văn bản từ chối nhận di sản, 50.000 →
// 100.000 đồng, labelled "serious").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../i18n/format';
import { describeFinding, reviewRegulation } from './findings';
import type { InForceProcedure } from './inForce';
import { ruleSetOn } from './findings';

const DATE = '2025-09-15';
const DRAFT = { draftingAgency: 'Bộ Tư pháp', legalBasis: ['Luật Phí và lệ phí số 97/2015/QH13'] };
const feeName = fc.constantFrom('Phí chứng thực', 'Phí thẩm định cấp giấy phép', 'Lệ phí cấp giấy chứng nhận', 'Phí thẩm định hồ sơ');

/** Each finding on the draft's fees, as the reviewer reads it: its rule and severity. */
function feeFindings(fees: Array<{ name: string; amount: number }>, inForce: InForceProcedure) {
  const review = reviewRegulation({ id: 'r', kind: 'tthc', change: 'amended', name: 'Chứng thực hợp đồng', nationalCode: '2.000815', components: { fees } }, 'nghi_dinh', DATE, { draft: DRAFT, inForce });
  return review.findings.filter((finding) => finding.component === 'fees').map((finding) => describeFinding(finding, ruleSetOn(DATE), () => 'Phí, lệ phí'));
}
const recordWith = (fees: Array<{ name: string; amount: number }>): InForceProcedure => ({ source: { kind: 'record', code: '2.000815' }, methods: [], dossier: [], conditions: [], fees, sets: new Set(['fees']) });

describe('fees against those in force: every one a reviewer must raise is serious', () => {
  it('a fee raised above the one in force is named with both amounts, at the severity of a new fee', () => {
    fc.assert(
      fc.property(feeName, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (name, before, step) => {
        const raised = feeFindings([{ name, amount: (before + step) * 1000 }], recordWith([{ name, amount: before * 1000 }]));
        const added = feeFindings([{ name, amount: (before + step) * 1000 }], recordWith([]));
        expect(raised.map((finding) => [finding.rule, finding.severity])).toEqual([['R05', 'serious']]);
        expect(raised[0]!.proposal.vi).toContain(formatMoney(before * 1000));
        expect(raised[0]!.proposal.vi).toContain(formatMoney((before + step) * 1000));
        expect(added.map((finding) => finding.severity)).toEqual(['serious']);
      }),
    );
  });

  it('a fee kept at or lowered below the one in force is no finding', () => {
    fc.assert(
      fc.property(feeName, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (name, before, cut) => {
        expect(feeFindings([{ name, amount: Math.max(1, before - cut) * 1000 }], recordWith([{ name, amount: before * 1000 }]))).toEqual([]);
      }),
    );
  });
});
