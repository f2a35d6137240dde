// The impact-assessment form under Nghị định 63/2010/NĐ-CP, Điều 10 (DOMAIN.md, "The impact-assessment questionnaire").
// Weights are our product's rubric for the necessity score: the questions on whether the procedure should exist at all
// (section I) weigh most, legality next, each point of reasonableness least. Conclusions carry no weight: they sum up
// the answers already counted, and section I's conclusion instead gates everything (its skip rule).
import type { AssessmentTemplateInput } from '../assessmentTemplate';

export const template2010 = {
  id: '2010',
  version: '2010',
  // Nghị định 63/2010/NĐ-CP took effect on 14/10/2010 and is still cited (as amended) for the form: no end date.
  validFrom: '2010-10-14',
  kinds: ['tthc', 'qdkd'],
  title: 'Biểu mẫu đánh giá tác động thủ tục hành chính (Nghị định 63/2010/NĐ-CP)',
  legalBasis: 'Nghị định 63/2010/NĐ-CP, Điều 10; sửa đổi bởi Nghị định 48/2013/NĐ-CP và 92/2017/NĐ-CP',
  sections: [
    {
      id: 'necessity',
      title: 'I. Sự cần thiết của thủ tục hành chính',
      questions: [
        { id: 'objective', text: 'Thủ tục hành chính được quy định nhằm đạt mục tiêu gì?', answerType: 'text' },
        { id: 'objective_needed', text: 'Mục tiêu đó có thực sự cần thiết không?', answerType: 'yes_no', weight: 3, supportsKeepingWhen: true },
        {
          id: 'achieves_objective',
          text: 'Thủ tục hành chính này có bảo đảm đạt được mục tiêu đề ra không?',
          answerType: 'yes_no',
          weight: 3,
          supportsKeepingWhen: true,
        },
        {
          id: 'alternative_exists',
          text: 'Có biện pháp khác thay thế được thủ tục hành chính này mà vẫn đạt được mục tiêu không?',
          answerType: 'yes_no',
          weight: 2,
          supportsKeepingWhen: false,
        },
        {
          id: 'alternative_measure',
          text: 'Nêu biện pháp thay thế và lý do không lựa chọn biện pháp đó.',
          answerType: 'text',
          askWhen: { question: 'necessity.alternative_exists', equals: true },
        },
        {
          id: 'conclusion',
          text: 'Kết luận: việc quy định thủ tục hành chính có cần thiết không?',
          help: 'Nếu kết luận là “Không”, các mục II–V được bỏ qua và đề nghị không quy định thủ tục hành chính này.',
          answerType: 'yes_no',
          conclusion: true,
        },
      ],
      skipRule: {
        when: { question: 'necessity.conclusion', equals: false },
        skipSections: ['reasonableness', 'legality', 'cost', 'amendment'],
        outcome: 'do_not_regulate',
      },
    },
    {
      id: 'reasonableness',
      title: 'II. Tính hợp lý của thủ tục hành chính',
      questions: [
        {
          id: 'consistent',
          text: 'Thủ tục hành chính có thống nhất, đồng bộ với các thủ tục hành chính khác có liên quan không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: true,
        },
        {
          id: 'conflicting_regulation',
          text: 'Nêu thủ tục hành chính không thống nhất, đồng bộ.',
          answerType: 'regulation_ref',
          askWhen: { question: 'reasonableness.consistent', equals: false },
        },
        {
          id: 'conflict_fix',
          text: 'Nêu phương án xử lý sự không thống nhất, đồng bộ đó.',
          answerType: 'text',
          askWhen: { question: 'reasonableness.consistent', equals: false },
        },
        {
          id: 'agency_clear',
          text: 'Cơ quan thực hiện thủ tục hành chính có được quy định rõ ràng, cụ thể không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: true,
        },
        {
          id: 'sequence_method_clear',
          text: 'Trình tự và cách thức thực hiện có được quy định rõ ràng, cụ thể không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: true,
        },
        {
          id: 'dossier_reasonable',
          text: 'Thành phần hồ sơ và số lượng bộ hồ sơ có hợp lý không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: true,
        },
        {
          id: 'time_limit_stated',
          text: 'Thời hạn giải quyết có được quy định rõ ràng, cụ thể không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: true,
        },
        {
          id: 'time_limit_can_shorten',
          text: 'Có thể rút ngắn thời hạn giải quyết không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: false,
          askWhen: { question: 'reasonableness.time_limit_stated', equals: true },
        },
        {
          id: 'time_limit_proposal',
          text: 'Thời hạn giải quyết đề xuất (ngày làm việc).',
          answerType: 'number',
          askWhen: { question: 'reasonableness.time_limit_can_shorten', equals: true },
        },
        {
          id: 'validity_period',
          text: 'Thời hạn có hiệu lực của kết quả thực hiện thủ tục hành chính là bao lâu?',
          help: 'Ghi “Không thời hạn” nếu kết quả có giá trị lâu dài.',
          answerType: 'text',
        },
        { id: 'validity_reasonable', text: 'Thời hạn có hiệu lực đó có hợp lý không?', answerType: 'yes_no', weight: 1, supportsKeepingWhen: true },
        { id: 'linked', text: 'Thủ tục hành chính có liên quan đến thủ tục hành chính khác không?', answerType: 'yes_no' },
        {
          id: 'linked_regulations',
          text: 'Nêu thủ tục hành chính có liên quan.',
          answerType: 'regulation_ref',
          askWhen: { question: 'reasonableness.linked', equals: true },
        },
        {
          id: 'joined_up_fits',
          text: 'Có thể thực hiện liên thông với thủ tục hành chính đó không?',
          answerType: 'yes_no',
          askWhen: { question: 'reasonableness.linked', equals: true },
        },
        { id: 'conclusion', text: 'Kết luận: thủ tục hành chính có hợp lý không?', answerType: 'yes_no', conclusion: true },
      ],
    },
    {
      id: 'legality',
      title: 'III. Tính hợp pháp của thủ tục hành chính',
      questions: [
        {
          id: 'within_authority',
          text: 'Thủ tục hành chính có được quy định đúng thẩm quyền không?',
          help: 'Chọn: đúng thẩm quyền hoàn toàn, đúng một phần, hoặc không đúng thẩm quyền.',
          answerType: 'extent',
          weight: 2,
          supportsKeepingWhen: 'fully',
        },
        {
          id: 'conflicts_higher',
          text: 'Thủ tục hành chính có trái với văn bản quy phạm pháp luật cấp trên không?',
          answerType: 'yes_no',
          weight: 2,
          supportsKeepingWhen: false,
        },
        {
          id: 'conflicting_article',
          text: 'Nêu điều, khoản của văn bản cấp trên mà thủ tục hành chính trái với.',
          answerType: 'text',
          askWhen: { question: 'legality.conflicts_higher', equals: true },
        },
        { id: 'conclusion', text: 'Kết luận: thủ tục hành chính có hợp pháp không?', answerType: 'yes_no', conclusion: true },
      ],
    },
    {
      id: 'cost',
      title: 'IV. Chi phí tuân thủ thủ tục hành chính',
      help: 'Chi phí thời gian, phí, lệ phí và chi phí khác được tính chi tiết trong bảng tính chi phí tuân thủ.',
      questions: [
        { id: 'has_fees', text: 'Thủ tục hành chính có quy định phí, lệ phí không?', answerType: 'yes_no' },
        {
          id: 'fees_reasonable',
          text: 'Mức phí, lệ phí có hợp lý không?',
          answerType: 'yes_no',
          weight: 1,
          supportsKeepingWhen: true,
          askWhen: { question: 'cost.has_fees', equals: true },
        },
        {
          id: 'proposed_fee_amount',
          text: 'Mức phí, lệ phí đề xuất (đồng).',
          answerType: 'number',
          askWhen: { question: 'cost.has_fees', equals: true },
        },
      ],
    },
    {
      id: 'amendment',
      title: 'V. Giải trình sửa đổi, bổ sung theo từng bộ phận',
      help: 'Với mỗi bộ phận: chọn “Không thay đổi”, hoặc nêu nội dung sửa đổi và vì sao phương án mới đơn giản hơn.',
      appliesTo: ['amended', 'replaced'],
      questions: [
        { id: 'name', text: 'Tên thủ tục hành chính', answerType: 'component_change' },
        { id: 'steps', text: 'Trình tự thực hiện', answerType: 'component_change' },
        { id: 'methods', text: 'Cách thức thực hiện', answerType: 'component_change' },
        { id: 'dossier', text: 'Thành phần, số lượng hồ sơ', answerType: 'component_change' },
        { id: 'timeLimitDays', text: 'Thời hạn giải quyết', answerType: 'component_change' },
        { id: 'subjects', text: 'Đối tượng thực hiện', answerType: 'component_change' },
        { id: 'agency', text: 'Cơ quan thực hiện', answerType: 'component_change' },
        { id: 'result', text: 'Kết quả thực hiện', answerType: 'component_change' },
        { id: 'forms', text: 'Mẫu đơn, tờ khai', answerType: 'component_change' },
        { id: 'conditions', text: 'Yêu cầu, điều kiện', answerType: 'component_change' },
        { id: 'fees', text: 'Phí, lệ phí', answerType: 'component_change' },
      ],
    },
  ],
} satisfies AssessmentTemplateInput;
