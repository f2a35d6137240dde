// The national TTHC catalogue as an XLSX workbook (docs/tthc-catalogue.md, "XLSX"): read for `tthc catalogue import
// FILE.xlsx` and the catalogue picker, written for the sample and the round-trip test. The reading of cells lives in
// shared/domain/catalogueSheet.ts; this file only moves them in and out of exceljs.
import ExcelJS from 'exceljs';
import { ApiError } from '../../shared/contract/errors';
import type { CatalogueFile, CatalogueProcedure } from '../../shared/domain/catalogue';
import { CATALOGUE_COLUMNS, catalogueFromSheet, catalogueSheetRow } from '../../shared/domain/catalogueSheet';
import { formatInteger } from '../../shared/i18n/format';
import { readRegulationSheet } from '../workbooks/regulationSheet';
import { bodyFont, rowHeightFor, styleHeaderRow } from './spreadsheetStyle';
import { withXmlSafeParts } from './xmlPackage';

export const CATALOGUE_SHEET_NAME = 'Danh mục TTHC';

/** The records of a catalogue workbook, or an ApiError listing every problem by row and column: nothing half-read. */
export async function readCatalogueWorkbook(bytes: Buffer): Promise<CatalogueFile> {
  const sheet = await readRegulationSheet(bytes);
  const read = catalogueFromSheet(sheet);
  if (read.ok) return read.file;
  const shown = read.problems.slice(0, 5).map((problem) => `${problem.path}: ${problem.message}`);
  const more = read.problems.length > shown.length ? ` (và ${formatInteger(read.problems.length - shown.length)} chỗ khác)` : '';
  throw new ApiError(
    'invalid_input',
    `Bảng tính danh mục TTHC có ${formatInteger(read.problems.length)} chỗ chưa hợp lệ, không có gì được ghi: ${shown.join('; ')}${more}.`,
    read.problems,
  );
}

/** One sheet, a header row and one row per record, its lists one item per line of a wrapped cell. */
export async function catalogueWorkbook(procedures: readonly CatalogueProcedure[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(CATALOGUE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = CATALOGUE_COLUMNS.map((column) => (column.key === 'code' ? 24 : ['level', 'timeLimitDays', 'publishedAt'].includes(column.key) ? 16 : 36));
  sheet.columns = CATALOGUE_COLUMNS.map((column, index) => ({
    header: column.header,
    key: column.key,
    width: widths[index],
    // Codes such as 1.001190 must stay text, or a spreadsheet reads them as numbers and drops the last zero.
    style: column.key === 'code' ? { numFmt: '@' } : {},
  }));
  styleHeaderRow(sheet.getRow(1), CATALOGUE_COLUMNS.map((column) => column.header), widths);
  for (const procedure of procedures) {
    const cells = catalogueSheetRow(procedure);
    const row = sheet.addRow(cells);
    row.alignment = { vertical: 'top', wrapText: true };
    row.font = bodyFont();
    // Spreadsheets do not grow a written row to fit its wrapped lines: give it their height.
    row.height = rowHeightFor(CATALOGUE_COLUMNS.map((column) => String(cells[column.key] ?? '')), widths);
  }
  return withXmlSafeParts(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
