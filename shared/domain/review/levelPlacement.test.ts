// Where R12 writes the abolished district level (issue 18, third batch): a draft that gives the procedure to the
// district's own People's Committee («Ủy ban nhân dân cấp huyện», its Chủ tịch) places the procedure at a level that no
// longer exists — the reviewer writes it against the level, as the third batch's labels do; a draft that names a body
// of the district («Phòng Tư pháp cấp huyện») has an agency to reassign, and the finding stays on that agency, as the
// first batches' labels do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewRegulation } from './findings';
import type { Level } from '../vocabulary';

const DRAFT = { draftingAgency: 'Ủy ban nhân dân tỉnh Ninh Bình', legalBasis: ['Luật Tổ chức chính quyền địa phương số 72/2025/QH15'] };
const level = fc.constantFrom<Level>('district', 'commune', 'province');
const after = fc.integer({ min: 0, max: 500 }).map((days) => new Date(Date.parse('2025-07-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10));
const r12 = (agency: string, at: Level, date: string) =>
  reviewRegulation({ id: 'r', kind: 'tthc', change: 'amended', name: 'Cấp giấy khen', level: at, components: { agency } }, 'quyet_dinh_ubnd', date, { draft: DRAFT }).findings.filter((finding) => finding.rule === 'R12');

describe('R12: the abolished district level, written where a reviewer writes it', () => {
  it('against the level when the draft gives the procedure to the district People’s Committee itself', () => {
    const government = fc.constantFrom('Ủy ban nhân dân cấp huyện', 'Chủ tịch Ủy ban nhân dân cấp huyện', 'UỶ BAN NHÂN DÂN CẤP HUYỆN', 'Ủy ban nhân dân huyện');
    fc.assert(
      fc.property(government, level, after, (agency, at, date) => {
        expect(r12(agency, at, date).map((finding) => [finding.component, finding.values.agency])).toEqual([['name', `“${agency}”`]]);
      }),
    );
  });

  it('against the agency when the draft names a body of the district', () => {
    const body = fc.constantFrom('Phòng Tư pháp cấp huyện', 'Phòng Kinh tế thuộc Ủy ban nhân dân cấp huyện', 'Phòng Giáo dục và Đào tạo cấp huyện', 'Phòng Lao động - Thương binh và Xã hội');
    fc.assert(
      fc.property(body, level, after, (agency, at, date) => {
        expect(r12(agency, at, date).map((finding) => [finding.component, finding.subject])).toEqual([['agency', agency]]);
      }),
    );
  });
});
