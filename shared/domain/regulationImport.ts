// Regulations from a spreadsheet: which column holds which field (guessed from the header row, confirmed by the
// officer), and each row read into the fields of a regulation with its problems, in Vietnamese, per column.
// The workbook itself is read elsewhere (main/); this module sees only header texts and cell values.
import { z } from 'zod';
import { echoed } from '../contract/errors';
import { regulationEntrySchema, type RegulationFields } from '../contract/entrySchemas';
import { recordsMessages } from '../i18n/recordsMessages';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { parseComponentCell, type ListedComponentKey, type Parsed } from './componentText';
import type { Components } from './dossier';
import { foldVietnamese } from './textFold';
import { CHANGES, COMPONENT_KEYS, LEVELS, REGULATION_KINDS, type Change, type Level, type RegulationKind } from './vocabulary';

const LABELS = vocabularyMessages.vi;
const LISTED_COMPONENTS = COMPONENT_KEYS.filter((key): key is ListedComponentKey => key !== 'name');

export const IMPORT_FIELDS = ['name', 'kind', 'change', 'nationalCode', 'article', 'field', 'level', ...LISTED_COMPONENTS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → column number (1 = A); a field without a column is left empty. */
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(1).max(16384));
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The column titles our own export writes, so that an exported list imports back without remapping. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: recordsMessages.vi.regulation.name,
  kind: recordsMessages.vi.regulation.kind,
  change: recordsMessages.vi.regulation.change,
  nationalCode: recordsMessages.vi.regulation.nationalCode,
  article: recordsMessages.vi.regulation.article,
  field: recordsMessages.vi.regulation.field,
  level: recordsMessages.vi.regulation.level,
  ...(Object.fromEntries(LISTED_COMPONENTS.map((key) => [key, LABELS.component[key]])) as Record<ListedComponentKey, string>),
};

/** Other titles seen in ministries' lists, without diacritics. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  name: ['ten', 'ten thu tuc', 'ten thu tuc hanh chinh', 'ten tthc', 'ten quy dinh', 'thu tuc hanh chinh', 'ten thu tuc quy dinh'],
  kind: ['loai', 'loai quy dinh', 'tthc qdkd'],
  change: ['hinh thuc', 'loai thay doi', 'noi dung thay doi', 'ban hanh moi sua doi bai bo', 'phuong an'],
  nationalCode: ['ma', 'ma so', 'ma tthc', 'ma thu tuc', 'ma so tthc', 'ma thu tuc hanh chinh'],
  article: ['dieu khoan', 'can cu', 'can cu phap ly', 'vi tri quy dinh'],
  field: ['linh vuc'],
  level: ['cap', 'cap thuc hien', 'cap giai quyet'],
  steps: ['trinh tu', 'trinh tu thuc hien'],
  methods: ['cach thuc', 'cach thuc thuc hien', 'cach thuc nop ho so'],
  dossier: ['ho so', 'thanh phan ho so', 'thanh phan so luong ho so'],
  timeLimitDays: ['thoi han', 'thoi han giai quyet'],
  subjects: ['doi tuong', 'doi tuong thuc hien'],
  agency: ['co quan thuc hien', 'co quan giai quyet'],
  result: ['ket qua', 'ket qua thuc hien'],
  forms: ['mau don', 'mau don to khai', 'to khai'],
  conditions: ['dieu kien', 'yeu cau', 'yeu cau dieu kien'],
  fees: ['phi', 'le phi', 'phi le phi'],
};

/** Lower case, no diacritics, punctuation as spaces: "Phí, lệ phí" and "PHI LE PHI" read the same. */
const normalizeHeader = (text: string): string =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const FIELD_HEADERS: Record<ImportField, string[]> = Object.fromEntries(
  IMPORT_FIELDS.map((field) => [field, [normalizeHeader(IMPORT_FIELD_LABELS[field]), ...HEADER_ALIASES[field]]]),
) as Record<ImportField, string[]>;

/** A prefix this short ("ma", "phi") matches too much: such titles must match whole. */
const MIN_PREFIX_LENGTH = 6;

export type SheetHeader = { column: number; text: string };

/**
 * Each field gets the first column whose title is one of its names; failing that, the first whose title starts with
 * one ("Thời hạn giải quyết (ngày làm việc)"), the longest name winning. No column serves two fields.
 */
export function suggestMapping(headers: readonly SheetHeader[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  const assign = (matches: (header: string, name: string) => boolean) => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const names = [...FIELD_HEADERS[field]].sort((a, b) => b.length - a.length);
      const found = headers.find(
        ({ column, text }) => !taken.has(column) && names.some((name) => matches(normalizeHeader(text), name)),
      );
      if (found) {
        mapping[field] = found.column;
        taken.add(found.column);
      }
    }
  };
  assign((header, name) => header === name);
  assign((header, name) => name.length >= MIN_PREFIX_LENGTH && header.startsWith(`${name} `));
  return mapping;
}

/** "A", "Z", "AA": how the spreadsheet names a column. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Problems of the mapping itself, before any row is read. */
export function mappingProblems(mapping: ImportMapping, headers: readonly SheetHeader[]): string[] {
  const problems: string[] = [];
  if (mapping.name === undefined) problems.push(`Chưa chọn cột cho “${IMPORT_FIELD_LABELS.name}”.`);
  const known = new Set(headers.map(({ column }) => column));
  const fieldsByColumn = new Map<number, ImportField[]>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (!known.has(column)) problems.push(`Cột ${columnLetter(column)} chọn cho “${IMPORT_FIELD_LABELS[field]}” không có tiêu đề trong tệp.`);
    fieldsByColumn.set(column, [...(fieldsByColumn.get(column) ?? []), field]);
  }
  for (const [column, fields] of fieldsByColumn) {
    if (fields.length > 1) {
      problems.push(`Cột ${columnLetter(column)} được chọn cho nhiều trường: ${fields.map((field) => `“${IMPORT_FIELD_LABELS[field]}”`).join(', ')}.`);
    }
  }
  return problems;
}

export type CellValue = string | number;
export type RowProblem = { column: string; field: ImportField; message: string };
export type ParsedRow = { rowNumber: number; fields: RegulationFields; problems: RowProblem[] };

type Choice<T extends string> = { values: readonly T[]; words: Record<T, string[]> };

const withoutLevelWord = (label: string) => normalizeHeader(label).replace(/^cap /, '');

const KIND_CHOICE: Choice<RegulationKind> = {
  values: REGULATION_KINDS,
  words: Object.fromEntries(
    REGULATION_KINDS.map((kind) => [kind, [kind, normalizeHeader(LABELS.kind[kind]), normalizeHeader(LABELS.kindShort[kind])]]),
  ) as Record<RegulationKind, string[]>,
};
const CHANGE_CHOICE: Choice<Change> = {
  values: CHANGES,
  words: {
    new: ['new', 'ban hanh moi', 'moi', 'quy dinh moi'],
    amended: ['amended', 'sua doi bo sung', 'sua doi', 'bo sung'],
    replaced: ['replaced', 'thay the'],
    abolished: ['abolished', 'bai bo', 'bai bo huy bo', 'huy bo', 'huy'],
  },
};
const LEVEL_CHOICE: Choice<Level> = {
  values: LEVELS,
  words: Object.fromEntries(
    LEVELS.map((level) => [level, [level, normalizeHeader(LABELS.level[level]), withoutLevelWord(LABELS.level[level])]]),
  ) as Record<Level, string[]>,
};

function parseChoice<T extends string>(text: string, choice: Choice<T>, labels: Record<T, string>): Parsed<T> {
  const normalized = normalizeHeader(text);
  const value = choice.values.find((candidate) => choice.words[candidate].includes(normalized));
  if (value) return { ok: true, value };
  return { ok: false, message: `không nhận ra “${echoed(text.trim())}” (chỉ nhận: ${choice.values.map((candidate) => labels[candidate]).join(', ')})` };
}

const cellText = (cell: CellValue): string => (typeof cell === 'number' ? String(cell) : cell.normalize('NFC').trim());

/** The column's field a problem of the entry schema is about: `name`, or a component (`components.steps.3`). */
function importFieldOf(path: readonly PropertyKey[]): ImportField | undefined {
  const [first, second] = path.map(String);
  const field = first === 'components' ? second : first;
  return (IMPORT_FIELDS as readonly string[]).includes(field ?? '') ? (field as ImportField) : undefined;
}

/** One data row; blank cells leave their field empty, a blank kind or change reads as TTHC, new. */
export function parseRow(rowNumber: number, cells: ReadonlyMap<number, CellValue>, mapping: ImportMapping, headers: readonly SheetHeader[]): ParsedRow {
  const problems: RowProblem[] = [];
  const headerOf = new Map(headers.map(({ column, text }) => [column, text]));
  const columnOf = (field: ImportField) => {
    const column = mapping[field] ?? 0;
    return `${columnLetter(column)} “${echoed(headerOf.get(column) ?? IMPORT_FIELD_LABELS[field])}”`;
  };
  const report = (field: ImportField, message: string) => void problems.push({ column: columnOf(field), field, message });
  const read = (field: ImportField): CellValue | undefined => {
    const column = mapping[field];
    const cell = column === undefined ? undefined : cells.get(column);
    return cell === undefined || cellText(cell) === '' ? undefined : cell;
  };
  const text = (field: ImportField): string | undefined => {
    const cell = read(field);
    return cell === undefined ? undefined : cellText(cell);
  };
  function choice<T extends string>(field: ImportField, options: Choice<T>, labels: Record<T, string>): T | undefined {
    const value = text(field);
    if (value === undefined) return undefined;
    const parsed = parseChoice(value, options, labels);
    if (parsed.ok) return parsed.value;
    report(field, parsed.message);
    return undefined;
  }

  const name = text('name');
  // Without a name column the mapping check says so once, rather than every row.
  if (name === undefined && mapping.name !== undefined) report('name', 'không được để trống');
  const components: Components = {};
  for (const key of LISTED_COMPONENTS) {
    const cell = read(key);
    if (cell === undefined) continue;
    const parsed = parseComponentCell(key, cell);
    if (parsed.ok) Object.assign(components, parsed.value);
    else report(key, parsed.message);
  }
  const fields: RegulationFields = {
    kind: choice('kind', KIND_CHOICE, LABELS.kindShort) ?? 'tthc',
    change: choice('change', CHANGE_CHOICE, LABELS.change) ?? 'new',
    name: name ?? '',
    nationalCode: text('nationalCode'),
    article: text('article'),
    field: text('field'),
    level: choice('level', LEVEL_CHOICE, LABELS.level),
    components,
  };
  // What a row brings is entered as if typed: the same limits and text rules, each named by its column.
  const entry = regulationEntrySchema.safeParse(fields);
  if (!entry.success) {
    const reported = new Set(problems.map((problem) => problem.field));
    for (const issue of entry.error.issues) {
      const field = importFieldOf(issue.path);
      if (field && mapping[field] !== undefined && !reported.has(field)) {
        report(field, issue.message);
        reported.add(field);
      }
    }
  }
  // In the order of the sheet's columns, as the officer reads the row.
  problems.sort((a, b) => (mapping[a.field] ?? 0) - (mapping[b.field] ?? 0));
  return { rowNumber, fields, problems };
}
