// The TTHC form as officers are asked it since the 2025 Law on Promulgation of Legal Documents (Luật số 64/2025/QH15):
// the 2010 form (Nghị định 63/2010/NĐ-CP as amended, Thông tư 02/2017/TT-VPCP) plus a component-by-component part —
// per dossier item its reason, the kind of copy and whether a national database can replace it; online filing; field
// inspection; subjects and their yearly number; agencies; the result's validity and scope; decentralisation and
// handling regardless of administrative boundaries. Template `2010` stays as it was for the records answered on it.
import type { AssessmentTemplateInput } from '../assessmentTemplate';
import { template2010 } from './template2010';

// Sections I and II are the 2010 ones; its III–V follow the new section III, one number down.
const [necessity2010, reasonableness2010, ...rest2010] = template2010.sections as unknown as [
  (typeof template2010.sections)[0],
  (typeof template2010.sections)[1],
  ...(typeof template2010.sections)[number][],
];

const componentsSection = {
  id: 'components',
  title: 'III. Đánh giá từng bộ phận của thủ tục hành chính',
  help: 'Trả lời cho từng thành phần hồ sơ và từng bộ phận theo Điều 8 Nghị định 63/2010/NĐ-CP.',
  questions: [
    {
      id: 'dossier_items',
      text: 'Thành phần hồ sơ',
      help: 'Mỗi thành phần hồ sơ một dòng: lý do yêu cầu, hình thức và khả năng thay thế bằng dữ liệu sẵn có.',
      answerType: 'group',
      itemLabel: 'Thành phần hồ sơ',
      rowsFrom: { component: 'dossier', field: 'item' },
      fields: [
        { id: 'item', text: 'Tên thành phần hồ sơ', answerType: 'text' },
        { id: 'reason', text: 'Lý do quy định', answerType: 'text' },
        {
          id: 'form',
          text: 'Hình thức',
          answerType: 'choice',
          options: [
            { value: 'original', label: 'Bản chính' },
            { value: 'copy', label: 'Bản sao' },
            { value: 'certified_copy', label: 'Bản sao chứng thực' },
          ],
        },
        {
          id: 'replaceable_by',
          text: 'Có thể thay bằng dữ liệu trong cơ sở dữ liệu quốc gia không?',
          help: 'Nếu dữ liệu đã có trong cơ sở dữ liệu quốc gia thì không nên yêu cầu người dân, doanh nghiệp nộp lại.',
          answerType: 'choice',
          options: [
            { value: 'none', label: 'Không thay được' },
            { value: 'population', label: 'Cơ sở dữ liệu quốc gia về dân cư' },
            { value: 'civil_status', label: 'Cơ sở dữ liệu hộ tịch điện tử' },
            { value: 'business_registration', label: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp' },
          ],
          weight: 2,
          supportsKeepingWhen: 'none',
        },
      ],
    },
    {
      id: 'fully_online',
      text: 'Có thể thực hiện dịch vụ công trực tuyến toàn trình không?',
      answerType: 'yes_no',
      weight: 1,
      supportsKeepingWhen: true,
    },
    {
      id: 'online_obstacle',
      text: 'Nêu lý do chưa thể thực hiện trực tuyến toàn trình.',
      answerType: 'text',
      askWhen: { question: 'components.fully_online', equals: false },
    },
    { id: 'field_inspection', text: 'Có yêu cầu kiểm tra, thẩm định thực tế không?', answerType: 'yes_no' },
    {
      id: 'field_inspection_reason',
      text: 'Nêu lý do cần kiểm tra, thẩm định thực tế.',
      answerType: 'text',
      askWhen: { question: 'components.field_inspection', equals: true },
    },
    {
      id: 'subjects',
      text: 'Đối tượng thực hiện và số lượng ước tính mỗi năm',
      answerType: 'group',
      itemLabel: 'Đối tượng',
      rowsFrom: { component: 'subjects', field: 'subject' },
      countsPopulation: { field: 'per_year' },
      fields: [
        { id: 'subject', text: 'Đối tượng', answerType: 'text', optional: true },
        {
          id: 'type',
          text: 'Loại đối tượng',
          answerType: 'choice',
          options: [
            { value: 'individual', label: 'Cá nhân' },
            { value: 'household_business', label: 'Hộ kinh doanh' },
            { value: 'enterprise', label: 'Doanh nghiệp' },
            { value: 'organisation', label: 'Tổ chức khác' },
          ],
        },
        { id: 'per_year', text: 'Số lượng ước tính (lượt/năm)', answerType: 'number' },
      ],
    },
    { id: 'deciding_agency', text: 'Cơ quan có thẩm quyền quyết định', answerType: 'text' },
    { id: 'implementing_agency', text: 'Cơ quan trực tiếp thực hiện', answerType: 'text' },
    {
      id: 'coordinating_agencies',
      text: 'Cơ quan phối hợp',
      help: 'Ghi “Không có” nếu không có cơ quan phối hợp.',
      answerType: 'text',
    },
    {
      id: 'result_validity',
      text: 'Thời hạn có hiệu lực của kết quả',
      help: 'Ghi “Không thời hạn” nếu kết quả có giá trị lâu dài.',
      answerType: 'text',
    },
    {
      id: 'result_scope',
      text: 'Phạm vi có hiệu lực của kết quả',
      answerType: 'choice',
      options: [
        { value: 'nationwide', label: 'Toàn quốc' },
        { value: 'province', label: 'Trong phạm vi tỉnh' },
        { value: 'commune', label: 'Trong phạm vi xã' },
      ],
    },
    {
      id: 'can_decentralise',
      text: 'Có thể phân cấp, ủy quyền cho cấp dưới giải quyết không?',
      answerType: 'yes_no',
    },
    {
      id: 'regardless_of_boundaries',
      text: 'Có thể giải quyết không phụ thuộc vào địa giới hành chính không?',
      answerType: 'yes_no',
      weight: 1,
      supportsKeepingWhen: true,
    },
    { id: 'conclusion', text: 'Kết luận: các bộ phận của thủ tục hành chính có hợp lý không?', answerType: 'yes_no', conclusion: true },
  ],
} satisfies AssessmentTemplateInput['sections'][number];

const RENUMBERED: Record<string, string> = { 'III.': 'IV.', 'IV.': 'V.', 'V.': 'VI.' };

export const template2025 = {
  id: '2025',
  version: '2025',
  // The Law on Promulgation of Legal Documents 2025 took effect on 01/04/2025.
  validFrom: '2025-04-01',
  kinds: ['tthc'],
  title: 'Biểu mẫu đánh giá tác động thủ tục hành chính (Luật số 64/2025/QH15; Nghị định 63/2010/NĐ-CP, bổ sung đánh giá từng bộ phận)',
  legalBasis:
    'Nghị định 63/2010/NĐ-CP, Điều 10 (sửa đổi bởi Nghị định 48/2013/NĐ-CP và 92/2017/NĐ-CP); Thông tư 02/2017/TT-VPCP; Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15',
  sections: [
    {
      ...necessity2010,
      skipRule: {
        when: { question: 'necessity.conclusion', equals: false },
        skipSections: ['reasonableness', 'components', 'legality', 'cost', 'amendment'],
        outcome: 'do_not_regulate',
      },
    },
    reasonableness2010,
    componentsSection,
    // The new section III moves the later ones one number down.
    ...rest2010.map((section) => ({ ...section, title: section.title.replace(/^(III|IV|V)\./, (numeral) => RENUMBERED[numeral]!) })),
  ],
} satisfies AssessmentTemplateInput;
