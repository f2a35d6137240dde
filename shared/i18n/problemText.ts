// A refused value said the way an officer reads it: "Dự thảo thứ 1, mã định danh: …" instead of "drafts[0].id: …".
// The technical path stays in the problem itself, for the details part of a message and for the CLI.
import type { FieldProblem } from '../contract/errors';
import { vocabularyMessages } from './vocabularyMessages';

const COMPONENTS = vocabularyMessages.vi.component;

/** The items of a list, named so that "thứ 3" can follow. */
const LIST_ITEMS: Record<string, string> = {
  drafts: 'dự thảo',
  regulations: 'TTHC/QĐKD',
  opinions: 'ý kiến',
  events: 'sự kiện',
  findingDecisions: 'quyết định về phát hiện',
  procedures: 'thủ tục',
  steps: 'bước',
  dossier: 'thành phần hồ sơ',
  fees: 'khoản phí, lệ phí',
  subjects: 'đối tượng',
  forms: 'mẫu đơn, tờ khai',
  conditions: 'yêu cầu, điều kiện',
  methods: 'cách thức',
  activities: 'hoạt động',
  recipients: 'nơi nhận',
  answers: 'câu trả lời',
  children: 'đoạn',
};

/** Fields, lower case as they follow a comma. Containers that add nothing for a reader ("fields") are left out. */
const FIELDS: Record<string, string> = {
  id: 'mã định danh',
  draftId: 'mã dự thảo',
  regulationId: 'mã TTHC/QĐKD',
  title: 'tiêu đề',
  docType: 'loại văn bản',
  draftingAgency: 'cơ quan chủ trì soạn thảo',
  submittedToGovernment: 'trình Chính phủ, Thủ tướng Chính phủ',
  status: 'trạng thái',
  issuedAt: 'ngày ban hành',
  kind: 'loại (TTHC/QĐKD)',
  change: 'hình thức (ban hành mới, sửa đổi, bãi bỏ)',
  nationalCode: 'mã TTHC',
  name: 'tên',
  article: 'điều, khoản',
  field: 'lĩnh vực',
  level: 'cấp thực hiện',
  baseline: 'bản hiện hành',
  proposed: 'phương án dự thảo',
  assessment: 'đánh giá tác động',
  cost: 'bảng tính chi phí',
  body: 'nội dung',
  text: 'nội dung',
  note: 'ghi chú',
  reason: 'lý do',
  verdict: 'kết luận',
  stage: 'vòng (thẩm định/thẩm tra)',
  response: 'tiếp thu, giải trình',
  item: 'tên giấy tờ',
  copies: 'số bản',
  amount: 'mức thu',
  hours: 'số giờ',
  population: 'số đối tượng',
  frequencyPerYear: 'số lần mỗi năm',
  upfrontCosts: 'chi phí một lần',
  otherCosts: 'chi phí khác',
  hourlyIncome: 'thu nhập mỗi giờ',
  year: 'năm',
  at: 'thời điểm',
  by: 'người thực hiện',
  actor: 'người thực hiện',
  role: 'vai trò',
  action: 'thao tác',
  format: 'định dạng tệp',
  version: 'phiên bản định dạng',
  exportedAt: 'thời điểm xuất',
  exportedBy: 'nơi xuất',
  settings: 'thiết lập',
  agency: COMPONENTS.agency.toLowerCase(),
  result: COMPONENTS.result.toLowerCase(),
  timeLimitDays: COMPONENTS.timeLimitDays.toLowerCase(),
  number: 'số văn bản',
  subject: 'trích yếu',
  signer: 'người ký',
  date: 'ngày',
  from: 'từ ngày',
  to: 'đến ngày',
};

const SILENT = new Set(['fields', 'input', 'value', 'components']);

/** A path written by people already ("dòng 3, cột B") has spaces or letters outside ASCII: it is kept as it is. */
const isTechnicalPath = (path: string): boolean => /^[A-Za-z0-9_.[\]-]+$/.test(path);

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "drafts[0].regulations[2].components.fees[0].amount" → "Dự thảo thứ 1, TTHC/QĐKD thứ 3, khoản phí, lệ phí thứ 1, mức thu". */
export function problemLocation(path: string): string {
  if (path === '') return '';
  if (!isTechnicalPath(path)) return path;
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    const match = /^([A-Za-z_]\w*)?((?:\[\d+\])*)$/.exec(segment);
    if (!match) continue;
    const [, name = '', indexes = ''] = match;
    const positions = [...indexes.matchAll(/\[(\d+)\]/g)].map((found) => Number(found[1]) + 1);
    const listItem = LIST_ITEMS[name];
    if (positions.length > 0) {
      parts.push(`${listItem ?? FIELDS[name] ?? 'mục'} thứ ${positions.join('.')}`);
    } else if (!SILENT.has(name)) {
      const label = FIELDS[name] ?? listItem;
      if (label) parts.push(label);
    }
  }
  return capitalize(parts.join(', '));
}

/** One problem as a sentence for people; the path itself belongs in the details. */
export function plainProblem(problem: FieldProblem): string {
  const location = problemLocation(problem.path);
  return location ? `${location}: ${problem.message}` : capitalize(problem.message);
}
