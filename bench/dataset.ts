// A realistic, deterministic dataset for the benchmark: Vietnamese procedure names, drafts of every type.
import { DOSSIER_FORMAT, DOSSIER_VERSION, type Dossier, type Draft, type Regulation } from '../shared/domain/dossier';
import { CHANGES, DOC_TYPES, LEVELS, type Change } from '../shared/domain/vocabulary';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../shared/domain/assessmentTemplate';
import type { Assessment } from '../shared/domain/dossier';
import { answerEverything, WORKED_WORKSHEET } from '../test/unit/assessmentAnswers';

const ACTIONS = ['Cấp', 'Cấp lại', 'Đăng ký', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Đổi', 'Xác nhận', 'Công nhận', 'Phê duyệt'];
const OBJECTS = [
  'giấy phép kinh doanh vận tải bằng xe ô tô',
  'giấy chứng nhận đăng ký đầu tư',
  'giấy phép lao động cho người nước ngoài',
  'giấy phép xây dựng nhà ở riêng lẻ',
  'giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  'giấy phép môi trường',
  'giấy phép bán lẻ rượu',
  'hộ chiếu phổ thông',
  'phiếu lý lịch tư pháp',
  'khai sinh',
  'kết hôn',
  'thường trú',
  'hộ kinh doanh',
  'thành lập công ty trách nhiệm hữu hạn',
  'biến động quyền sử dụng đất',
  'chứng chỉ hành nghề dược',
  'giấy phép lái xe',
  'giấy chứng nhận đủ điều kiện kinh doanh xăng dầu',
];
const QUALIFIERS = ['', ' đối với doanh nghiệp', ' cho cá nhân', ' tại cấp tỉnh', ' trực tuyến', ' có yếu tố nước ngoài', ' trong khu công nghiệp'];
const FIELDS = ['Hộ tịch', 'Đường bộ', 'Đầu tư', 'Lao động', 'Xây dựng', 'Đất đai', 'An toàn thực phẩm', 'Môi trường', 'Công thương', 'Doanh nghiệp', 'Y tế', 'Cư trú'];
const AGENCIES = ['Bộ Tư pháp', 'Bộ Giao thông vận tải', 'Bộ Kế hoạch và Đầu tư', 'Bộ Công Thương', 'Bộ Y tế', 'Bộ Xây dựng', 'UBND tỉnh Lào Cai', 'UBND thành phố Hà Nội'];

/** A v4-shaped UUID from a counter, so that the same dataset has the same ids every run. */
export function counterUuid(counter: number): string {
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** A finished assessment, as a drafting agency sends it: every question answered and the worked cost example. */
const finishedAssessments = new Map<Change, Assessment>();
function finishedAssessment(change: Change): Assessment {
  const known = finishedAssessments.get(change);
  if (known) return known;
  const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
  const cost =
    change === 'new' ? { ...WORKED_WORKSHEET, baseline: undefined } : change === 'abolished' ? { ...WORKED_WORKSHEET, proposed: undefined } : WORKED_WORKSHEET;
  const assessment = { template: DEFAULT_TEMPLATE_ID, completedAt: '2023-11-20', answers: answerEverything(template, change), cost };
  finishedAssessments.set(change, assessment);
  return assessment;
}

/** A small linear congruential generator: reproducible variety without a dependency. */
function randomSource(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return items[state % items.length]!;
  };
}

export function generateDossier(draftCount: number, regulationsPerDraft: number): Dossier {
  const pick = randomSource(42);
  let counter = 0;
  const drafts = Array.from({ length: draftCount }, (_, draftIndex): Draft => {
    const field = pick(FIELDS);
    const regulations = Array.from({ length: regulationsPerDraft }, (__, index): Regulation => {
      const change = pick(CHANGES);
      return {
        id: counterUuid(++counter),
        kind: index % 4 === 0 ? 'qdkd' : 'tthc',
        change,
        nationalCode: `1.${String(counter).padStart(6, '0')}`,
        name: `${pick(ACTIONS)} ${pick(OBJECTS)}${pick(QUALIFIERS)}`,
        article: `Điều ${index + 3}`,
        field,
        level: pick(LEVELS),
        components: { steps: ['Nộp hồ sơ', 'Thẩm định hồ sơ', 'Trả kết quả'], methods: ['in_person', 'online'], timeLimitDays: 5 + (index % 10) },
        // Every fifth regulation arrives with its assessment done, so imports also pay for scoring.
        ...(index % 5 === 0 ? { assessment: finishedAssessment(change) } : {}),
        opinions: [],
      };
    });
    return {
      id: counterUuid(++counter),
      docType: pick(DOC_TYPES),
      title: `Dự thảo số ${draftIndex + 1} quy định về ${field.toLowerCase()}`,
      draftingAgency: pick(AGENCIES),
      submittedToGovernment: draftIndex % 3 === 0,
      status: 'drafting',
      issuedAt: null,
      events: [],
      regulations,
    };
  });
  return {
    format: DOSSIER_FORMAT,
    version: DOSSIER_VERSION,
    exportedAt: '2024-01-01T00:00:00+07:00',
    exportedBy: { agency: 'Bộ Tư pháp', role: 'drafter' },
    drafts,
  };
}
