// The national TTHC catalogue as a worksheet (docs/tthc-catalogue.md, "XLSX"): one row per procedure, its lists one
// item per line of a cell. Read into the same `tthc-catalogue` file the JSON import takes, so both meet one schema;
// every problem is named by its row and column header, and one problem refuses the whole sheet.
import { echoed, type FieldProblem } from '../contract/errors';
import { MAXIMA } from './bounds';
import { catalogueFileSchema, CATALOGUE_FORMAT, CATALOGUE_VERSION, type CatalogueFile, type CatalogueProcedure } from './catalogue';
import { parseTimeLimit } from './componentText';
import { foldVietnamese } from './textFold';
import type { FilingMethod, Level } from './vocabulary';

export type SheetCell = string | number;

/** The columns, in the order the sample and the writer use; `required` ones must be present as headers. */
export const CATALOGUE_COLUMNS = [
  { key: 'code', header: 'Mã TTHC', required: true },
  { key: 'name', header: 'Tên TTHC', required: true },
  { key: 'publicationDecision', header: 'Quyết định công bố', required: true },
  { key: 'publishedAt', header: 'Ngày công bố', required: false },
  { key: 'field', header: 'Lĩnh vực', required: true },
  { key: 'level', header: 'Cấp thực hiện', required: true },
  { key: 'type', header: 'Loại TTHC', required: false },
  { key: 'steps', header: 'Trình tự thực hiện', required: false },
  { key: 'methods', header: 'Cách thức thực hiện', required: false },
  { key: 'timeLimitDays', header: 'Thời hạn giải quyết (ngày làm việc)', required: false },
  { key: 'timeLimitText', header: 'Thời hạn giải quyết (như công bố)', required: false },
  { key: 'fees', header: 'Phí, lệ phí', required: false },
  { key: 'dossier', header: 'Thành phần hồ sơ', required: false },
  { key: 'subjects', header: 'Đối tượng thực hiện', required: false },
  { key: 'deciding', header: 'Cơ quan có thẩm quyền quyết định', required: false },
  { key: 'implementing', header: 'Cơ quan thực hiện', required: true },
  { key: 'coordinating', header: 'Cơ quan phối hợp', required: false },
  { key: 'results', header: 'Kết quả thực hiện', required: false },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', required: false },
  { key: 'conditions', header: 'Yêu cầu, điều kiện', required: false },
  { key: 'feeExemptions', header: 'Đối tượng miễn, giảm phí, lệ phí', required: false },
] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number]['key'];

export const LEVEL_NAMES: Record<Level, string> = { central: 'Trung ương', province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };
export const METHOD_NAMES: Record<FilingMethod, string> = { in_person: 'Trực tiếp', post: 'Qua bưu chính', online: 'Trực tuyến' };

export type CatalogueSheet = { headers: ReadonlyArray<{ column: number; text: string }>; rows: ReadonlyArray<{ rowNumber: number; cells: ReadonlyMap<number, SheetCell> }> };
export type CatalogueSheetResult = { ok: true; file: CatalogueFile } | { ok: false; problems: FieldProblem[] };

const fold = (text: string) => foldVietnamese(text).replace(/\s+/g, ' ').trim();
const HEADER_KEYS = new Map<string, CatalogueColumn>(CATALOGUE_COLUMNS.map((column) => [fold(column.header), column.key]));
const headerOf = (key: CatalogueColumn) => CATALOGUE_COLUMNS.find((column) => column.key === key)!.header;

/** The lines of a cell: one list item each, blank lines dropped. */
const lines = (cell: SheetCell | undefined): string[] =>
  cell === undefined ? [] : String(cell).split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);

/** A Vietnamese amount ("500.000", "1.500.000 đồng", 0) as a number; undefined when it is not one. */
function amountOf(text: string): number | undefined {
  const digits = text.replace(/\s*(đồng|đ|VNĐ)\.?$/i, '').trim();
  if (!/^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$/.test(digits)) return undefined;
  return Number(digits.replace(/\./g, '').replace(',', '.'));
}

/** dd/mm/yyyy (as typed or as a date cell reads) or yyyy-mm-dd → yyyy-mm-dd; undefined otherwise. */
function isoDayOf(text: string): string | undefined {
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (vietnamese) return `${vietnamese[3]}-${vietnamese[2]!.padStart(2, '0')}-${vietnamese[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : undefined;
}

function byName<Value extends string>(names: Record<Value, string>, text: string): Value | undefined {
  const wanted = fold(text);
  return (Object.keys(names) as Value[]).find((value) => fold(names[value]) === wanted || value === text.trim());
}

type CellReader = { problems: FieldProblem[]; at: (key: CatalogueColumn) => SheetCell | undefined; wrong: (key: CatalogueColumn, message: string) => void };

/** One row as a procedure record (as the JSON file would hold it); what cannot be read is reported, not guessed. */
function procedureOf(read: CellReader): Record<string, unknown> {
  const text = (key: CatalogueColumn) => {
    const cell = read.at(key);
    return cell === undefined ? undefined : String(cell).trim();
  };
  const level = text('level');
  const levelValue = level === undefined ? undefined : byName(LEVEL_NAMES, level);
  if (level !== undefined && !levelValue) read.wrong('level', `“${echoed(level)}” không phải cấp thực hiện; ghi một trong: ${Object.values(LEVEL_NAMES).join(', ')}`);

  const publishedAt = text('publishedAt');
  const publishedDay = publishedAt === undefined ? undefined : isoDayOf(publishedAt);
  if (publishedAt !== undefined && !publishedDay) read.wrong('publishedAt', `“${echoed(publishedAt)}” không phải ngày; ghi dạng 20/09/2025`);

  const days = read.at('timeLimitDays');
  const parsedDays = days === undefined ? undefined : parseTimeLimit(days, MAXIMA.timeLimitDays);
  if (parsedDays && !parsedDays.ok) read.wrong('timeLimitDays', parsedDays.message);
  const timeLimitDays = parsedDays?.ok ? parsedDays.value.days : undefined;
  // «15 ngày» in the days column is calendar days: kept as the published text, which the unit is read from.
  const writtenCalendarDays = parsedDays?.ok && parsedDays.value.unit === 'calendar' ? String(days).trim() : undefined;

  const fees = lines(read.at('fees')).flatMap((line) => {
    const separator = line.lastIndexOf(':');
    const amount = separator < 0 ? undefined : amountOf(line.slice(separator + 1));
    if (separator < 0 || amount === undefined) {
      read.wrong('fees', `dòng “${echoed(line)}” cần có dạng “Tên phí: số tiền”, ví dụ “Lệ phí: 8.000 đồng”`);
      return [];
    }
    return [{ name: line.slice(0, separator).trim(), amount }];
  });
  const methodNames = lines(read.at('methods'));
  const methods = methodNames.flatMap((name) => {
    const method = byName(METHOD_NAMES, name);
    if (!method) read.wrong('methods', `“${echoed(name)}” không phải cách thức thực hiện; ghi một trong: ${Object.values(METHOD_NAMES).join(', ')}`);
    const limitText = text('timeLimitText') ?? writtenCalendarDays;
    return method ? [{ method, ...(timeLimitDays === undefined ? {} : { timeLimitDays }), ...(limitText ? { timeLimitText: limitText } : {}), fees }] : [];
  });
  if (methodNames.length === 0 && (fees.length > 0 || timeLimitDays !== undefined)) {
    read.wrong('methods', 'thời hạn và phí, lệ phí gắn với cách thức thực hiện: hãy ghi ít nhất một cách thức');
  }

  const dossier = lines(read.at('dossier')).map((line) => {
    const counted = /^(.*?)\s*\((\d+)\s*bản chính(?:,\s*(\d+)\s*bản sao)?(?:;\s*mẫu:\s*(.+))?\)$/i.exec(line);
    if (!counted) return { item: line, originals: 1, copies: 0 };
    return { item: counted[1]!, originals: Number(counted[2]), copies: Number(counted[3] ?? 0), ...(counted[4] ? { form: counted[4].trim() } : {}) };
  });
  const legalBasis = lines(read.at('legalBasis')).flatMap((line) => {
    const [number, ...title] = line.split(/\s+[—–-]\s+/);
    if (!number || title.length === 0) {
      read.wrong('legalBasis', `dòng “${echoed(line)}” cần có dạng “Số ký hiệu — Trích yếu”, ví dụ “60/2014/QH13 — Luật Hộ tịch”`);
      return [];
    }
    return [{ number: number.trim(), title: title.join(' — ').trim() }];
  });

  return {
    code: text('code'),
    name: text('name'),
    publicationDecision: text('publicationDecision'),
    ...(publishedDay ? { publishedAt: publishedDay } : {}),
    field: text('field'),
    level: levelValue ?? level,
    ...(text('type') ? { type: text('type') } : {}),
    steps: lines(read.at('steps')),
    methods,
    dossier,
    subjects: lines(read.at('subjects')),
    agencies: { ...(text('deciding') ? { deciding: text('deciding') } : {}), implementing: text('implementing') ?? '', coordinating: lines(read.at('coordinating')) },
    results: lines(read.at('results')).map((name) => ({ name })),
    legalBasis,
    conditions: lines(read.at('conditions')),
    feeExemptions: lines(read.at('feeExemptions')),
  };
}

/** The column a schema path (`procedures.3.agencies.implementing`, `procedures.3.methods.0.fees.1.name`) came from. */
function columnOfPath(path: readonly PropertyKey[]): CatalogueColumn | undefined {
  const [first, second, third] = path.slice(2).map(String);
  if (first === 'agencies') return second === 'coordinating' || second === 'deciding' ? second : 'implementing';
  if (first === 'methods') return third === 'fees' ? 'fees' : third === 'timeLimitDays' ? 'timeLimitDays' : 'methods';
  return CATALOGUE_COLUMNS.some((column) => column.key === first) ? (first as CatalogueColumn) : undefined;
}

/**
 * Reads the sheet's rows as catalogue records. Columns are found by their header text (case and marks aside), so
 * their order is free and unknown columns are ignored; a missing required column refuses the sheet at once.
 */
export function catalogueFromSheet(sheet: CatalogueSheet): CatalogueSheetResult {
  const columns = new Map<CatalogueColumn, number>();
  for (const { column, text } of sheet.headers) {
    const key = HEADER_KEYS.get(fold(text));
    if (key && !columns.has(key)) columns.set(key, column);
  }
  const missing = CATALOGUE_COLUMNS.filter((column) => column.required && !columns.has(column.key)).map((column) => `“${column.header}”`);
  if (missing.length > 0) {
    return { ok: false, problems: [{ path: 'dòng tiêu đề', message: `thiếu cột ${missing.join(', ')} (ghi đúng tên cột như docs/tthc-catalogue.md)` }] };
  }

  const problems: FieldProblem[] = [];
  const procedures = sheet.rows.map(({ rowNumber, cells }) => {
    const read: CellReader = {
      problems,
      at: (key) => {
        const column = columns.get(key);
        return column === undefined ? undefined : cells.get(column);
      },
      wrong: (key, message) => problems.push({ path: `dòng ${rowNumber}, cột “${headerOf(key)}”`, message }),
    };
    return procedureOf(read);
  });

  // Checked here as well as by the file schema, whose rule does not run while any record has another problem.
  const firstRow = new Map<string, number>();
  procedures.forEach((procedure, index) => {
    const code = procedure.code;
    if (typeof code !== 'string') return;
    const rowNumber = sheet.rows[index]!.rowNumber;
    const first = firstRow.get(code);
    if (first === undefined) firstRow.set(code, rowNumber);
    else problems.push({ path: `dòng ${rowNumber}, cột “${headerOf('code')}”`, message: `mã ${code} đã có ở dòng ${first}` });
  });

  const parsed = catalogueFileSchema.safeParse({ format: CATALOGUE_FORMAT, version: CATALOGUE_VERSION, procedures });
  if (!parsed.success) {
    // A cell already named by the reading ("Cấp thôn") is not named again by the schema ("chỉ nhận: central, …").
    const named = new Set(problems.map((problem) => problem.path));
    for (const issue of parsed.error.issues) {
      const index = Number(issue.path[1]);
      const rowNumber = sheet.rows[index]?.rowNumber;
      const column = columnOfPath(issue.path);
      const where = column ? `, cột “${headerOf(column)}”` : '';
      // The duplicate-code rule names the other record by its index; say it by its row instead.
      const message = issue.message.replace(/procedures\[(\d+)\]/, (_all, other: string) => `dòng ${sheet.rows[Number(other)]?.rowNumber ?? other}`);
      const path = `dòng ${rowNumber}${where}`;
      if (!named.has(path)) problems.push({ path, message });
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => rowOrder(a) - rowOrder(b)) };
  return { ok: true, file: parsed.data! };
}

const rowOrder = (problem: FieldProblem) => Number(/\d+/.exec(problem.path)?.[0] ?? 0);

/** A record as the worksheet holds it (the writer's side, for the sample and the round-trip test). */
export function catalogueSheetRow(procedure: CatalogueProcedure): Record<CatalogueColumn, SheetCell | undefined> {
  const joined = (values: readonly string[]) => (values.length > 0 ? values.join('\n') : undefined);
  const first = procedure.methods.find((method) => method.timeLimitDays !== undefined) ?? procedure.methods[0];
  const fees = [...new Map(procedure.methods.flatMap((method) => method.fees).map((fee) => [`${fee.name}|${fee.amount}`, fee])).values()];
  const amount = (value: number) => value.toLocaleString('vi-VN');
  return {
    code: procedure.code,
    name: procedure.name,
    publicationDecision: procedure.publicationDecision,
    publishedAt: procedure.publishedAt?.split('-').reverse().join('/'),
    field: procedure.field,
    level: LEVEL_NAMES[procedure.level],
    type: procedure.type,
    steps: joined(procedure.steps),
    methods: joined([...new Set(procedure.methods.map((method) => METHOD_NAMES[method.method]))]),
    timeLimitDays: first?.timeLimitDays,
    timeLimitText: first?.timeLimitText,
    fees: joined(fees.map((fee) => `${fee.name}: ${amount(fee.amount)} đồng`)),
    dossier: joined(procedure.dossier.map((entry) => `${entry.item} (${entry.originals} bản chính, ${entry.copies} bản sao${entry.form ? `; mẫu: ${entry.form}` : ''})`)),
    subjects: joined(procedure.subjects),
    deciding: procedure.agencies.deciding,
    implementing: procedure.agencies.implementing,
    coordinating: joined(procedure.agencies.coordinating),
    results: joined(procedure.results.map((result) => result.name)),
    legalBasis: joined(procedure.legalBasis.map((basis) => `${basis.number} — ${basis.title}`)),
    conditions: joined(procedure.conditions),
    feeExemptions: joined(procedure.feeExemptions),
  };
}

