// A workbook someone else made, as the imports read it: its first sheet with data, that sheet's header row, and the
// data rows under it, with header texts and cell values only. The file is read in a worker thread within the limits
// of xlsxReader.ts; what comes back is refused here, in Vietnamese, when it is empty or too long for one import.
import { ApiError } from '../../shared/contract/errors';
import { suggestMapping, type SheetHeader } from '../../shared/domain/regulationImport';
import { formatInteger } from '../../shared/i18n/format';
import { workerPool } from '../workers/pool';
import type { SheetRow } from './xlsxReader';

export const MAX_IMPORT_ROWS = 5000;
/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 20;

export type RegulationSheet = { sheetName: string; headers: SheetHeader[]; rows: SheetRow[] };

const invalidFile = (message: string) => new ApiError('invalid_input', message);

const headersOf = (row: SheetRow): SheetHeader[] =>
  [...row.cells].map(([column, value]) => ({ column, text: String(value).replace(/\s+/g, ' ').trim() }));

/**
 * The header row is the first whose titles name the regulation ("Tên thủ tục…"), so a title block above the table is
 * skipped; failing that, the first row of two titles or more; failing that, the first row.
 */
function findHeaderRow(rows: readonly SheetRow[]): number {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const naming = candidates.findIndex((row) => suggestMapping(headersOf(row)).name !== undefined);
  if (naming >= 0) return naming;
  const wide = candidates.findIndex((row) => row.cells.size >= 2);
  return wide >= 0 ? wide : 0;
}

const ZIP_SIGNATURE = [0x50, 0x4b];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);

/** `count` when the whole sheet was read; without it, reading stopped at the limit and only "more than" is known. */
const tooManyRows = (sheetName: string, count?: number) => {
  const rows = count === undefined ? `hơn ${formatInteger(MAX_IMPORT_ROWS)}` : formatInteger(count);
  return invalidFile(`Trang tính “${sheetName}” có ${rows} dòng dữ liệu, quá ${formatInteger(MAX_IMPORT_ROWS)} dòng cho một lần nhập; hãy chia thành nhiều tệp.`);
};

/** The first sheet with data, its header row and its data rows; refuses, in Vietnamese, what it cannot read. */
export async function readRegulationSheet(bytes: Uint8Array): Promise<RegulationSheet> {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw invalidFile('Tệp là bảng tính Excel 97–2003 (.xls), chưa đọc được. Hãy mở tệp và lưu lại dưới dạng Excel Workbook (.xlsx).');
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    throw invalidFile('Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy chọn tệp .xlsx, hoặc mở tệp và lưu lại dưới dạng Excel Workbook (.xlsx).');
  }
  // A copy of its own, handed to the worker rather than copied again.
  const file = new Uint8Array(bytes);
  const read = await workerPool().run('readSheet', file, [file.buffer]);
  if (read.tooManyRows) throw tooManyRows(read.sheetName);
  if (read.rows.length === 0) throw invalidFile('Bảng tính trống: không có trang tính nào chứa dữ liệu.');
  const headerIndex = findHeaderRow(read.rows);
  const data = read.rows.slice(headerIndex + 1);
  if (data.length === 0) throw invalidFile(`Trang tính “${read.sheetName}” chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào để nhập.`);
  if (data.length > MAX_IMPORT_ROWS) throw tooManyRows(read.sheetName, data.length);
  return { sheetName: read.sheetName, headers: headersOf(read.rows[headerIndex]!), rows: data };
}
