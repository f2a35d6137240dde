// The laws that ended units and levels in 2025, as a finding about a merged ministry, a merged province or the district
// level cites them (the dates themselves are reference data in administrativeReference.ts).
import type { Citation } from './citation';

export const UNIT_CHANGES: Record<'ministry' | 'province' | 'district', Citation> = {
  ministry: { document: 'Nghị quyết số 176/2025/QH15 về cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV', article: 'Điều 1', validFrom: '2025-03-01', confirmed: false },
  province: { document: 'Nghị quyết số 202/2025/QH15 về việc sắp xếp đơn vị hành chính cấp tỉnh', article: 'Điều 1', validFrom: '2025-07-01', confirmed: false },
  district: { document: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15', article: 'Điều 2 (đơn vị hành chính cấp tỉnh và cấp xã)', validFrom: '2025-07-01', confirmed: false },
};
