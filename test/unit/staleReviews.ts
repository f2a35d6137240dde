// Regulations as an old database stored them (issue 18): a review and count written by rules no longer in force, and
// what the current rules give them — the fixtures of migration 0220 on both engines.
import type { Components, RegulationBaseline } from '../../shared/domain/dossier';

type StaleReview = {
  draft: { docType: string; draftingAgency: string };
  regulation: { id: string; kind: 'tthc' | 'qdkd'; change: 'new' | 'amended'; name: string; components: Components; baseline?: RegulationBaseline };
  stale: { count: number; ruleSet: string };
  current: { rules: string[]; ruleSet: string };
};

export const STALE_REVIEWS: readonly StaleReview[] = [
  {
    // A paper the state holds and a certified copy: two findings, where rules-2026@1 counted more.
    draft: { docType: 'nghi_dinh', draftingAgency: 'Bộ Công an' },
    regulation: {
      id: 'a-tthc',
      kind: 'tthc',
      change: 'new',
      name: 'Đăng ký thường trú',
      components: {
        steps: ['Nộp hồ sơ'],
        methods: ['in_person'],
        dossier: [
          { item: 'Bản sao sổ hộ khẩu', copies: 1 },
          { item: 'Bản sao có chứng thực hợp đồng thuê nhà', copies: 1 },
        ],
        timeLimitDays: 7,
        subjects: ['citizen'],
        agency: 'Công an cấp xã',
        result: 'Thông báo kết quả',
      },
    },
    stale: { count: 4, ruleSet: 'rules-2026@1' },
    current: { rules: ['R14', 'R16'], ruleSet: 'rules-2026@2' },
  },
  {
    // A business regulation once asked for steps, dossier, time limit, subjects, agency and result: nothing now. Its
    // conditions are the two in force (Nghị định 105/2017 Điều 13 as amended in 2020), so R21 finds none added.
    draft: { docType: 'nghi_dinh', draftingAgency: 'Bộ Công Thương' },
    regulation: {
      id: 'b-qdkd',
      kind: 'qdkd',
      change: 'amended',
      name: 'Điều kiện kinh doanh bán lẻ rượu',
      components: {
        conditions: [
          'Là doanh nghiệp, hợp tác xã, liên hiệp hợp tác xã hoặc hộ kinh doanh được thành lập theo quy định của pháp luật',
          'Có quyền sử dụng hợp pháp địa điểm kinh doanh cố định, địa chỉ rõ ràng',
        ],
      },
      baseline: { businessConditions: 2 },
    },
    stale: { count: 6, ruleSet: 'rules-2026@2' },
    current: { rules: [], ruleSet: 'rules-2026@2' },
  },
];
