// The one look of every workbook the app writes, so that each prints as an officer would hand it over: A4, landscape
// when the table is wide, fitted to the page width, the header row repeated on every page and frozen on screen, an
// autofilter on it, wrapped rows as tall as their text, Times New Roman, Vietnamese number formats, page numbers.
// tableXlsx applies it to whole tables; any other writer (a publication list, a tiếp thu–giải trình table) uses
// these functions on its own sheets.
import type ExcelJS from 'exceljs';

export const SHEET_FONT_NAME = 'Times New Roman';
export const SHEET_FONT_SIZE = 12;
export const TITLE_FONT_SIZE = 14;
export const HEADER_FILL = 'FFDCE4F2';
export const SECTION_FILL = 'FFF1F3F5';
const THIN = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's paper size code for A4 (9); without it a sheet prints on the machine's default, Letter in many. */
export const PAPER_A4 = 9;

/**
 * Column widths are in characters of the default font. A4 portrait holds about 90 of them between 15 mm margins at
 * 100%, landscape about 130; a table wider than the portrait page turns landscape, and either is scaled to its width.
 */
const PORTRAIT_WIDTH_CHARS = 90;
const LANDSCAPE_WIDTH_CHARS = 135;
/**
 * Below 60% a 12 pt sheet prints smaller than 7 pt and cannot be read. A table wider than that at one page's width
 * (a regulation list with every component) prints across as few pages as keep it at 60% or more, each page
 * repeating the columns that say which row it is, the pages of one band of rows side by side.
 */
const MIN_LEGIBLE_SCALE = 0.6;

/** Points per line of 12 pt Times New Roman text in Excel and LibreOffice, with the cell's own padding. */
const LINE_HEIGHT_PT = 15.75;
const TITLE_LINE_HEIGHT_PT = 19;
/** A cell holds a little less than its width in characters once its padding is taken off. */
const CELL_PADDING_CHARS = 1;
/** Bold capitals and Vietnamese marks run wider than the average character the widths are counted in. */
const BOLD_WIDENING = 1.12;
/** Excel refuses rows taller than 409 pt. */
const MAX_ROW_HEIGHT_PT = 409;

export const bodyFont = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: SHEET_FONT_NAME, size: SHEET_FONT_SIZE, ...extra });

/** How many lines a text takes in a column of this width once wrapped (explicit line breaks included). */
export function wrappedLineCount(text: string, widthChars: number, widening = 1): number {
  const capacity = Math.max(1, widthChars - CELL_PADDING_CHARS);
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil((line.length * widening) / capacity)), 0);
}

/** The height that shows every line of the tallest cell of a row: texts[i] sits in a column widthsChars[i] wide. */
export function rowHeightFor(texts: readonly string[], widthsChars: readonly number[], options: { bold?: boolean; lineHeightPt?: number } = {}): number {
  const widening = options.bold ? BOLD_WIDENING : 1;
  const lines = texts.reduce((most, text, index) => Math.max(most, text ? wrappedLineCount(text, widthsChars[index] ?? 10, widening) : 1), 1);
  return Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(lines * (options.lineHeightPt ?? LINE_HEIGHT_PT) * 4) / 4);
}

/** A title merged across the table, wrapped and as tall as its lines (a merged cell never grows by itself). */
export function titleRowHeight(text: string, totalWidthChars: number, sizePt = TITLE_FONT_SIZE): number {
  const scale = sizePt / SHEET_FONT_SIZE;
  return Math.ceil(wrappedLineCount(text, totalWidthChars, BOLD_WIDENING * scale) * TITLE_LINE_HEIGHT_PT * (sizePt / TITLE_FONT_SIZE));
}

export type PrintLayout = {
  /** Column widths in characters, as set on the sheet. */
  widthsChars: readonly number[];
  /** Row number of the table's header: repeated on every printed page, frozen on screen, filtered. */
  headerRow: number;
  /** How many first columns (STT, name) say which row a line is; repeated on each page when the table needs several across. */
  keyColumns?: number;
};

/** How many pages across the table prints on: one unless that would scale it below legibility. */
export function pagesAcross(widthsChars: readonly number[]): number {
  const total = widthsChars.reduce((sum, width) => sum + width, 0);
  const pageWidth = isLandscape(widthsChars) ? LANDSCAPE_WIDTH_CHARS : PORTRAIT_WIDTH_CHARS;
  return Math.max(1, Math.ceil(total / (pageWidth / MIN_LEGIBLE_SCALE)));
}

export function isLandscape(widthsChars: readonly number[]): boolean {
  return widthsChars.reduce((sum, width) => sum + width, 0) > PORTRAIT_WIDTH_CHARS;
}

/** Column letters: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/**
 * Page setup, footer and frozen header, as options of `addWorksheet`: exceljs' streaming writer takes them only
 * there, since it writes a sheet's properties and views out with its first row.
 */
export function printLayoutOptions(layout: PrintLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const landscape = isLandscape(layout.widthsChars);
  const across = pagesAcross(layout.widthsChars);
  const keyColumns = layout.keyColumns ?? 0;
  return {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: landscape ? 'landscape' : 'portrait',
      // Every column on the page's width, as many pages down as the rows need (0 = no limit).
      fitToPage: true,
      fitToWidth: across,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${layout.headerRow}:${layout.headerRow}`,
      ...(across > 1 ? { pageOrder: 'overThenDown' as const } : {}),
      ...(across > 1 && keyColumns > 0 ? { printTitlesColumn: `A:${columnName(keyColumns)}` } : {}),
      // Inches, as Excel keeps them: 15 mm at the sides, 20 mm top and bottom, page numbers in the footer's room.
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${SHEET_FONT_NAME}"&11Trang &P/&N` },
    views: [{ state: 'frozen', ySplit: layout.headerRow, xSplit: 0, topLeftCell: `A${layout.headerRow + 1}` }],
  };
}

/** Filter buttons on the header over the rows below it; the streaming writer writes it when the sheet is committed. */
export function addAutoFilter(worksheet: ExcelJS.Worksheet, headerRow: number, lastRow: number, columnCount: number): void {
  worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastRow), column: columnCount } };
}

/** The header row's look: bold, centred, wrapped, shaded, bordered, as tall as its longest title. */
export function styleHeaderRow(row: ExcelJS.Row, headers: readonly string[], widthsChars: readonly number[]): void {
  headers.forEach((_, index) => {
    const cell = row.getCell(index + 1);
    cell.font = bodyFont({ bold: true });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = CELL_BORDER;
  });
  row.height = rowHeightFor(headers, widthsChars, { bold: true });
}
