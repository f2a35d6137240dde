import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportsMessages } from '../i18n/reportsMessages';
import { issuedAgencyTable, issuedByAgency } from './issuedByAgency';
import type { IssuedFact } from './periodFacts';
import { issuedSection } from './statistics';
import { CHANGES, REGULATION_KINDS } from './vocabulary';

const AGENCIES = ['Bộ Tư pháp', 'Bộ Công an', 'Bộ Giao thông vận tải', 'Ủy ban nhân dân tỉnh Bến Tre', 'Sở Y tế tỉnh Bến Tre', 'Sở Tư pháp tỉnh Lào Cai'] as const;
const LABELS = reportsMessages.vi.reports.issuedTable;

const fact = fc.record({
  date: fc.constant('2023-11-15'),
  draftId: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'),
  agency: fc.constantFrom(...AGENCIES),
  kind: fc.constantFrom(...REGULATION_KINDS),
  change: fc.constantFrom(...CHANGES),
  regulations: fc.integer({ min: 1, max: 40 }),
}) satisfies fc.Arbitrary<IssuedFact>;

describe('issued TTHC and QĐKD by ministry and province (reference 002, I.2.c)', () => {
  it('adds up, ministries and provinces together, to the period’s issued counts of each kind', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), (facts) => {
        const { ministries, provinces } = issuedByAgency(facts);
        const totals = issuedSection(facts);
        for (const kind of REGULATION_KINDS) {
          for (const change of ['new', 'amended', 'abolished'] as const) {
            expect([...ministries, ...provinces].reduce((sum, row) => sum + row.byKind[kind][change], 0)).toBe(totals.byKind[kind][change]);
          }
        }
      }),
    );
  });

  it('counts a province’s departments for the province, and each document once', () => {
    const facts: IssuedFact[] = [
      { date: '2023-11-02', draftId: 'nd', agency: 'Bộ Tư pháp', kind: 'tthc', change: 'new', regulations: 2 },
      { date: '2023-11-02', draftId: 'nd', agency: 'Bộ Tư pháp', kind: 'tthc', change: 'replaced', regulations: 1 },
      { date: '2023-11-03', draftId: 'nq', agency: 'Ủy ban nhân dân tỉnh Bến Tre', kind: 'tthc', change: 'abolished', regulations: 1 },
      { date: '2023-11-04', draftId: 'qd', agency: 'Sở Y tế tỉnh Bến Tre', kind: 'qdkd', change: 'amended', regulations: 3 },
    ];
    const { ministries, provinces } = issuedByAgency(facts);
    expect(ministries).toEqual([{ agency: 'Bộ Tư pháp', documents: 1, byKind: { tthc: { new: 2, amended: 1, abolished: 0 }, qdkd: { new: 0, amended: 0, abolished: 0 } } }]);
    expect(provinces).toEqual([{ agency: 'Bến Tre', documents: 2, byKind: { tthc: { new: 0, amended: 0, abolished: 1 }, qdkd: { new: 0, amended: 3, abolished: 0 } } }]);
    const table = issuedAgencyTable({ ministries, provinces }, LABELS);
    expect(table?.header).toEqual(['STT', 'Bộ, cơ quan, địa phương', 'Số văn bản', 'TTHC ban hành mới', 'TTHC sửa đổi, bổ sung', 'TTHC bãi bỏ', 'QĐKD ban hành mới', 'QĐKD sửa đổi, bổ sung', 'QĐKD bãi bỏ']);
    expect(table?.kinds).toEqual([
      { kind: 'TTHC', changes: ['Ban hành mới', 'Sửa đổi, bổ sung', 'Bãi bỏ'] },
      { kind: 'QĐKD', changes: ['Ban hành mới', 'Sửa đổi, bổ sung', 'Bãi bỏ'] },
    ]);
    expect(table?.rows.map((row) => row.cells)).toEqual([
      ['I', 'Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ (1)', '1', '2', '1', '0', '0', '0', '0'],
      ['1', 'Bộ Tư pháp', '1', '2', '1', '0', '0', '0', '0'],
      ['II', 'Địa phương (1)', '2', '0', '0', '1', '0', '3', '0'],
      ['1', 'Bến Tre', '2', '0', '0', '1', '0', '3', '0'],
      ['', 'Tổng cộng', '3', '2', '1', '1', '0', '3', '0'],
    ]);
  });

  it('leaves the QĐKD columns out when none was issued, and has no table when nothing was', () => {
    const table = issuedAgencyTable(issuedByAgency([{ date: '2023-11-02', draftId: 'nd', agency: 'Bộ Công an', kind: 'tthc', change: 'new', regulations: 1 }]), LABELS);
    expect(table?.header).toHaveLength(6);
    expect(issuedAgencyTable(issuedByAgency([]), LABELS)).toBeNull();
  });
});
