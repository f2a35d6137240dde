// Reads the first sheet with data of an XLSX workbook someone else made, within limits checked before anything is
// held: the file's size, each part's inflated size (a zip bomb), rows, columns and cells kept, merged ranges (a
// `<mergeCell ref="A1:XFD1048576"/>` made the in-memory reader expand 17 billion cells), shared strings, and the
// length of any text. The zip is read from its central directory and each part inflated a few kilobytes at a time
// into a strict XML parser, so memory follows what is kept, never what the file claims.
//
// exceljs' streaming reader was the obvious choice and is not used: it writes sheets that come before the shared
// strings to temporary files whole (a bomb fills the disk before any limit applies), joins a text of any length
// before handing it over, and does not say how much a part has inflated.
import { Inflate } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ApiError } from '../../shared/contract/errors';
import { formatDateVi, formatInteger } from '../../shared/i18n/format';
import { columnLetter, type CellValue } from '../../shared/domain/regulationImport';

export const WORKBOOK_LIMITS = {
  /** The file itself: a list of 5.000 procedures with every component is a few megabytes. */
  fileBytes: 20 * 1024 * 1024,
  /** One part inflated (a sheet, the shared strings); an honest sheet of the largest import is some 20 MB. */
  partBytes: 64 * 1024 * 1024,
  /** Every part read, inflated. */
  totalBytes: 100 * 1024 * 1024,
  /**
   * Beyond `ratioFrom` inflated bytes, a part may not inflate more than this many times its compressed size: XML
   * compresses ten to fifty times, a zip bomb a thousand, and is stopped at once rather than at `partBytes`.
   */
  ratio: 200,
  ratioFrom: 8 * 1024 * 1024,
  /** Rows with a value kept from one sheet: the data rows an import takes, its header and a title block above it. */
  rows: 5000 + 21,
  /** Columns: a list has some thirty; Excel 2003 stopped at 256. */
  columns: 256,
  /** Cells with a value kept from one sheet. */
  cells: 500_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /** Characters of all texts kept (shared strings once, inline texts each time). */
  totalChars: 32_000_000,
  /** Distinct texts of a workbook: 5.000 rows of thirty columns each different is 150.000. */
  sharedStrings: 300_000,
  mergedRanges: 10_000,
  /** Cells one merged range covers: a title over every column of a long list is some hundreds of thousands. */
  mergedCells: 1_000_000,
  /** Characters of the XML between two `<`: what saxes holds before handing a text over; beyond any cell Excel writes. */
  markupRun: 4_000_000,
} as const;

export type WorkbookLimits = typeof WORKBOOK_LIMITS;

export type SheetRow = { rowNumber: number; cells: Map<number, CellValue> };
/** Rows with at least one value, in order; `tooManyRows` when reading stopped at the row limit. */
export type SheetRead = { sheetName: string; rows: SheetRow[]; tooManyRows: boolean };

/** A workbook refused for what it is, with a message for the officer; anything else thrown is the app's fault. */
export class WorkbookRefusal extends ApiError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** Thrown from a handler to stop reading a sheet once enough is known; caught by readFirstSheetWithData. */
const STOP = new Error('enough rows read');

const NOT_A_WORKBOOK = 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy chọn tệp .xlsx, hoặc mở tệp và lưu lại dưới dạng Excel Workbook (.xlsx).';
const damaged = (detail: string) => new WorkbookRefusal(`Tệp bảng tính bị hỏng hoặc không do Excel lưu (${detail}); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.`);
const megabytes = (bytes: number) => `${formatInteger(Math.round(bytes / 1024 / 1024))} MB`;

// Zip ------------------------------------------------------------------------------------------------------------

type ZipEntry = { name: string; method: number; compressedSize: number; dataStart: number };

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;

/** The entries of the central directory; refuses what this reader does not take (ZIP64, encryption, other methods). */
function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new WorkbookRefusal(NOT_A_WORKBOOK);
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8', { fatal: false });
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw damaged('mục lục tệp nén không đọc được');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const localHeader = u32(bytes, at + 42);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) throw damaged('tệp nén ZIP64');
    if (flags & 1) throw new WorkbookRefusal('Tệp bảng tính có mật khẩu; hãy mở tệp, bỏ mật khẩu rồi lưu lại.');
    if (localHeader + 30 > bytes.length || u32(bytes, localHeader) !== 0x04034b50) throw damaged(`phần ${name} không đọc được`);
    const dataStart = localHeader + 30 + u16(bytes, localHeader + 26) + u16(bytes, localHeader + 28);
    if (dataStart + compressedSize > bytes.length) throw damaged(`phần ${name} bị cắt cụt`);
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, dataStart });
  }
  return entries;
}

// XML parts ------------------------------------------------------------------------------------------------------

/** An element as the handlers see it: its local name (prefix dropped) and its attributes by local name. */
type Tag = { local: string; attributes: Record<string, string> };

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function tagOf(tag: SaxesTagPlain): Tag {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(tag.attributes)) attributes[localName(name)] = value;
  return { local: localName(tag.name), attributes };
}

type Handlers = {
  open?: (tag: Tag) => void;
  close?: (tag: Tag) => void;
  text?: (text: string) => void;
};

/** How much has been inflated so far, over every part, against the limits. */
type Budget = { limits: WorkbookLimits; inflated: number };

const INPUT_SLICE = 8 * 1024;

/**
 * Inflates one part a slice at a time into a strict XML parser. Refuses a part that inflates beyond its limit, a run
 * of text too long to be one cell, bytes that are not UTF-8 and XML that is not well-formed; a handler may throw a
 * refusal to stop reading at once.
 */
function readPart(bytes: Uint8Array, entry: ZipEntry, budget: Budget, handlers: Handlers): void {
  // Without namespace processing, which costs a third of the time: names are compared by their local part.
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('error', (error) => {
    throw damaged(`phần ${entry.name}: ${error.message}`);
  });
  const { open, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(tagOf(tag)));
  if (close) parser.on('closetag', (tag) => close({ local: localName(tag.name), attributes: {} }));
  if (handlers.text) parser.on('text', handlers.text);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let partBytes = 0;
  let consumed = 0;
  let run = 0;
  const feed = (chunk: Uint8Array) => {
    partBytes += chunk.length;
    budget.inflated += chunk.length;
    if (partBytes > budget.limits.ratioFrom && partBytes > budget.limits.ratio * consumed) {
      throw new WorkbookRefusal(
        `Phần ${entry.name} của tệp bảng tính giải nén ra gấp hơn ${formatInteger(budget.limits.ratio)} lần kích thước nén, điều bảng tính thật không có: tệp hỏng hoặc cố ý gây hại; không đọc tiếp.`,
      );
    }
    if (partBytes > budget.limits.partBytes || budget.inflated > budget.limits.totalBytes) {
      const limit = partBytes > budget.limits.partBytes ? budget.limits.partBytes : budget.limits.totalBytes;
      throw new WorkbookRefusal(`Tệp bảng tính giải nén ra quá lớn (vượt ${megabytes(limit)} ở phần ${entry.name}), quá lớn cho một lần nhập; không đọc tiếp.`);
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw damaged(`phần ${entry.name} không phải văn bản UTF-8`);
    }
    // saxes keeps a text whole until the next tag: a run without `<` is bounded before it is handed over.
    for (let from = 0; ; ) {
      const next = text.indexOf('<', from);
      run += (next < 0 ? text.length : next) - from;
      if (run > budget.limits.markupRun) {
        throw new WorkbookRefusal(`Phần ${entry.name} của tệp bảng tính có một đoạn văn bản dài hơn ${formatInteger(budget.limits.markupRun)} ký tự, không ô Excel nào dài như vậy; tệp không do Excel lưu hoặc đã bị sửa.`);
      }
      if (next < 0) break;
      run = 0;
      from = next + 1;
    }
    parser.write(text);
  };
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += INPUT_SLICE) {
      consumed = Math.min(data.length, at + INPUT_SLICE);
      feed(data.subarray(at, at + INPUT_SLICE));
    }
  } else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => feed(chunk));
    try {
      for (let at = 0; at < data.length; at += INPUT_SLICE) {
        consumed = Math.min(data.length, at + INPUT_SLICE);
        inflater.push(data.subarray(at, at + INPUT_SLICE), at + INPUT_SLICE >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      // fflate's own errors carry a numeric code; anything else is a handler stopping the reading.
      if (typeof (error as { code?: unknown }).code === 'number') throw damaged(`phần ${entry.name} không giải nén được`);
      throw error;
    }
  } else throw damaged(`phần ${entry.name} nén theo cách ${entry.method}`);
  parser.close();
}

const attribute = (tag: Tag, local: string): string | undefined => tag.attributes[local];

// Workbook, relationships, styles ----------------------------------------------------------------------------------

type SheetEntry = { name: string; part: string };

/** The sheets in the order the workbook lists them, each with its part, and whether dates count from 1904. */
function readWorkbook(bytes: Uint8Array, entries: Map<string, ZipEntry>, budget: Budget): { sheets: SheetEntry[]; date1904: boolean } {
  const workbook = entries.get('xl/workbook.xml');
  const relationships = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !relationships) throw new WorkbookRefusal(NOT_A_WORKBOOK);
  const targets = new Map<string, string>();
  readPart(bytes, relationships, budget, {
    open: (tag) => {
      if (tag.local !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  readPart(bytes, workbook, budget, {
    open: (tag) => {
      if (tag.local === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
      if (tag.local !== 'sheet') return;
      // r:id, whatever its prefix: the sheet's own number is sheetId.
      const id = attribute(tag, 'id');
      const part = id ? targets.get(id) : undefined;
      if (part && sheets.length < 1000) sheets.push({ name: attribute(tag, 'name') ?? `Sheet${sheets.length + 1}`, part: part.replace(/\/\.\//g, '/') });
    },
  });
  return { sheets, date1904 };
}

/** Built-in number formats that show a date (ECMA-376 18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** A custom format shows a date when, outside quoted text and [colour] or [$-locale] parts, it names days or years. */
const isDateFormatCode = (code: string): boolean => /[dy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** For each cell style index, whether its number format shows a date. */
function readDateStyles(bytes: Uint8Array, entries: Map<string, ZipEntry>, budget: Budget): boolean[] {
  const styles = entries.get('xl/styles.xml');
  if (!styles) return [];
  const customDates = new Set<number>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  readPart(bytes, styles, budget, {
    open: (tag) => {
      if (tag.local === 'numFmt' && isDateFormatCode(attribute(tag, 'formatCode') ?? '')) customDates.add(Number(attribute(tag, 'numFmtId')));
      else if (tag.local === 'cellXfs') inCellXfs = true;
      else if (tag.local === 'xf' && inCellXfs && dateStyles.length < 100_000) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        dateStyles.push(DATE_FORMAT_IDS.has(id) || customDates.has(id));
      }
    },
    close: (tag) => {
      if (tag.local === 'cellXfs') inCellXfs = false;
    },
  });
  return dateStyles;
}

// Texts ----------------------------------------------------------------------------------------------------------

/** Characters XML cannot hold are written `_x0001_` in spreadsheet text (ECMA-376 ST_Xstring), `_x005F_` for `_`. */
const unescapeText = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Counts every text kept against the total; a cell longer than Excel allows is refused by where it is. */
type TextBudget = { chars: number; limits: WorkbookLimits };

function keepText(budget: TextBudget, text: string, where: () => string): string {
  if (text.length > budget.limits.cellChars) {
    throw new WorkbookRefusal(`${where()} dài ${formatInteger(text.length)} ký tự, quá ${formatInteger(budget.limits.cellChars)} ký tự một ô Excel chứa được; tệp không do Excel lưu hoặc đã bị sửa.`);
  }
  budget.chars += text.length;
  if (budget.chars > budget.limits.totalChars) throw new WorkbookRefusal(`Tệp bảng tính chứa hơn ${formatInteger(budget.limits.totalChars)} ký tự văn bản, quá lớn cho một lần nhập; hãy chia thành nhiều tệp.`);
  return text;
}

/** The shared strings: each `<si>`'s texts joined (rich text runs included, phonetic guides left out). */
function readSharedStrings(bytes: Uint8Array, entries: Map<string, ZipEntry>, budget: Budget, texts: TextBudget): string[] {
  const part = entries.get('xl/sharedStrings.xml');
  if (!part) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  readPart(bytes, part, budget, {
    open: (tag) => {
      if (tag.local === 'si') {
        if (strings.length >= texts.limits.sharedStrings) {
          throw new WorkbookRefusal(`Tệp bảng tính có hơn ${formatInteger(texts.limits.sharedStrings)} chuỗi văn bản dùng chung, quá lớn cho một lần nhập.`);
        }
        current = [];
      } else if (tag.local === 'rPh') phonetic += 1;
      else if (tag.local === 't' && current && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (inText) current!.push(text);
    },
    close: (tag) => {
      if (tag.local === 't') inText = false;
      else if (tag.local === 'rPh') phonetic -= 1;
      else if (tag.local === 'si' && current) {
        strings.push(keepText(texts, unescapeText(current.join('')), () => `Chuỗi dùng chung thứ ${formatInteger(strings.length + 1)} của tệp bảng tính`));
        current = undefined;
      }
    },
  });
  return strings;
}

// Sheet ----------------------------------------------------------------------------------------------------------

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** "AB12" → column 28, row 12; undefined when it is not a cell reference within Excel's grid. */
function cellReference(reference: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(reference);
  if (!match) return undefined;
  const column = [...match[1]!].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0);
  const row = Number(match[2]);
  return column <= MAX_COLUMN && row >= 1 && row <= MAX_ROW ? { column, row } : undefined;
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const MS_PER_DAY = 86_400_000;

/** A date cell's serial number as the date it shows (dd/mm/yyyy); undefined outside years 1900–9999. */
function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!(serial >= 0 && serial < 2_958_466)) return undefined;
  const day = new Date((date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.floor(serial) * MS_PER_DAY);
  return formatDateVi(day.toISOString().slice(0, 10));
}

type Cell = { column: number; type: string; style: number; value: string[]; inline: string[]; inValue: boolean; inInline: number; inlineText: boolean; phonetic: number };

/**
 * The rows with values of one sheet, the values of merged cells other than each range's first dropped (a range shows
 * its first cell's value alone). Stops at the row limit, saying so.
 */
function readSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  sheet: SheetEntry,
  context: { budget: Budget; texts: TextBudget; shared: readonly string[]; dateStyles: readonly boolean[]; date1904: boolean },
): SheetRead {
  const { limits } = context.budget;
  const rows: SheetRow[] = [];
  const merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  let cellCount = 0;
  let rowNumber = 0;
  let row: Map<number, CellValue> | undefined;
  let lastColumn = 0;
  let cell: Cell | undefined;
  let tooManyRows = false;
  const at = (column: number, rowAt = rowNumber) => `Ô ${columnLetter(column)}${rowAt} của trang tính “${sheet.name}”`;

  /** The cell's value as the import reads it: text or a number; undefined when blank or an error. */
  const valueOf = (done: Cell): CellValue | undefined => {
    const raw = done.value.join('');
    switch (done.type) {
      case 's': {
        if (!/^\d+$/.test(raw.trim())) throw damaged(`${at(done.column)} trỏ tới chuỗi dùng chung «${raw.slice(0, 20)}»`);
        const text = context.shared[Number(raw)];
        if (text === undefined) throw damaged(`${at(done.column)} trỏ tới chuỗi dùng chung thứ ${raw.trim()} mà tệp không có`);
        return text;
      }
      case 'inlineStr':
        return keepText(context.texts, unescapeText(done.inline.join('')), () => at(done.column));
      case 'str':
        return keepText(context.texts, unescapeText(raw), () => at(done.column));
      case 'b':
        return raw === '1' ? 'Có' : raw === '0' ? 'Không' : undefined;
      case 'e':
        return undefined;
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(raw) ? formatDateVi(raw.slice(0, 10)) : undefined;
      case 'n': {
        if (raw.trim() === '') return undefined;
        const number = Number(raw);
        // `Number` reads "0x10", "Infinity" and "" too: a number cell holds a decimal number and nothing else.
        if (!/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw) || !Number.isFinite(number)) throw damaged(`${at(done.column)} ghi số «${raw.slice(0, 20)}» không đọc được`);
        return context.dateStyles[done.style] ? (serialDate(number, context.date1904) ?? number) : number;
      }
      default:
        throw damaged(`${at(done.column)} có kiểu «${done.type.slice(0, 10)}» không biết`);
    }
  };

  readPart(bytes, entry, context.budget, {
    open: (tag) => {
      switch (tag.local) {
        case 'row': {
          const given = attribute(tag, 'r');
          const number = given === undefined ? rowNumber + 1 : Number(given);
          if (!Number.isInteger(number) || number <= rowNumber || number > MAX_ROW) throw damaged(`dòng ${given ?? ''} của trang tính “${sheet.name}” sai thứ tự`);
          rowNumber = number;
          row = new Map();
          lastColumn = 0;
          break;
        }
        case 'c': {
          if (!row) throw damaged(`trang tính “${sheet.name}” có ô nằm ngoài dòng`);
          const reference = attribute(tag, 'r');
          const place = reference === undefined ? { column: lastColumn + 1, row: rowNumber } : cellReference(reference);
          if (!place || place.row !== rowNumber || place.column <= lastColumn) throw damaged(`ô «${(reference ?? '').slice(0, 12)}» của trang tính “${sheet.name}” sai vị trí`);
          lastColumn = place.column;
          cell = { column: place.column, type: attribute(tag, 't') ?? 'n', style: Number(attribute(tag, 's') ?? 0), value: [], inline: [], inValue: false, inInline: 0, inlineText: false, phonetic: 0 };
          break;
        }
        case 'v':
          if (cell) cell.inValue = true;
          break;
        case 'is':
          if (cell) cell.inInline += 1;
          break;
        case 'rPh':
          if (cell) cell.phonetic += 1;
          break;
        case 't':
          if (cell && cell.inInline > 0 && cell.phonetic === 0) cell.inlineText = true;
          break;
        case 'mergeCell': {
          if (merges.length >= limits.mergedRanges) {
            throw new WorkbookRefusal(`Trang tính “${sheet.name}” gộp hơn ${formatInteger(limits.mergedRanges)} vùng ô, quá nhiều cho một bảng để nhập; hãy bỏ gộp ô (Unmerge) rồi lưu lại.`);
          }
          const reference = attribute(tag, 'ref') ?? '';
          const [from, to = from] = reference.split(':');
          const first = cellReference(from ?? '');
          const last = cellReference(to ?? '');
          if (!first || !last) throw damaged(`vùng gộp «${reference.slice(0, 30)}» của trang tính “${sheet.name}”`);
          const area = (Math.abs(last.row - first.row) + 1) * (Math.abs(last.column - first.column) + 1);
          if (area > limits.mergedCells) {
            throw new WorkbookRefusal(
              `Trang tính “${sheet.name}” gộp vùng ô ${reference} (${formatInteger(area)} ô), quá lớn cho một bảng để nhập; hãy bỏ gộp ô (Unmerge) vùng đó rồi lưu lại.`,
            );
          }
          merges.push({ top: Math.min(first.row, last.row), left: Math.min(first.column, last.column), bottom: Math.max(first.row, last.row), right: Math.max(first.column, last.column) });
          break;
        }
      }
    },
    text: (text) => {
      if (!cell) return;
      if (cell.inValue) cell.value.push(text);
      else if (cell.inlineText) cell.inline.push(text);
      // Checked as it grows: thousands of runs can make one cell.
      if (cell.value.length + cell.inline.length > 10_000) throw new WorkbookRefusal(`${at(cell.column)} có quá nhiều đoạn văn bản, không phải một ô bình thường.`);
    },
    close: (tag) => {
      switch (tag.local) {
        case 'v':
          if (cell) cell.inValue = false;
          break;
        case 'is':
          if (cell) cell.inInline -= 1;
          break;
        case 'rPh':
          if (cell) cell.phonetic -= 1;
          break;
        case 't':
          if (cell) cell.inlineText = false;
          break;
        case 'c': {
          if (!cell || !row) break;
          const done = cell;
          cell = undefined;
          const value = valueOf(done);
          if (value === undefined || (typeof value === 'string' && value.trim() === '')) break;
          if (done.column > limits.columns) {
            throw new WorkbookRefusal(`${at(done.column)} có giá trị nhưng nằm ngoài ${formatInteger(limits.columns)} cột đầu; bảng để nhập không dùng tới cột ${columnLetter(done.column)}. Hãy xóa các cột thừa rồi lưu lại.`);
          }
          cellCount += 1;
          if (cellCount > limits.cells) throw new WorkbookRefusal(`Trang tính “${sheet.name}” có hơn ${formatInteger(limits.cells)} ô có dữ liệu, quá lớn cho một lần nhập; hãy chia thành nhiều tệp.`);
          row.set(done.column, value);
          break;
        }
        case 'row':
          if (row && row.size > 0) {
            if (rows.length === limits.rows) {
              tooManyRows = true;
              throw STOP;
            }
            rows.push({ rowNumber, cells: row });
          }
          row = undefined;
          break;
      }
    },
  });
  return { sheetName: sheet.name, rows: withoutMergedFollowers(rows, merges), tooManyRows };
}

function withoutMergedFollowers(rows: SheetRow[], merges: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }>): SheetRow[] {
  if (merges.length === 0) return rows;
  return rows.flatMap((row) => {
    for (const column of [...row.cells.keys()]) {
      const covered = merges.some((merge) => row.rowNumber >= merge.top && row.rowNumber <= merge.bottom && column >= merge.left && column <= merge.right && (row.rowNumber !== merge.top || column !== merge.left));
      if (covered) row.cells.delete(column);
    }
    return row.cells.size > 0 ? [row] : [];
  });
}

/**
 * The first sheet, in the workbook's order, with a row holding a value; refuses, in Vietnamese, a file it cannot
 * read or one beyond the limits, naming where.
 */
export function readFirstSheetWithData(file: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): SheetRead {
  if (file.length > limits.fileBytes) {
    throw new WorkbookRefusal(`Tệp bảng tính nặng ${megabytes(file.length)}, quá ${megabytes(limits.fileBytes)} cho một lần nhập; hãy chia thành nhiều tệp.`);
  }
  const entries = zipEntries(file);
  const budget: Budget = { limits, inflated: 0 };
  const texts: TextBudget = { chars: 0, limits };
  const { sheets, date1904 } = readWorkbook(file, entries, budget);
  const shared = readSharedStrings(file, entries, budget, texts);
  const dateStyles = readDateStyles(file, entries, budget);
  for (const sheet of sheets) {
    const entry = entries.get(sheet.part);
    if (!entry) continue;
    let read: SheetRead;
    try {
      read = readSheet(file, entry, sheet, { budget, texts, shared, dateStyles, date1904 });
    } catch (error) {
      if (error !== STOP) throw error;
      read = { sheetName: sheet.name, rows: [], tooManyRows: true };
    }
    if (read.rows.length > 0 || read.tooManyRows) return read;
  }
  return { sheetName: '', rows: [], tooManyRows: false };
}

