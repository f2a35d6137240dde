// The questionnaire for business regulations (QĐKD) under Nghị quyết 66/NQ-CP (26/03/2025): each business condition
// is judged on its own — is it necessary, could post-inspection (hậu kiểm) replace pre-licensing, is it proportionate
// to the risk, what does it cost businesses — and the sector is checked against the Investment Law's list of
// conditional business lines. The conditions kept and cut feed the period's business-condition figures.
import type { AssessmentTemplateInput } from '../assessmentTemplate';

export const templateQdkd2025 = {
  id: '2025-qdkd',
  version: '2025',
  validFrom: '2025-03-26',
  kinds: ['qdkd'],
  title: 'Biểu mẫu đánh giá tác động quy định kinh doanh (Nghị quyết 66/NQ-CP ngày 26/03/2025)',
  legalBasis: 'Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ; Luật Đầu tư số 61/2020/QH14, Phụ lục IV',
  sections: [
    {
      id: 'necessity',
      title: 'I. Sự cần thiết của quy định kinh doanh',
      questions: [
        { id: 'objective', text: 'Quy định kinh doanh nhằm đạt mục tiêu quản lý nhà nước gì?', answerType: 'text' },
        { id: 'objective_needed', text: 'Mục tiêu đó có thực sự cần thiết không?', answerType: 'yes_no', weight: 3, supportsKeepingWhen: true },
        {
          id: 'sector_conditional',
          text: 'Ngành, nghề có thuộc Danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư) không?',
          help: 'Chỉ được quy định điều kiện kinh doanh đối với ngành, nghề trong Danh mục.',
          answerType: 'yes_no',
          weight: 3,
          supportsKeepingWhen: true,
        },
        {
          id: 'conclusion',
          text: 'Kết luận: việc quy định điều kiện kinh doanh có cần thiết không?',
          help: 'Nếu kết luận là “Không”, các mục sau được bỏ qua và đề nghị không quy định.',
          answerType: 'yes_no',
          conclusion: true,
        },
      ],
      skipRule: { when: { question: 'necessity.conclusion', equals: false }, skipSections: ['conditions', 'legality'], outcome: 'do_not_regulate' },
    },
    {
      id: 'conditions',
      title: 'II. Đánh giá từng điều kiện kinh doanh',
      questions: [
        {
          id: 'items',
          text: 'Các điều kiện kinh doanh',
          help: 'Mỗi điều kiện một dòng. Số điều kiện được giữ lại và bị cắt giảm được tính vào báo cáo định kỳ.',
          answerType: 'group',
          itemLabel: 'Điều kiện',
          countsBusinessConditions: { keptWhen: { field: 'keep', equals: true } },
          rowsFrom: { component: 'conditions', field: 'condition' },
          fields: [
            { id: 'condition', text: 'Nội dung điều kiện', answerType: 'text' },
            { id: 'necessary', text: 'Có cần thiết không?', answerType: 'yes_no', weight: 2, supportsKeepingWhen: true },
            { id: 'post_inspection', text: 'Có thể chuyển sang hậu kiểm không?', answerType: 'yes_no', weight: 2, supportsKeepingWhen: false },
            { id: 'proportionate', text: 'Có tương xứng với mức độ rủi ro không?', answerType: 'yes_no', weight: 1, supportsKeepingWhen: true },
            { id: 'cost', text: 'Chi phí tuân thủ của doanh nghiệp (đồng/năm)', answerType: 'number', optional: true },
            { id: 'keep', text: 'Đề xuất giữ lại?', answerType: 'yes_no' },
          ],
        },
        { id: 'conclusion', text: 'Kết luận: các điều kiện kinh doanh được giữ lại có hợp lý không?', answerType: 'yes_no', conclusion: true },
      ],
    },
    {
      id: 'legality',
      title: 'III. Tính hợp pháp của quy định kinh doanh',
      questions: [
        {
          id: 'within_authority',
          text: 'Quy định kinh doanh có được ban hành đúng thẩm quyền không?',
          answerType: 'extent',
          weight: 2,
          supportsKeepingWhen: 'fully',
        },
        {
          id: 'conflicts_higher',
          text: 'Quy định có trái với văn bản quy phạm pháp luật cấp trên không?',
          answerType: 'yes_no',
          weight: 2,
          supportsKeepingWhen: false,
        },
        {
          id: 'conflicting_article',
          text: 'Nêu điều, khoản của văn bản cấp trên mà quy định trái với.',
          answerType: 'text',
          askWhen: { question: 'legality.conflicts_higher', equals: true },
        },
        { id: 'conclusion', text: 'Kết luận: quy định kinh doanh có hợp pháp không?', answerType: 'yes_no', conclusion: true },
      ],
    },
  ],
} satisfies AssessmentTemplateInput;
