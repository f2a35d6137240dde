import { describe, expect, it } from 'vitest';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { formatFigure, periodReportTable, periodTitle, type FigureRow } from './periodReportTable';
import { computePeriodStatistics, yearToDate, type Period } from './statistics';

const NOVEMBER: Period = { from: '2023-11-01', to: '2023-11-30' };

describe('periodReportTable', () => {
  const { drafts } = buildDossierForFigures(REFERENCE_002_FIGURES);
  const rows = periodReportTable(computePeriodStatistics(drafts, NOVEMBER), computePeriodStatistics(drafts, yearToDate(NOVEMBER)));
  const shown = rows.map((row) => (row.kind === 'heading' ? `# ${row.label}` : `${row.indent ? '  ' : ''}${row.label}: ${formatFigure(row, row.period)} | ${formatFigure(row, row.yearToDate)}`));

  it('puts the month beside the year to date, with a document type shown when either column has one', () => {
    expect(shown.slice(0, 10)).toEqual([
      '# Đánh giá tác động',
      'Số TTHC: 130 | 1.059',
      'Số QĐKD: 0 | 0',
      'Số dự thảo VBQPPL: 18 | 171',
      '  Luật: 1 | 9',
      '  Nghị định: 6 | 56',
      '  Quyết định của Thủ tướng Chính phủ: 0 | 10',
      '  Thông tư: 5 | 60',
      '  Nghị quyết của HĐND cấp tỉnh: 6 | 36',
      '# Thẩm định',
    ]);
  });

  it.each([
    'Đề nghị không quy định (TTHC): 0 | 82',
    'Đề nghị sửa đổi, bổ sung (TTHC): 20 | 559',
    'Đề nghị không quy định (QĐKD): 0 | 0',
    'Tỷ lệ đề nghị không quy định, sửa đổi, bổ sung (TTHC, QĐKD): 100% | 62,5%',
    'TTHC sửa đổi, bổ sung (kể cả thay thế): 50 | 50',
    'QĐKD bãi bỏ: 0 | 0',
    'Mục tiêu cắt giảm (Nghị quyết 68/NQ-CP): 20% | 20%',
  ])('shows “%s”', (line) => {
    expect(shown).toContain(line);
  });

  it('gives TTHC and QĐKD rows of their own, each opening only its kind (issue 22: a QĐKD is not a TTHC)', () => {
    const world = buildDossierForFigures([{ period: NOVEMBER, assessment: { regulations: 5, draftsByType: { nghi_dinh: 1 } } }]);
    const [draft] = world.drafts;
    const mixed = [{ ...draft!, regulations: draft!.regulations.map((regulation, index) => (index < 2 ? { ...regulation, kind: 'qdkd' as const } : regulation)) }];
    const table = periodReportTable(computePeriodStatistics(mixed, NOVEMBER), computePeriodStatistics(mixed, yearToDate(NOVEMBER)));
    const row = (label: string) => table.find((entry): entry is FigureRow => entry.kind !== 'heading' && entry.label === label);
    expect([row('Số TTHC')?.period, row('Số QĐKD')?.period]).toEqual([3, 2]);
    expect(row('Số QĐKD')?.counts).toEqual({ section: 'assessment', verdicts: [], kinds: ['qdkd'] });
  });

  // Issue 19 (hand edits): the annex printed «0%» for a cut of nothing measured, where the paragraphs say nothing.
  it('prints «—» for a share of nothing: nothing reviewed, no cost assessed, no time limit measured', () => {
    const world = buildDossierForFigures([{ period: NOVEMBER, assessment: { regulations: 2, draftsByType: { nghi_dinh: 1 } } }]);
    const empty = computePeriodStatistics([], NOVEMBER);
    const table = periodReportTable(empty, computePeriodStatistics(world.drafts, yearToDate(NOVEMBER)));
    const shares = table.filter((entry): entry is FigureRow => entry.kind === 'share' && !entry.label.startsWith('Mục tiêu'));
    expect(shares.length).toBeGreaterThan(1);
    for (const row of shares) expect(formatFigure(row, row.period)).toBe('—');
    expect(table.some((entry) => entry.kind !== 'heading' && formatFigure(entry, entry.period) === '0%')).toBe(false);
  });

  it('labels in English when asked', () => {
    const english = periodReportTable(computePeriodStatistics(drafts, NOVEMBER), computePeriodStatistics(drafts, yearToDate(NOVEMBER)), 'en');
    expect(english[0]).toEqual({ kind: 'heading', label: 'Impact assessment' });
  });
});

describe('formatFigure', () => {
  it.each<[Pick<FigureRow, 'kind' | 'digits'>, number, string]>([
    [{ kind: 'count' }, 1059, '1.059'],
    [{ kind: 'share', digits: 1 }, 641 / 1025, '62,5%'],
    [{ kind: 'share', digits: 2 }, 845454545 / 2490909091, '33,94%'],
    [{ kind: 'money' }, 2490909090.91, '2.490.909.091 đ'],
  ])('%o %d → %s', (row, value, text) => {
    expect(formatFigure(row, value)).toBe(text);
  });
});

describe('periodTitle', () => {
  it.each<[Period, string]>([
    [NOVEMBER, 'Tháng 11/2023'],
    [{ from: '2024-02-01', to: '2024-02-29' }, 'Tháng 2/2024'],
    [{ from: '2023-11-01', to: '2023-11-15' }, 'Từ ngày 01/11/2023 đến ngày 15/11/2023'],
    [{ from: '2023-01-01', to: '2023-11-30' }, 'Từ ngày 01/01/2023 đến ngày 30/11/2023'],
  ])('%o → %s', (period, title) => {
    expect(periodTitle(period)).toBe(title);
  });
});
