// Any table as an XLSX workbook, one sheet per table: a title, Vietnamese headers, numbers stored as numbers with a
// Vietnamese display format, text kept as text, columns wide enough to read. The dashboard's "export data", the
// period report and any list screen write through here.
import ExcelJS from 'exceljs';
import type { CellFormat, DataTable, TableCell } from '../../shared/contract/reportsApi';
import { formatDecimal, formatInteger, formatMoney, formatPercent } from '../../shared/i18n/format';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FONT = 'Times New Roman';
export const FONT_SIZE = 12;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
export const HEADER_FILL = 'FFDCE4F2';
const THIN = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// [$-42A] tags the format as Vietnamese: LibreOffice then shows 1.059 and 62,5% on any machine; Excel keeps the
// separators of the user's Windows settings, which on a Vietnamese machine are the same.
const VIETNAMESE = '[$-42A]';
const decimals = (digits: number): string => (digits > 0 ? `.${'0'.repeat(digits)}` : '');

/** The Excel number format of a cell; undefined for text. */
export function excelNumberFormat(format: CellFormat, digits?: number): string | undefined {
  switch (format) {
    case 'text':
      return undefined;
    case 'integer':
      return `${VIETNAMESE}#,##0`;
    case 'decimal':
      return `${VIETNAMESE}#,##0${decimals(digits ?? 2)}`;
    case 'percent':
      return `${VIETNAMESE}0${decimals(digits ?? 1)}%`;
    case 'money':
      return `${VIETNAMESE}#,##0${decimals(digits ?? 0)} "đ"`;
  }
}

/** The text a cell shows, to size its column. */
function shownText(value: number, format: CellFormat, digits?: number): string {
  switch (format) {
    case 'integer':
      return formatInteger(value);
    case 'percent':
      return formatPercent(value, 'vi', digits ?? 1);
    case 'money':
      return formatMoney(value);
    default:
      return formatDecimal(value, digits ?? 2);
  }
}

type Column = DataTable['columns'][number];

/** The value, format and shown text of a cell under its column. */
function resolveCell(cell: TableCell, column: Column): { value: string | number | null; numFmt?: string; text: string } {
  if (cell === null) return { value: null, text: '' };
  if (typeof cell === 'string') return { value: cell, text: cell };
  const { value, format, digits } = typeof cell === 'number' ? { value: cell, format: column.format, digits: column.digits } : cell;
  // A number in a text column is still a number: the column's format only says how numbers look.
  const shownFormat: CellFormat = format === 'text' ? 'decimal' : format;
  return { value, numFmt: excelNumberFormat(shownFormat, digits), text: shownText(value, shownFormat, digits) };
}

const longestLine = (text: string): number => text.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0);

function columnWidth(column: Column, rows: readonly TableCell[][], index: number): number {
  if (column.width !== undefined) return column.width;
  // Headers wrap, so a long header need not widen its column beyond its longest word.
  const headerWords = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  const widestCell = rows.reduce((widest, row) => Math.max(widest, longestLine(resolveCell(row[index] ?? null, column).text)), 0);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, headerWords + 2, widestCell + 2));
}

export type TableSheet = { worksheet: ExcelJS.Worksheet; headerRow: number; firstDataRow: number };

/** Adds one table as a sheet; returns where its rows start so that a caller can style some of them. */
export function addTableSheet(workbook: ExcelJS.Workbook, table: DataTable): TableSheet {
  const worksheet = workbook.addWorksheet(table.sheetName);
  const width = table.columns.length;
  worksheet.columns = table.columns.map((column, index) => ({ width: columnWidth(column, table.rows, index) }));
  const banner = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = worksheet.addRow([text]);
    row.font = { name: FONT, size: FONT_SIZE, ...font };
    if (width > 1) worksheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
  };
  banner(table.title, { bold: true, size: FONT_SIZE + 2 });
  if (table.subtitle) banner(table.subtitle, { italic: true });
  worksheet.addRow([]);

  const header = worksheet.addRow(table.columns.map((column) => column.header));
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: FONT_SIZE, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BORDER;
  });
  const firstDataRow = header.number + 1;
  for (const cells of table.rows) {
    const row = worksheet.addRow([]);
    table.columns.forEach((column, index) => {
      const resolved = resolveCell(cells[index] ?? null, column);
      const cell = row.getCell(index + 1);
      cell.value = resolved.value;
      if (resolved.numFmt) cell.numFmt = resolved.numFmt;
      cell.font = { name: FONT, size: FONT_SIZE };
      cell.border = BORDER;
      cell.alignment = typeof resolved.value === 'number' ? { vertical: 'top', horizontal: 'right' } : { vertical: 'top', wrapText: true };
    });
  }
  worksheet.views = [{ state: 'frozen', ySplit: header.number }];
  if (table.notes && table.notes.length > 0) {
    worksheet.addRow([]);
    for (const note of table.notes) banner(note, { italic: true });
  }
  return { worksheet, headerRow: header.number, firstDataRow };
}

export function createWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bàn thẩm định TTHC';
  workbook.created = new Date();
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet per table. */
export async function renderTablesXlsx(tables: readonly DataTable[]): Promise<Buffer> {
  const workbook = createWorkbook();
  for (const table of tables) addTableSheet(workbook, table);
  return workbookBuffer(workbook);
}
