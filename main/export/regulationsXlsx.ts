// Regulation lists as workbooks: the list with components, necessity score and costs (written through tableXlsx),
// and the reading of a workbook someone else made, down to header texts and cell values for the import.
// Only the reading needs exceljs at run time, and imports it when it reads: listing regulations must not load it.
import type ExcelJS from 'exceljs';
import type { TableCell } from '../../shared/contract/reportsApi';
import { ApiError } from '../../shared/contract/errors';
import { componentLines, type ListedComponentKey } from '../../shared/domain/componentText';
import { evaluateCostWorksheet, worksheetProblems } from '../../shared/domain/cost';
import type { Regulation } from '../../shared/domain/dossier';
import { IMPORT_FIELD_LABELS, suggestMapping, type CellValue, type SheetHeader } from '../../shared/domain/regulationImport';
import { COMPONENT_KEYS, type ComponentKey } from '../../shared/domain/vocabulary';
import { formatDateVi, formatInteger, roundedScore } from '../../shared/i18n/format';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { SheetTable } from './tableXlsx';

const LABELS = vocabularyMessages.vi;
const LISTED_COMPONENTS = COMPONENT_KEYS.filter((key): key is ListedComponentKey => key !== 'name');

export type RegulationListEntry = {
  regulation: Omit<Regulation, 'opinions'>;
  /** Shown in a first column when the list spans drafts (search results). */
  draftTitle?: string;
  missing: readonly ComponentKey[];
  /** As stored beside the row on every write (the same scoring), so that a list of 100.000 is not scored again. */
  necessityScore: number | null;
};

export type RegulationListTitle = {
  title: string;
  subtitle?: string;
  sheetName: string;
  /** A first column names each regulation's draft (search results across drafts). */
  acrossDrafts?: boolean;
};

/** Wide enough to read a line of each, narrow enough that the whole list scales to a landscape page legibly. */
const COMPONENT_WIDTHS: Record<ListedComponentKey, number> = {
  steps: 30,
  methods: 14,
  dossier: 32,
  timeLimitDays: 10,
  subjects: 14,
  agency: 20,
  result: 20,
  forms: 16,
  conditions: 28,
  fees: 20,
};

const money = (value: number): TableCell => ({ value, format: 'money' });

/** The costs of a regulation whose worksheet fits its change; blanks otherwise rather than misleading zeros. */
function costCells(regulation: Omit<Regulation, 'opinions'>): TableCell[] {
  const worksheet = regulation.assessment?.cost;
  if (!worksheet || worksheetProblems(regulation.change, worksheet).length > 0) return [null, null, null, null, null];
  const { perCase, annual, reduction } = evaluateCostWorksheet(worksheet);
  const side = (present: boolean, value: number) => (present ? money(value) : null);
  return [
    side(Boolean(worksheet.baseline), perCase.baseline),
    side(Boolean(worksheet.proposed), perCase.proposed),
    side(Boolean(worksheet.baseline), annual.baseline),
    side(Boolean(worksheet.proposed), annual.proposed),
    reduction.share === null ? null : reduction.share,
  ];
}

function componentCell(regulation: Omit<Regulation, 'opinions'>, key: ListedComponentKey): TableCell {
  const days = regulation.components.timeLimitDays;
  // The time limit stays a number, so that the sheet can sort and sum it.
  if (key === 'timeLimitDays') return days === undefined ? null : { value: days, format: 'decimal', digits: Number.isInteger(days) ? 0 : 1 };
  const lines = componentLines(regulation.components, key);
  return lines.length > 0 ? lines.join('\n') : null;
}

/**
 * Column titles of the identification and components are those the import recognises, and nothing follows the last
 * row, so the file imports back as it is.
 */
export function regulationListTable(entries: Iterable<RegulationListEntry> | AsyncIterable<RegulationListEntry>, heading: RegulationListTitle): SheetTable {
  const acrossDrafts = heading.acrossDrafts === true;
  const fields = IMPORT_FIELD_LABELS;
  // Rows are made one at a time as the writer asks for them: a list of 100.000 never sits in memory as cells.
  async function* rows(): AsyncGenerator<TableCell[]> {
    let index = 0;
    for await (const { regulation, draftTitle, missing, necessityScore } of entries) {
      index += 1;
      yield [
        index,
        ...(acrossDrafts ? [draftTitle ?? null] : []),
        regulation.name,
        LABELS.kindShort[regulation.kind],
        LABELS.change[regulation.change],
        regulation.nationalCode ?? null,
        regulation.article ?? null,
        regulation.field ?? null,
        regulation.level ? LABELS.level[regulation.level] : null,
        ...LISTED_COMPONENTS.map((key) => componentCell(regulation, key)),
        missing.map((key) => LABELS.component[key]).join(', ') || null,
        necessityScore === null ? null : roundedScore(necessityScore),
        ...costCells(regulation),
      ];
    }
  }
  return {
    sheetName: heading.sheetName,
    title: heading.title,
    subtitle: heading.subtitle,
    // STT, the draft when there is one, and the name tell which regulation a printed line is about.
    keyColumns: acrossDrafts ? 3 : 2,
    columns: [
      { header: 'STT', format: 'integer', width: 6 },
      ...(acrossDrafts ? [{ header: 'Dự thảo', format: 'text' as const, width: 30 }] : []),
      { header: fields.name, format: 'text', width: 32 },
      { header: fields.kind, format: 'text', width: 8 },
      { header: fields.change, format: 'text', width: 16 },
      { header: fields.nationalCode, format: 'text', width: 14 },
      { header: fields.article, format: 'text', width: 14 },
      { header: fields.field, format: 'text', width: 16 },
      { header: fields.level, format: 'text', width: 12 },
      ...LISTED_COMPONENTS.map((key) => ({ header: fields[key], format: key === 'timeLimitDays' ? ('decimal' as const) : ('text' as const), width: COMPONENT_WIDTHS[key] })),
      { header: 'Bộ phận còn thiếu', format: 'text', width: 40 },
      { header: 'Điểm cần thiết', format: 'integer', width: 10 },
      { header: 'Chi phí một lần - hiện hành', format: 'money', width: 18 },
      { header: 'Chi phí một lần - theo dự thảo', format: 'money', width: 18 },
      { header: 'Chi phí một năm - hiện hành', format: 'money', width: 20 },
      { header: 'Chi phí một năm - theo dự thảo', format: 'money', width: 20 },
      { header: 'Tỷ lệ cắt giảm chi phí', format: 'percent', digits: 2, width: 12 },
    ],
    rows: rows(),
  };
}

// Reading ---------------------------------------------------------------------------------------------------------

export const MAX_IMPORT_ROWS = 5000;
/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 20;

export type SheetRow = { rowNumber: number; cells: Map<number, CellValue> };
export type RegulationSheet = { sheetName: string; headers: SheetHeader[]; rows: SheetRow[] };

const invalidFile = (message: string) => new ApiError('invalid_input', message);

/** A cell as the import reads it: text or a number; undefined when blank or an error. */
function cellValue(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (value instanceof Date) return formatDateVi(value.toISOString().slice(0, 10));
  if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text);
  return undefined;
}

function rowCells(row: ExcelJS.Row, mergedCell: ExcelJS.ValueType): Map<number, CellValue> {
  const cells = new Map<number, CellValue>();
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // A merged area holds its value once, in its top-left cell.
    if (cell.type === mergedCell) return;
    const value = cellValue(cell.value);
    if (value !== undefined) cells.set(column, value);
  });
  return cells;
}

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

/** The first sheet with data, its header row and its data rows; refuses, in Vietnamese, what it cannot read. */
export async function readRegulationSheet(bytes: Buffer): Promise<RegulationSheet> {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw invalidFile('Tệp là bảng tính Excel 97–2003 (.xls), chưa đọc được. Hãy mở tệp và lưu lại dưới dạng Excel Workbook (.xlsx).');
  }
  const notWorkbook = 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy chọn tệp .xlsx, hoặc mở tệp và lưu lại dưới dạng Excel Workbook (.xlsx).';
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw invalidFile(notWorkbook);
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw invalidFile(notWorkbook);
  }
  for (const worksheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = rowCells(row, excel.ValueType.Merge);
      if (cells.size > 0) rows.push({ rowNumber, cells });
    });
    if (rows.length === 0) continue;
    const headerIndex = findHeaderRow(rows);
    const data = rows.slice(headerIndex + 1);
    if (data.length === 0) throw invalidFile(`Trang tính “${worksheet.name}” chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào để nhập.`);
    if (data.length > MAX_IMPORT_ROWS) {
      throw invalidFile(`Trang tính “${worksheet.name}” có ${formatInteger(data.length)} dòng dữ liệu, quá ${formatInteger(MAX_IMPORT_ROWS)} dòng cho một lần nhập; hãy chia thành nhiều tệp.`);
    }
    return { sheetName: worksheet.name, headers: headersOf(rows[headerIndex]!), rows: data };
  }
  throw invalidFile('Bảng tính trống: không có trang tính nào chứa dữ liệu.');
}
