// Nghị quyết 66/NQ-CP ngày 26/03/2025: the program of cutting and simplifying administrative procedures related to
// production and business activities in 2025 and 2026.
import type { ReformProgramInput } from '../reformPrograms';

export const programNq66 = {
  id: 'nq66-2025',
  version: '2025',
  validFrom: '2025-03-26',
  validTo: '2026-12-31',
  name: 'Nghị quyết 66/NQ-CP',
  title: 'Chương trình cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh năm 2025 và 2026',
  legalBasis: 'Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ',
  appliesTo: [{ kind: 'tthc', businessRelatedOnly: true }, { kind: 'qdkd' }],
  scopeLabel: 'TTHC liên quan đến sản xuất, kinh doanh và QĐKD',
  targets: [
    { measure: 'compliance_cost', reduction: 0.3 },
    { measure: 'processing_time', reduction: 0.3 },
    { measure: 'business_conditions', reduction: 0.3 },
  ],
} satisfies ReformProgramInput;
