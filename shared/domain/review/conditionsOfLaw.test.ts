// A business condition in the law's own words is neither vague (R20) nor added (R21), and one the draft adds with a
// figure, a threshold, a document or a qualification the law does not ask is named (issue 18, third batch grown): the
// review knows the law's wording from the conditions in force it holds (shared/domain/law/businessConditions.ts, each
// read in its provision), and a condition that delegates to the Government as the law does names its criterion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessConditionsOn, conditionFigures, figureText, type BusinessConditionSet } from '../law/businessConditions';
import { citationText } from '../law/citation';
import type { ReviewSubject } from './detectors';
import { reviewRegulation } from './findings';

const DRAFT = { draftingAgency: 'Chính phủ', legalBasis: ['Luật Đầu tư số 61/2020/QH14'] };

/** How drafts of the nine businesses the third batch grew by name their regulation, and a day each is in force. */
const BUSINESSES = [
  { name: 'Điều kiện cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón', field: 'Trồng trọt', date: '2025-11-10' },
  { name: 'Điều kiện buôn bán thuốc thú y', field: 'Thú y', date: '2025-12-05' },
  { name: 'Điều kiện cấp giấy phép kinh doanh dịch vụ bưu chính', field: 'Bưu chính', date: '2025-09-18' },
  { name: 'Điều kiện đăng ký hoạt động của doanh nghiệp đấu giá tài sản', field: 'Đấu giá tài sản', date: '2024-05-10' },
  { name: 'Tiêu chuẩn đấu giá viên', field: 'Đấu giá tài sản', date: '2024-04-22' },
  { name: 'Điều kiện sản xuất thức ăn chăn nuôi thương mại, thức ăn chăn nuôi theo đặt hàng', field: 'Chăn nuôi', date: '2025-09-05' },
  { name: 'Điều kiện sản xuất con giống vật nuôi', field: 'Chăn nuôi', date: '2026-01-12' },
  { name: 'Điều kiện đối với cá nhân hoạt động đại lý bảo hiểm', field: 'Kinh doanh bảo hiểm', date: '2025-10-28' },
  { name: 'Điều kiện đối với tổ chức hoạt động đại lý bảo hiểm', field: 'Kinh doanh bảo hiểm', date: '2025-12-09' },
];
const business = fc.constantFrom(...BUSINESSES);

const subjectOf = (name: string, field: string, conditions: string[]): ReviewSubject => ({
  id: 'q',
  kind: 'qdkd',
  change: 'amended',
  name,
  field,
  components: { conditions },
  baseline: { businessConditions: conditions.length },
});
const findingsOf = (rules: readonly string[], subject: ReviewSubject, date: string) =>
  reviewRegulation(subject, 'nghi_dinh', date, { draft: DRAFT }).findings.filter((finding) => rules.includes(finding.rule));

function heldFor(draft: (typeof BUSINESSES)[number]): BusinessConditionSet {
  const set = businessConditionsOn(draft, draft.date);
  expect(set, `điều kiện đang có hiệu lực của “${draft.name}”`).toBeDefined();
  return set!;
}

/** A condition the law does not ask, with the figure, threshold, document or qualification it adds. */
const addedCondition = fc.oneof(
  fc.integer({ min: 10, max: 300 }).map((n) => `Cửa hàng có diện tích tối thiểu ${n} m²`),
  fc.integer({ min: 2, max: 9 }).map((n) => `Người phụ trách có ít nhất 0${n} năm kinh nghiệm làm việc trong ngành`),
  fc.integer({ min: 2, max: 9 }).map((n) => `Có vốn điều lệ tối thiểu ${n}.000.000.000 đồng`),
  fc.integer({ min: 1, max: 9 }).map((n) => `Đặt cách khu dân cư tập trung tối thiểu ${n}00 m`),
  fc.constantFrom('B', 'C').map((level) => `Có chứng chỉ ngoại ngữ trình độ ${level} trở lên`),
  fc.constant('Có bằng tốt nghiệp trung học phổ thông trở lên'),
);

describe('conditions in the law’s own words, and conditions a draft adds to them (issue 18)', () => {
  it('R20: a QĐKD restating its business’s conditions in force, in any order and any subset, is not vague even where the law says «phù hợp» or «cần thiết»', () => {
    fc.assert(
      fc.property(business, fc.infiniteStream(fc.boolean()), (draft, keep) => {
        const set = heldFor(draft);
        const lines = set.conditions.map((condition) => condition.text).filter(() => keep.next().value);
        if (lines.length === 0) return;
        expect(findingsOf(['R20', 'R21', 'R30'], subjectOf(draft.name, draft.field, lines), draft.date)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('R20: the same open wording in a business whose conditions are not held is the draft’s own criterion, and is named', () => {
    const vague = BUSINESSES.flatMap((draft) => heldFor(draft).conditions.map((condition) => condition.text)).filter((text) => /phù hợp|cần thiết/u.test(text) && !/chứng chỉ|giấy chứng nhận|giấy phép|theo quy định|\d/u.test(text));
    expect(vague.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...vague), (line) => {
        expect(findingsOf(['R20'], subjectOf('Điều kiện kinh doanh dịch vụ cầm đồ', 'Thương mại', [line]), '2025-09-15').map((finding) => finding.subject)).toEqual([line]);
      }),
    );
  });

  it('R20: a condition that leaves the rest to the Government, as the law does, names where its criterion is set', () => {
    const open = fc.constantFrom('Điều kiện về nhân sự và các điều kiện khác', 'Các điều kiện cần thiết khác', 'Trang thiết bị phù hợp và các điều kiện khác');
    fc.assert(
      fc.property(open, fc.constantFrom('Điều kiện kinh doanh dịch vụ cầm đồ', 'Điều kiện đối với tổ chức hoạt động đại lý bảo hiểm'), (start, name) => {
        const line = `${start} do Chính phủ quy định`;
        expect(findingsOf(['R20'], subjectOf(name, '', [line]), '2025-12-09')).toEqual([]);
      }),
    );
  });

  it('R21: a condition with a figure, threshold, document or qualification the law does not ask is named as added, with both counts and the provision', () => {
    fc.assert(
      fc.property(business, addedCondition, fc.nat(), (draft, added, at) => {
        const set = heldFor(draft);
        const lines = set.conditions.map((condition) => condition.text);
        lines.splice(at % (lines.length + 1), 0, added);
        const findings = findingsOf(['R21', 'R30'], subjectOf(draft.name, draft.field, lines), draft.date);
        expect(findings.map((finding) => `${finding.rule} ${finding.subject}`)).toEqual([`R21 ${added}`]);
        expect(findings[0]!.values).toMatchObject({
          before: String(set.conditions.length).padStart(2, '0'),
          after: String(lines.length).padStart(2, '0'),
          source: citationText(set.legalBasis),
        });
      }),
      { numRuns: 80 },
    );
  });

  it('R30: a capital the law writes in words («02 tỷ đồng») raised by the draft is named with both sums; the law’s own sums in another order raise nothing', () => {
    const postal = BUSINESSES[2]!;
    const capital = heldFor(postal).conditions.find((condition) => conditionFigures(condition.text).length > 0)!;
    const [domestic, international] = conditionFigures(capital.text).map((figure) => figure.amount / 1_000_000_000);
    expect([domestic, international]).toEqual([2, 5]);
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 4 }), fc.integer({ min: 6, max: 50 }), fc.boolean(), (lower, upper, reversed) => {
        const clauses = [`${String(lower).padStart(2, '0')} tỷ đồng khi cung ứng dịch vụ bưu chính nội tỉnh, liên tỉnh`, `${upper} tỷ đồng khi cung ứng dịch vụ bưu chính quốc tế`];
        const line = `Mức vốn tối thiểu là ${(reversed ? clauses.reverse() : clauses).join(' và ')}`;
        const findings = findingsOf(['R21', 'R30'], subjectOf(postal.name, postal.field, [line]), postal.date);
        expect(findings.map((finding) => finding.rule)).toEqual(['R30']);
        // Read in the order written, the first sum is paired with the law's first (02 tỷ đồng).
        const first = reversed ? upper : lower;
        expect(findings[0]!.values).toMatchObject({ before: figureText({ amount: 2_000_000_000, unit: 'đồng' }), after: figureText({ amount: first * 1_000_000_000, unit: 'đồng' }) });
        // The law's own sums, in either order, raise nothing.
        const same = `Mức vốn tối thiểu là ${reversed ? '05 tỷ đồng quốc tế, 02 tỷ đồng nội tỉnh' : '02 tỷ đồng nội tỉnh, 05 tỷ đồng quốc tế'}`;
        expect(findingsOf(['R21', 'R30'], subjectOf(postal.name, postal.field, [same]), postal.date)).toEqual([]);
      }),
    );
  });
});
