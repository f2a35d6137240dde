// Nghị quyết 68/NQ-CP ngày 12/05/2020: the program of cutting and simplifying business regulations for 2020–2025.
import type { ReformProgramInput } from '../reformPrograms';

export const programNq68 = {
  id: 'nq68-2020',
  version: '2020',
  validFrom: '2020-05-12',
  validTo: '2025-12-31',
  name: 'Nghị quyết 68/NQ-CP',
  title: 'Chương trình cắt giảm, đơn giản hóa quy định liên quan đến hoạt động kinh doanh giai đoạn 2020 – 2025',
  legalBasis: 'Nghị quyết số 68/NQ-CP ngày 12/5/2020 của Chính phủ',
  // "Quy định liên quan đến hoạt động kinh doanh": the business regulations and the procedures businesses go through.
  appliesTo: [{ kind: 'qdkd' }, { kind: 'tthc', businessRelatedOnly: true }],
  scopeLabel: 'QĐKD và TTHC liên quan đến hoạt động kinh doanh',
  targets: [
    { measure: 'compliance_cost', reduction: 0.2 },
    { measure: 'procedures', reduction: 0.2 },
  ],
} satisfies ReformProgramInput;
