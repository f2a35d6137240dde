// The period report as an XLSX workbook: the figures of the period beside the year to date (numbers as numbers),
// and VPCP's paragraphs on a second sheet.
import type { CellFormat, DataTable } from '../../shared/contract/reportsApi';
import { NOT_MEASURED, type FigureKind, type PeriodReportDocument } from '../../shared/domain/periodReportTable';
import { dayDigits } from '../../shared/i18n/format';
import { reportsMessages } from '../../shared/i18n/reportsMessages';
import { renderTablesXlsx, type RowEmphasis } from './tableXlsx';

const CELL_FORMAT: Record<FigureKind, CellFormat> = { count: 'integer', share: 'percent', money: 'money', days: 'decimal' };
const FIGURES_SHEET = 'Số liệu';
const TEXT_SHEET = 'Nội dung';
const LABEL_WIDTH = 48;
const FIGURE_WIDTH = 21;
const PARAGRAPH_WIDTH = 90;

export function periodReportTables(document: PeriodReportDocument): DataTable[] {
  const { headers } = document;
  const figures: DataTable = {
    sheetName: FIGURES_SHEET,
    title: document.title,
    subtitle: document.period,
    columns: [
      { header: headers.indicator, format: 'text', width: LABEL_WIDTH },
      { header: headers.inPeriod, format: 'integer', width: FIGURE_WIDTH },
      { header: headers.yearToDate, format: 'integer', width: FIGURE_WIDTH },
    ],
    rows: document.rows.map((row) => {
      if (row.kind === 'heading') return [row.label, null, null];
      const format = CELL_FORMAT[row.kind];
      // A share of nothing reads «—» as in the DOCX, not an empty or 0% cell; days to a tenth where not whole, as the
      // other surfaces print them (format.ts dayDigits).
      const figure = (value: number | null) =>
        value === null ? NOT_MEASURED : { value, format, digits: row.kind === 'days' ? dayDigits(value) : row.digits };
      return [row.indent > 0 ? `– ${row.label}` : row.label, figure(row.period), figure(row.yearToDate)];
    }),
  };
  const text: DataTable = {
    sheetName: TEXT_SHEET,
    title: document.title,
    subtitle: document.period,
    columns: [{ header: reportsMessages.vi.reports.paragraphs, format: 'text', width: PARAGRAPH_WIDTH }],
    rows: document.paragraphs.map((paragraph) => [paragraph]),
  };
  return [figures, text];
}

export async function renderPeriodReportXlsx(document: PeriodReportDocument): Promise<Buffer> {
  const [figures, text] = periodReportTables(document) as [DataTable, DataTable];
  // Section headings read as headings (bold on a light band); breakdowns by document type are indented.
  const emphasis = (index: number): RowEmphasis | undefined => {
    const row = document.rows[index];
    if (!row) return undefined;
    if (row.kind === 'heading') return 'heading';
    return row.indent > 0 ? 'breakdown' : undefined;
  };
  return renderTablesXlsx([{ ...figures, emphasis }, text]);
}
