// Any table as an XLSX workbook, one sheet per table: a title, Vietnamese headers, numbers stored as numbers with a
// Vietnamese display format, text kept as text, columns wide enough to read, printed as spreadsheetStyle sets it.
// The dashboard's "export data", the period report and every list write through here, with exceljs' streaming
// writer: each row is written out as it is made, so that memory stays flat however many rows there are.
// Its texts pass withoutXmlForbidden on the way in: a streamed file cannot be cleaned afterwards as the in-memory
// ones are (xmlPackage.ts), and exceljs lets U+FFFE and U+FFFF through.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { CellFormat, DataTable, TableCell } from '../../shared/contract/reportsApi';
import { withoutXmlForbidden } from '../../shared/domain/storableText';
import { formatDecimal, formatInteger, formatMoney, formatPercent } from '../../shared/i18n/format';
import {
  addAutoFilter,
  bodyFont,
  CELL_BORDER,
  printLayoutOptions,
  rowHeightFor,
  SECTION_FILL,
  SHEET_FONT_SIZE,
  styleHeaderRow,
  titleRowHeight,
  TITLE_FONT_SIZE,
} from './spreadsheetStyle';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Width of a column whose rows are not known in advance (a streamed table) and that gives none. */
const STREAMED_WIDTH = 16;

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
  if (typeof cell === 'string') {
    const text = withoutXmlForbidden(cell);
    return { value: text, text };
  }
  const { value, format, digits } = typeof cell === 'number' ? { value: cell, format: column.format, digits: column.digits } : cell;
  // A number in a text column is still a number: the column's format only says how numbers look.
  const shownFormat: CellFormat = format === 'text' ? 'decimal' : format;
  return { value, numFmt: excelNumberFormat(shownFormat, digits), text: shownText(value, shownFormat, digits) };
}

const longestLine = (text: string): number => text.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0);

function columnWidth(column: Column, rows: SheetTable['rows'], index: number): number {
  if (column.width !== undefined) return column.width;
  // Headers wrap, so a long header need not widen its column beyond its longest word.
  const headerWords = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  // Rows that are made as they are written cannot be measured first.
  if (!Array.isArray(rows)) return Math.max(STREAMED_WIDTH, headerWords + 2);
  const widestCell = rows.reduce((widest: number, row: TableCell[]) => Math.max(widest, longestLine(resolveCell(row[index] ?? null, column).text)), 0);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, headerWords + 2, widestCell + 2));
}

/** How a row of a sheet stands out: a section heading (bold on a band) or a breakdown of the row above (indented). */
export type RowEmphasis = 'heading' | 'breakdown';

/**
 * A table to write as a sheet. Its rows may be any iterable, an async generator reading the database page by page
 * included: they are consumed once, in order, each written out before the next is asked for.
 */
export type SheetTable = Omit<DataTable, 'rows'> & {
  rows: Iterable<TableCell[]> | AsyncIterable<TableCell[]>;
  /** The emphasis of the row at this index among the data rows, if any. */
  emphasis?: (index: number) => RowEmphasis | undefined;
  /** First columns that identify a row, repeated on each page when the table prints across several. */
  keyColumns?: number;
};

/** Row numbers of a sheet as written: where the header is, where data starts, and the last row of data. */
export type WrittenSheet = { headerRow: number; firstDataRow: number; lastDataRow: number };

/** Rows written between two looks at how far the compression has got. */
export const ROWS_PER_FLUSH = 200;

/** A stream of either kind of Node stream (archiver hands exceljs a readable-stream 2 PassThrough, without the getter). */
type AnyWritable = Writable & { _writableState?: { needDrain?: boolean } };
const needsDrain = (stream: AnyWritable): boolean => stream.writableNeedDrain ?? stream._writableState?.needDrain === true;

/**
 * exceljs hands a sheet's committed rows to the zip without any backpressure (its StreamBuf ignores what write
 * returns): a loop that never waits holds the whole sheet's XML in the zip's input queue, 110 MB for 100.000 rows,
 * eight times the file. So every few rows the writer waits for that queue (the sheet stream's one pipe) to drain, and
 * for the output to drain. Should a later exceljs hide that pipe, only the output is waited for, and the memory test
 * in tableXlsx.test.ts fails.
 */
async function letCompressionCatchUp(worksheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const zipInput = (worksheet as unknown as { stream?: { pipes?: AnyWritable[] } }).stream?.pipes?.[0];
  if (zipInput && needsDrain(zipInput)) await once(zipInput, 'drain');
  if (out.writableNeedDrain) await once(out, 'drain');
}

/** Adds one table as a sheet, committing every row as soon as it is written and letting the output drain as it goes. */
async function writeTableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: SheetTable, out: Writable): Promise<WrittenSheet> {
  const width = table.columns.length;
  const widths = table.columns.map((column, index) => columnWidth(column, table.rows, index));
  const totalWidth = widths.reduce((sum, value) => sum + value, 0);
  const headerRow = (table.subtitle ? 3 : 2) + 1;
  const worksheet = workbook.addWorksheet(withoutXmlForbidden(table.sheetName), printLayoutOptions({ widthsChars: widths, headerRow, keyColumns: table.keyColumns }));
  const commit = (row: ExcelJS.Row) => row.commit();
  worksheet.columns = widths.map((value) => ({ width: value }));

  const banner = (given: string, font: Partial<ExcelJS.Font>) => {
    const text = withoutXmlForbidden(given);
    const row = worksheet.addRow([text]);
    row.font = bodyFont(font);
    row.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
    row.height = titleRowHeight(text, totalWidth, font.size ?? SHEET_FONT_SIZE);
    if (width > 1) worksheet.mergeCells(row.number, 1, row.number, width);
    commit(row);
  };
  banner(table.title, { bold: true, size: TITLE_FONT_SIZE });
  if (table.subtitle) banner(table.subtitle, { italic: true });
  commit(worksheet.addRow([]));

  const headers = table.columns.map((column) => withoutXmlForbidden(column.header));
  const header = worksheet.addRow(headers);
  styleHeaderRow(header, headers, widths);
  commit(header);

  const firstDataRow = header.number + 1;
  let lastDataRow = header.number;
  let index = 0;
  // One style object per kind of cell, shared by every cell of that kind: exceljs recognises a style it has seen by
  // identity, so that a hundred thousand rows cost a few lookups instead of a style comparison per cell.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (column: number, numFmt: string | undefined, numeric: boolean, emphasis: RowEmphasis | undefined): Partial<ExcelJS.Style> => {
    const key = `${column}|${numFmt ?? ''}|${numeric}|${emphasis ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      style = {
        ...(numFmt ? { numFmt } : {}),
        font: bodyFont(emphasis === 'heading' ? { bold: true } : {}),
        border: CELL_BORDER,
        ...(emphasis === 'heading' ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SECTION_FILL } } } : {}),
        alignment: numeric
          ? { vertical: 'top', horizontal: 'right' }
          : { vertical: 'top', wrapText: true, ...(emphasis === 'breakdown' && column === 0 ? { indent: 2 } : {}) },
      };
      styles.set(key, style);
    }
    return style;
  };
  for await (const cells of table.rows) {
    const row = worksheet.addRow([]);
    const emphasis = table.emphasis?.(index);
    const texts = table.columns.map((column, columnIndex) => {
      const resolved = resolveCell(cells[columnIndex] ?? null, column);
      const cell = row.getCell(columnIndex + 1);
      cell.value = resolved.value;
      cell.style = styleOf(columnIndex, resolved.numFmt, typeof resolved.value === 'number', emphasis);
      return resolved.text;
    });
    row.height = rowHeightFor(texts, widths, { bold: emphasis === 'heading' });
    lastDataRow = row.number;
    commit(row);
    index += 1;
    if (index % ROWS_PER_FLUSH === 0) await letCompressionCatchUp(worksheet, out);
  }
  addAutoFilter(worksheet, header.number, lastDataRow, width);
  if (table.notes && table.notes.length > 0) {
    commit(worksheet.addRow([]));
    for (const note of table.notes) banner(note, { italic: true });
  }
  (worksheet as unknown as { commit(): void }).commit();
  return { headerRow: header.number, firstDataRow, lastDataRow };
}

const WORKBOOK_CREATOR = 'Bàn thẩm định TTHC';

/**
 * Writes the tables, one sheet each, to a stream. Shared strings are off so that nothing grows with the rows; the
 * file is a little larger for it, and Excel and LibreOffice read inline strings alike.
 */
export async function writeTablesXlsx(tables: readonly SheetTable[], stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = WORKBOOK_CREATOR;
  workbook.created = new Date();
  for (const table of tables) await writeTableSheet(workbook, table, stream);
  await workbook.commit();
}

/** The workbook as bytes, for the API's downloads. */
export async function renderTablesXlsx(tables: readonly SheetTable[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(sink);
  await writeTablesXlsx(tables, sink);
  await done;
  return Buffer.concat(chunks);
}

/** The workbook straight into a file, for the CLI: neither the rows nor the file are held in memory whole. */
export async function writeTablesXlsxFile(tables: readonly SheetTable[], path: string): Promise<void> {
  const file = createWriteStream(path);
  const done = finished(file);
  await writeTablesXlsx(tables, file);
  await done;
}
