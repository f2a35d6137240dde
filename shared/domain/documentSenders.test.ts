import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINISTRY_REFERENCE } from './administrativeReference';
import {
  agencyAbbreviation,
  agencyKey,
  agencyLetterhead,
  appraisalBody,
  DOCUMENT_KINDS,
  documentWriter,
  isWritingAgency,
  responsesTableRecipients,
  stageAddressees,
  writerRefusal,
  type SenderDraft,
} from './documentSenders';
import { DOC_TYPES, type DocType } from './vocabulary';

const draft = (docType: DocType, draftingAgency: string, submittedToGovernment = false): SenderDraft => ({
  title: `Dự thảo ${docType}`,
  docType,
  draftingAgency,
  submittedToGovernment,
});

describe('agency abbreviations in document numbers', () => {
  it.each([
    ['Văn phòng Chính phủ', 'VPCP'],
    ['Bộ Tư pháp', 'BTP'],
    ['Bộ Giao thông vận tải', 'BGTVT'],
    ['Bộ Tài nguyên và Môi trường', 'BTNMT'],
    ['Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL'],
    ['Bộ Lao động - Thương binh và Xã hội', 'BLĐTBXH'],
    ['Bộ Kế hoạch và Đầu tư', 'BKHĐT'],
  ])('%s → %s', (agency, abbreviation) => {
    expect(agencyAbbreviation(agency)).toBe(abbreviation);
  });
});

describe('who appraises a draft (Nghị định 63/2010, Điều 11)', () => {
  it.each<[DocType, string, { parent?: string; name: string; fullName: string; place: string }]>([
    ['nghi_dinh', 'Bộ Xây dựng', { name: 'Bộ Tư pháp', fullName: 'Bộ Tư pháp', place: 'Hà Nội' }],
    ['luat', 'Bộ Công Thương', { name: 'Bộ Tư pháp', fullName: 'Bộ Tư pháp', place: 'Hà Nội' }],
    ['quyet_dinh_ttg', 'Bộ Y tế', { name: 'Bộ Tư pháp', fullName: 'Bộ Tư pháp', place: 'Hà Nội' }],
    ['thong_tu', 'Bộ Xây dựng', { parent: 'Bộ Xây dựng', name: 'Vụ Pháp chế', fullName: 'Vụ Pháp chế Bộ Xây dựng', place: 'Hà Nội' }],
    [
      'quyet_dinh_ubnd',
      'Ủy ban nhân dân tỉnh Bắc Ninh',
      { parent: 'Ủy ban nhân dân tỉnh Bắc Ninh', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp tỉnh Bắc Ninh', place: 'Bắc Ninh' },
    ],
    [
      'quyet_dinh_ct_ubnd',
      'Ủy ban nhân dân tỉnh Lào Cai',
      { parent: 'Ủy ban nhân dân tỉnh Lào Cai', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp tỉnh Lào Cai', place: 'Lào Cai' },
    ],
    [
      'nghi_quyet_hdnd',
      'Sở Y tế thành phố Đà Nẵng',
      { parent: 'Ủy ban nhân dân thành phố Đà Nẵng', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp thành phố Đà Nẵng', place: 'Đà Nẵng' },
    ],
  ])('a %s of %s: %o', (docType, agency, expected) => {
    expect(appraisalBody(draft(docType, agency))).toMatchObject(expected);
  });

  it('knows no appraising body for a commune document, so it names none and refuses no one', () => {
    expect(appraisalBody(draft('quyet_dinh_ubnd_xa', 'Ủy ban nhân dân xã Tân Phú'))).toBeUndefined();
    expect(writerRefusal('appraisal_letter', draft('quyet_dinh_ubnd_xa', 'Ủy ban nhân dân xã Tân Phú'), 'Sở Tư pháp tỉnh Đồng Nai')).toBeNull();
  });

  it('has a body for every document type but the commune ones', () => {
    for (const docType of DOC_TYPES) {
      const body = appraisalBody(draft(docType, 'Bộ Công Thương'));
      expect(body === undefined, docType).toBe(docType.endsWith('_xa'));
    }
  });
});

describe('the refusal names who should write the document', () => {
  const circular = draft('thong_tu', 'Bộ Xây dựng');

  // Issue 19: "Bộ Tư pháp" turned Bộ Xây dựng's circular into a Bộ Tư pháp letter with no question asked.
  it("refuses Bộ Tư pháp the appraisal of a ministry's circular, naming the ministry's legal unit", () => {
    const refusal = writerRefusal('appraisal_letter', circular, 'Bộ Tư pháp');
    expect(refusal).toContain('do Vụ Pháp chế Bộ Xây dựng lập theo Điều 11 Nghị định số 63/2010/NĐ-CP');
    expect(refusal).toContain('máy này là của Bộ Tư pháp');
  });

  it('lets the ministry itself, or its legal unit however typed, write it', () => {
    for (const agency of ['Bộ Xây dựng', 'bo xay dung', 'Vụ Pháp chế Bộ Xây dựng', 'Vụ Pháp chế, Bộ Xây dựng']) {
      expect(writerRefusal('appraisal_letter', circular, agency), agency).toBeNull();
    }
  });

  // Issue 19: a period report made with the profile Bộ Tư pháp narrated VPCP's own review.
  it("refuses the period report to any agency but VPCP, VPCP's control department included", () => {
    expect(writerRefusal('period_report', undefined, 'Bộ Tư pháp')).toMatch(/^Báo cáo kết quả kiểm soát TTHC do Văn phòng Chính phủ lập/);
    expect(writerRefusal('period_report', undefined, 'Cục Kiểm soát thủ tục hành chính')).toBeNull();
    expect(writerRefusal('period_report', undefined, 'VPCP')).toBeNull();
  });

  it("refuses a province's Sở Tư pháp the appraisal of another province's document", () => {
    const local = draft('quyet_dinh_ubnd', 'UBND tỉnh Quảng Ninh');
    expect(writerRefusal('appraisal_letter', local, 'Sở Tư pháp tỉnh Quảng Ninh')).toBeNull();
    expect(writerRefusal('appraisal_letter', local, 'Sở Tư pháp Quảng Ninh')).toBeNull();
    expect(writerRefusal('appraisal_letter', local, 'Sở Tư pháp tỉnh Bắc Ninh')).toContain('do Sở Tư pháp tỉnh Quảng Ninh lập');
  });

  it('says there is no review for a draft that does not go to the Government', () => {
    expect(documentWriter('review_letter', circular).kind).toBe('none');
    expect(writerRefusal('review_letter', circular, 'Văn phòng Chính phủ')).toMatch(/không trình Chính phủ, Thủ tướng Chính phủ nên không qua thẩm tra/);
  });

  it('never refuses a machine that has not said which agency it is', () => {
    for (const kind of DOCUMENT_KINDS) expect(writerRefusal(kind, draft('nghi_dinh', 'Bộ Y tế', true), '  '), kind).toBeNull();
  });

  it('accepts, for any ministry and any writer it has, exactly the writer and refuses every other ministry', () => {
    const ministries = [...new Set(MINISTRY_REFERENCE.map((entry) => entry.name))];
    fc.assert(
      fc.property(fc.constantFrom(...ministries), fc.constantFrom(...ministries), (drafter, machine) => {
        const writer = documentWriter('appraisal_letter', draft('thong_tu', drafter));
        if (writer.kind !== 'agency') throw new Error('a circular always has its legal unit');
        expect(isWritingAgency(writer.agency, machine)).toBe(agencyKey(machine) === agencyKey(drafter));
      }),
    );
  });
});

describe('letterheads and addressees', () => {
  it("puts a provincial department under its People's Committee", () => {
    expect(agencyLetterhead('Sở Y tế tỉnh Bà Rịa - Vũng Tàu')).toEqual({ parent: 'Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu', name: 'Sở Y tế' });
    expect(agencyLetterhead('Bộ Công Thương')).toEqual({ name: 'Bộ Công Thương' });
    expect(agencyLetterhead('Ủy ban nhân dân tỉnh Lạng Sơn')).toEqual({ name: 'Ủy ban nhân dân tỉnh Lạng Sơn' });
  });

  it('addresses a stage letter to the drafting agency, or to the unit that sent the dossier', () => {
    expect(stageAddressees('review', draft('nghi_dinh', 'Bộ Công Thương', true))).toEqual(['Bộ Công Thương']);
    expect(stageAddressees('appraisal', draft('nghi_dinh', 'Bộ Công Thương'), { from: 'Vụ Pháp chế' })).toEqual([
      'Vụ Pháp chế',
    ]);
    // Inside a ministry its name alone reaches no one: the drafting unit must be said.
    expect(stageAddressees('appraisal', draft('thong_tu', 'Bộ Xây dựng'))).toEqual([]);
  });
});

describe('who receives the tiếp thu–giải trình table with the dossier', () => {
  it('is the appraisal body and the body the dossier is submitted through, or VPCP after its review', () => {
    expect(responsesTableRecipients('appraisal', draft('nghi_dinh', 'Bộ Công Thương', true))).toEqual(['Bộ Tư pháp', 'Văn phòng Chính phủ']);
    expect(responsesTableRecipients('review', draft('nghi_dinh', 'Bộ Công Thương', true))).toEqual(['Văn phòng Chính phủ']);
    expect(responsesTableRecipients('appraisal', draft('thong_tu', 'Bộ Xây dựng'))).toEqual(['Vụ Pháp chế Bộ Xây dựng']);
    expect(responsesTableRecipients('appraisal', draft('quyet_dinh_ubnd', 'Sở Y tế tỉnh Bắc Ninh'))).toEqual(['Sở Tư pháp tỉnh Bắc Ninh', 'Ủy ban nhân dân tỉnh Bắc Ninh']);
  });
});
