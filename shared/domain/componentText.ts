// The components of a regulation as text, one item per line, and back: how documents print them and how spreadsheet
// cells carry them. Writing and reading live together so that an exported list imports back unchanged.
import { echoed } from '../contract/errors';
import { ENTRY_LIMITS } from '../contract/entrySchemas';
import { formatDecimal, formatEnteredMoney, formatInteger, formatTwoDigitCount } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import type { Components, MethodTerms } from './dossier';
import { foldVietnamese } from './textFold';
import { copiesText, parseCopiesText } from './dossierItems';
import { feesDeclared, termsPerMethod } from './methodTerms';
import { TIME_LIMIT_UNIT_WORDS, timeLimitOf, type TimeLimit } from './timeLimits';
import { FILING_METHODS, type ComponentKey, type FilingMethod } from './vocabulary';

const LABELS = vocabularyMessages.vi;

/** Every component but the name, which is the regulation's own field. */
export type ListedComponentKey = Exclude<ComponentKey, 'name'>;

/**
 * How the lines write figures: on screens and in spreadsheet cells «5 ngày», «25.000 đ»; in an official form, as its
 * other counts («01 bản», «05 năm»), «05 ngày làm việc» and «25.000 đồng».
 */
export type LineStyle = 'screen' | 'form';

/** Days may be halves ("0,5 ngày"); whole days print without decimals, below ten with a leading zero in a form. */
const formatDays = (days: number, style: LineStyle = 'screen'): string =>
  Number.isInteger(days) ? (style === 'form' ? formatTwoDigitCount(days) : formatInteger(days)) : formatDecimal(days, 1);

const money = (amount: number, style: LineStyle): string => formatEnteredMoney(amount, 'vi', style === 'form' ? 'word' : 'short');

/** A time limit as the law writes it: «15 ngày», «05 ngày làm việc» (in a form; «5 ngày làm việc» on a screen). */
export function timeLimitText(limit: TimeLimit, style: LineStyle = 'screen'): string {
  return `${formatDays(limit.days, style)} ${TIME_LIMIT_UNIT_WORDS[limit.unit]}`;
}

/**
 * Each filing method, followed by what is its own where it differs from the procedure's: «Trực tuyến: 10 ngày làm
 * việc; 25.000 đ». A method with the procedure's time limit and fees (every record carried over by migration 0310)
 * prints as its name alone, as it always did.
 */
function methodLines(components: Components, style: LineStyle): string[] {
  const general = timeLimitOf(components);
  const generalFee = feesDeclared(components);
  return termsPerMethod(components).map(({ method, timeLimit, fee, ownTimeLimit, ownFee }) => {
    const ownLimit = ownTimeLimit && timeLimit && (general?.days !== timeLimit.days || general.unit !== timeLimit.unit) ? [timeLimitText(timeLimit, style)] : [];
    const own = [...ownLimit, ...(ownFee && fee !== generalFee ? [money(fee, style)] : [])];
    return own.length === 0 ? LABELS.method[method] : `${LABELS.method[method]}: ${own.join('; ')}`;
  });
}

/** The component as printed lines; empty when the regulation does not set it. */
export function componentLines(components: Components, key: ListedComponentKey, style: LineStyle = 'screen'): string[] {
  switch (key) {
    case 'methods':
      return methodLines(components, style);
    case 'dossier':
      return (components.dossier ?? []).map((entry) => `${entry.item} (${copiesText(entry)})`);
    case 'timeLimitDays':
      return components.timeLimitDays === undefined ? [] : [timeLimitText({ days: components.timeLimitDays, unit: components.timeLimitUnit ?? 'working' }, style)];
    case 'fees':
      return (components.fees ?? []).map(({ name, amount }) => `${name}: ${money(amount, style)}`);
    case 'agency':
    case 'result': {
      const text = components[key]?.trim();
      return text ? [text] : [];
    }
    case 'subjects':
      // A suggested subject stored as its code ("citizen") prints as its label ("Cá nhân").
      return (components.subjects ?? []).map((subject) => SUBJECT_LABELS[subject] ?? subject);
    case 'steps':
    case 'forms':
    case 'conditions':
      return components[key] ?? [];
  }
}

/** The UI stores the label it offers; dossiers from elsewhere may carry the code of EXCHANGE.md ("business"). */
const SUBJECT_LABELS: Readonly<Record<string, string>> = LABELS.subject;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number written the Vietnamese way ("1.245.454,55", "05") or plainly ("1245454.55"); null when it is not one. */
export function parseVietnameseNumber(text: string): number | null {
  const compact = text.trim().replace(/\s+/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact) || /^\d+,\d+$/.test(compact)) {
    return Number(compact.replace(/\./g, '').replace(',', '.'));
  }
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : null;
}

/** Bullets and numbering typed in front of list lines ("- ", "+ ", "• ", "1. ", "2) ") are the layout's job. */
const LIST_MARKER = /^(?:[-+•*–]\s*|\d{1,3}[.)]\s+)/u;

/** One item per non-empty line, without the list markers people type. */
export function cellLines(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(LIST_MARKER, '').trim())
    .filter((line) => line.length > 0);
}

const METHOD_WORDS: Record<FilingMethod, string[]> = {
  in_person: ['truc tiep', 'in person', 'in_person'],
  post: ['qua buu chinh', 'buu chinh', 'buu dien', 'post'],
  online: ['truc tuyen', 'online', 'qua mang', 'dich vu cong truc tuyen'],
};

/** «Trực tuyến», or «Trực tuyến: 10 ngày làm việc; 25.000 đồng» with the method's own time limit and fee. */
const METHOD_WITH_TERMS = /^([^:]+):(.*)$/su;

function parseMethodTerms(method: FilingMethod, text: string): Parsed<MethodTerms> {
  const terms: MethodTerms = { method };
  for (const part of text.split(';').map((segment) => segment.trim()).filter(Boolean)) {
    const limit = /ngày/iu.test(part) ? parseTimeLimit(part, ENTRY_LIMITS.timeLimitDays.max) : undefined;
    if (limit?.ok) {
      terms.timeLimitDays = limit.value.days;
      if (limit.value.unit === 'calendar') terms.timeLimitUnit = 'calendar';
      continue;
    }
    if (limit) return { ok: false, message: `cách thức “${LABELS.method[method]}”: ${limit.message}` };
    const fee = FREE_OF_CHARGE.includes(foldVietnamese(part).replace(/\.$/, '').trim()) ? 0 : parseVietnameseNumber(part.replace(/\s*(?:đồng|đ|vnđ|vnd)\.?$/iu, ''));
    if (fee === null) {
      return { ok: false, message: `cách thức “${LABELS.method[method]}”: không hiểu “${echoed(part)}”; ghi thời hạn và phí, ví dụ “${LABELS.method[method]}: 10 ngày làm việc; 25.000 đồng”` };
    }
    terms.fee = fee;
  }
  return { ok: true, value: terms };
}

function parseMethods(text: string): Parsed<Pick<Components, 'methods' | 'methodTerms'>> {
  const methods: FilingMethod[] = [];
  const methodTerms: MethodTerms[] = [];
  // A line with terms is one method; lines without are lists of names, as before («Trực tiếp, trực tuyến»).
  const entries = text.split(/\n+/).flatMap((line) => (METHOD_WITH_TERMS.test(line) ? [line] : line.split(/[;,]+/)));
  for (const entry of entries.map((part) => part.trim()).filter(Boolean)) {
    const [, name = entry, termsText] = METHOD_WITH_TERMS.exec(entry) ?? [];
    const folded = foldVietnamese(name.replace(LIST_MARKER, '')).trim();
    const method = FILING_METHODS.find((candidate) => METHOD_WORDS[candidate].includes(folded));
    if (!method) {
      const known = FILING_METHODS.map((candidate) => LABELS.method[candidate]).join(', ');
      return { ok: false, message: `không nhận ra cách thức “${echoed(name.trim())}” (chỉ nhận: ${known})` };
    }
    if (!methods.includes(method)) methods.push(method);
    if (termsText === undefined) continue;
    const terms = parseMethodTerms(method, termsText);
    if (!terms.ok) return terms;
    if (terms.value.timeLimitDays !== undefined || terms.value.fee !== undefined) methodTerms.push(terms.value);
  }
  return { ok: true, value: { methods, ...(methodTerms.length > 0 ? { methodTerms } : {}) } };
}

/** "Tờ khai (02 bản)", "Tờ khai - 2 bản", or just "Tờ khai" for one copy. */
function parseDossier(text: string): Parsed<NonNullable<Components['dossier']>> {
  return {
    ok: true,
    value: cellLines(text).map((line) => {
      // As componentLines writes it, «Tờ khai (01 bản chính, 01 bản sao)»: the count with its kinds (dossierItems.ts).
      const written = /^(.*?)\s*\(([^()]*)\)[.;]?$/u.exec(line);
      const counted = written?.[1] ? parseCopiesText(written[2]!) : null;
      if (written?.[1] && counted) return { item: written[1].trim(), ...counted };
      const match = /^(.*?)[\s,:;–-]*\(?\s*(\d{1,3})\s*(?:bản|bộ)[^()]*\)?[.;]?$/u.exec(line);
      return match?.[1] ? { item: match[1].trim(), copies: Number(match[2]) } : { item: line.replace(/[.;]$/u, ''), copies: 1 };
    }),
  };
}

/** A number of days as people write it: "5", "05 ngày", "5 ngày làm việc", a half as "0,5" (or "0.5"). */
const DAYS_TEXT = /^(\d{1,6})(?:[,.](\d{1,3}))?(?:\s*(ngày)(\s+làm\s+việc)?)?\.?$/iu;
/** Other units: a time limit is counted in days, and a month is not a fixed number of them. */
const OTHER_UNIT = /\d\s*(tháng|tuần|năm|giờ|phút)/iu;

/**
 * A time limit with its unit, as the law writes it: «15 ngày» is calendar days, «15 ngày làm việc» working days, a
 * bare number (or a number cell) working days as every record before the unit meant; a whole number of days or a half,
 * which procedures do set. "-3", "1e308", "0x10" or "2 tháng" are refused with a message, never read as the first
 * digits found in them.
 */
export function parseTimeLimit(cell: string | number, max: number): Parsed<TimeLimit> {
  let days: number;
  let unit: TimeLimit['unit'] = 'working';
  if (typeof cell === 'number') days = cell;
  else {
    const text = cell.normalize('NFC').trim();
    const match = DAYS_TEXT.exec(text);
    if (!match) {
      const other = OTHER_UNIT.exec(text)?.[1];
      return {
        ok: false,
        message: other
          ? `thời hạn ghi theo ngày; “${echoed(text)}” tính bằng ${other.toLocaleLowerCase('vi')}, hãy đổi ra số ngày hoặc số ngày làm việc`
          : `“${echoed(text)}” không phải thời hạn; hãy ghi một số ngày, ví dụ “15 ngày” hoặc “05 ngày làm việc”`,
      };
    }
    days = Number(`${match[1]}.${match[2] ?? '0'}`);
    if (match[3] && !match[4]) unit = 'calendar';
  }
  if (!Number.isFinite(days)) return { ok: false, message: 'phải là một số hữu hạn' };
  if (days < 0) return { ok: false, message: 'không được âm' };
  if (days > max) return { ok: false, message: `không quá ${formatInteger(max)} ngày` };
  if (!Number.isInteger(days * 2)) return { ok: false, message: `“${String(days).replace('.', ',')}” không phải số ngày nguyên hay nửa ngày (0,5)` };
  return { ok: true, value: { days, unit } };
}

const FREE_OF_CHARGE = ['mien phi', 'khong thu', 'khong'];

/** A fee column holding only amounts (a number cell, or "50.000 đ") names each fee after the component. */
const UNNAMED_FEE = LABELS.component.fees;

/** "Lệ phí cấp giấy phép: 200.000 đồng": the amount is the last number on the line. */
function parseFees(cell: string | number): Parsed<NonNullable<Components['fees']>> {
  if (typeof cell === 'number') {
    return cell >= 0 ? { ok: true, value: [{ name: UNNAMED_FEE, amount: cell }] } : { ok: false, message: 'mức thu không được âm' };
  }
  const fees: NonNullable<Components['fees']> = [];
  for (const line of cellLines(cell)) {
    const match = /^(.*?)[\s:–-]*(\d[\d.,\s]*)\s*(?:đồng|đ|vnđ|vnd)?\.?$/iu.exec(line);
    const amount = match?.[2] === undefined ? null : parseVietnameseNumber(match[2]);
    const name = (match?.[1] ?? '').trim();
    if (amount !== null) {
      fees.push({ name: name || UNNAMED_FEE, amount });
      continue;
    }
    const [label, rest = ''] = line.split(/:(.*)/s);
    if (label && FREE_OF_CHARGE.includes(foldVietnamese(rest).trim().replace(/\.$/, ''))) {
      fees.push({ name: label.trim(), amount: 0 });
      continue;
    }
    return { ok: false, message: `dòng “${echoed(line)}”: cần ghi tên và mức thu, ví dụ “Lệ phí: 50.000 đồng”` };
  }
  return { ok: true, value: fees };
}

/**
 * Reads one spreadsheet cell into the fields of its component: the component itself, and what the cell also says —
 * a time limit's unit («15 ngày»), a method's own time limit and fee. Blank cells never reach here.
 */
export function parseComponentCell(key: ListedComponentKey, cell: string | number): Parsed<Partial<Components>> {
  const text = typeof cell === 'number' ? String(cell) : cell;
  const as = <K extends ListedComponentKey>(component: K, parsed: Parsed<Components[K]>): Parsed<Partial<Components>> =>
    parsed.ok ? { ok: true, value: { [component]: parsed.value } } : parsed;
  switch (key) {
    case 'methods':
      return parseMethods(text);
    case 'dossier':
      return as(key, parseDossier(text));
    case 'timeLimitDays': {
      const limit = parseTimeLimit(cell, ENTRY_LIMITS.timeLimitDays.max);
      if (!limit.ok) return limit;
      return { ok: true, value: { timeLimitDays: limit.value.days, ...(limit.value.unit === 'calendar' ? { timeLimitUnit: 'calendar' as const } : {}) } };
    }
    case 'fees':
      return as(key, parseFees(cell));
    case 'agency':
    case 'result':
      return as(key, { ok: true, value: text.normalize('NFC').trim() });
    case 'steps':
    case 'subjects':
    case 'forms':
    case 'conditions':
      return as(key, { ok: true, value: cellLines(text) });
  }
}
