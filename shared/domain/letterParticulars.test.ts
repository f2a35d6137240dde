import { describe, expect, it } from 'vitest';
import { letterClosing, letterOpening, letterSubject } from './letterParticulars';

const decree = { title: 'Dự thảo Nghị định sửa đổi, bổ sung một số điều của Nghị định số 105/2017/NĐ-CP', docType: 'nghi_dinh' as const, draftingAgency: 'Bộ Công Thương', submittedToGovernment: true };

describe("a stage letter's own sentences (issue 19)", () => {
  // The opening promised TTHC and then listed a QĐKD.
  it.each([
    [['tthc'] as const, 'các TTHC quy định', 'TTHC tại'],
    [['qdkd'] as const, 'các quy định kinh doanh (QĐKD) quy định', 'QĐKD tại'],
    [['tthc', 'qdkd', 'tthc'] as const, 'các TTHC và quy định kinh doanh (QĐKD) quy định', 'TTHC, QĐKD tại'],
  ])('names what it covers: %j', (kinds, opening, subject) => {
    expect(letterOpening('review', decree, 'Văn phòng Chính phủ', kinds)).toContain(`có ý kiến thẩm tra về ${opening} tại dự thảo Nghị định như sau:`);
    expect(letterSubject('review', decree, kinds)).toContain(`ý kiến thẩm tra ${subject}`);
  });

  // The incoming document ("Tờ trình số … ngày …") was missing from the opening.
  it('cites the incoming document, by stage', () => {
    const incoming = { type: 'Tờ trình', number: '35/TTr-BCT', date: '2025-02-03' };
    expect(letterOpening('review', decree, 'Văn phòng Chính phủ', ['tthc'], incoming)).toMatch(
      /^Văn phòng Chính phủ nhận được Tờ trình số 35\/TTr-BCT ngày 03 tháng 02 năm 2025 của Bộ Công Thương trình Chính phủ dự thảo Nghị định sửa đổi, bổ sung một số điều của Nghị định số 105\/2017\/NĐ-CP \(sau đây gọi là dự thảo Nghị định\)\./,
    );
    expect(letterOpening('appraisal', { ...decree, docType: 'quyet_dinh_ttg' }, 'Bộ Tư pháp', ['tthc'], incoming)).toContain('của Bộ Công Thương đề nghị thẩm định dự thảo');
    expect(letterOpening('review', { ...decree, docType: 'quyet_dinh_ttg' }, 'Văn phòng Chính phủ', ['tthc'], incoming)).toContain('trình Thủ tướng Chính phủ dự thảo');
  });

  // Read as the clerk would: VPCP's review letter asked to finish the draft «trước khi trình Chính phủ», although its
  // Tờ trình had already presented it; the drafting agency sends the finished draft back to VPCP, which presents it.
  it('asks, at review, for the finished draft to come back to VPCP, which presents it', () => {
    expect(letterClosing(decree, 'Bộ Công Thương', 'review')).toBe(
      'Đề nghị Bộ Công Thương nghiên cứu, tiếp thu, giải trình, hoàn thiện dự thảo Nghị định, gửi Văn phòng Chính phủ để trình Chính phủ xem xét, quyết định.',
    );
    expect(letterClosing(decree, 'Bộ Công Thương', 'appraisal')).toContain('trước khi trình Chính phủ xem xét, quyết định.');
  });

  it('asks the addressee to finish the draft before it goes to the body that decides', () => {
    expect(letterClosing(decree, 'Bộ Công Thương')).toBe('Đề nghị Bộ Công Thương nghiên cứu, tiếp thu, hoàn thiện dự thảo Nghị định trước khi trình Chính phủ xem xét, quyết định.');
    expect(letterClosing({ ...decree, docType: 'thong_tu', submittedToGovernment: false }, 'Cục Hóa chất')).toBe('Đề nghị Cục Hóa chất nghiên cứu, tiếp thu, hoàn thiện dự thảo Thông tư.');
  });
});
