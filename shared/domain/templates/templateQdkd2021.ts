// The questionnaire for business regulations (QĐKD) before Nghị quyết 66/NQ-CP. A business regulation is an investment
// and business condition under the Investment Law (Luật Đầu tư số 61/2020/QH14, Điều 7: only for the conditional lines
// of its Phụ lục IV, only where necessary for the reasons it lists, open and least costly to comply with), and
// Nghị quyết 68/NQ-CP (12/5/2020) asked ministries to cut those not needed and their compliance cost. So a legal
// officer asks of a QĐKD what the 2025 form asks — is each condition necessary, could post-inspection (hậu kiểm)
// replace it, is it proportionate, what does it cost, is the line a conditional one — and not the 2010 form's TTHC
// questions (its dossier, its time limit, its steps), which a condition such as «Có kho hàng …» does not have. NQ 66
// changed the targets, not the questions: the sections are the 2025 form's.
import type { AssessmentTemplateInput } from '../assessmentTemplate';
import { templateQdkd2025 } from './templateQdkd2025';

export const templateQdkd2021 = {
  id: '2021-qdkd',
  version: '2021',
  // The Investment Law 2020 (and its Phụ lục IV) took effect on 1 January 2021; the 2025 form replaces this one.
  validFrom: '2021-01-01',
  validTo: '2025-03-25',
  kinds: ['qdkd'],
  title: 'Biểu mẫu đánh giá tác động quy định kinh doanh (Luật Đầu tư số 61/2020/QH14, Nghị quyết 68/NQ-CP ngày 12/5/2020)',
  legalBasis: 'Luật Đầu tư số 61/2020/QH14, Điều 7 và Phụ lục IV; Nghị quyết số 68/NQ-CP ngày 12/5/2020 của Chính phủ',
  sections: templateQdkd2025.sections,
} satisfies AssessmentTemplateInput;
