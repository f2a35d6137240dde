// Number and date formatting for every user-visible figure: Vietnamese first (1.059; 1.245.454,55 đ; 62,5%;
// 05/02/2024), English where a screen is shown in English. Built on Intl for grouping and rounding, with the
// unit suffixes written here so that a CLDR update cannot change the spacing of official text.

export type Locale = 'vi' | 'en';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const MONEY_UNIT: Record<Locale, string> = { vi: 'đ', en: 'VND' };

// Building an Intl.NumberFormat costs far more than formatting with one: a 100.000-row export formats millions of
// figures, so each locale and option set is built once and kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options.style ?? ''}|${options.minimumFractionDigits ?? ''}|${options.maximumFractionDigits ?? ''}`;
  let known = numberFormats.get(key);
  if (!known) {
    known = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, known);
  }
  return known;
}

function formatNumber(value: number, locale: Locale, minimumFractionDigits: number, maximumFractionDigits: number): string {
  return numberFormat(locale, { minimumFractionDigits, maximumFractionDigits }).format(value);
}

/** 1059 → "1.059" (rounded to a whole number). */
export function formatInteger(value: number, locale: Locale = 'vi'): string {
  return formatNumber(value, locale, 0, 0);
}

/** Exactly `digits` decimals: (1245454.545, 2) → "1.245.454,55". */
export function formatDecimal(value: number, digits: number, locale: Locale = 'vi'): string {
  return formatNumber(value, locale, digits, digits);
}

/** Đồng with cents only when there are any: "1.245.454,55 đ", "500.000 đ". */
export function formatMoney(value: number, locale: Locale = 'vi'): string {
  const hasCents = Math.round(Math.abs(value) * 100) % 100 !== 0;
  return `${formatDecimal(value, hasCents ? 2 : 0, locale)} ${MONEY_UNIT[locale]}`;
}

/** A yearly amount, rounded to the đồng: a cost per year is an estimate, and cents in it only suggest a precision it does not have. */
export function formatWholeMoney(value: number, locale: Locale = 'vi'): string {
  // `|| 0` turns the -0 of a tiny negative difference into 0, which Intl would print as "-0".
  return `${formatInteger(Math.round(value) || 0, locale)} ${MONEY_UNIT[locale]}`;
}

/** A share (0.625) as a percentage with up to `maximumDigits` decimals, trailing zeros dropped: "62,5%". */
export function formatPercent(share: number, locale: Locale = 'vi', maximumDigits = 2): string {
  // Intl scales percent in decimal arithmetic, which avoids 0.3394 × 100 = 33.940000000000005.
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: maximumDigits })
    .formatToParts(share)
    .filter((part) => part.type !== 'percentSign' && part.type !== 'literal')
    .map((part) => part.value)
    .join('');
  return `${percent}%`;
}

/** Counts in VPCP's reports carry a leading zero below ten: 1 → "01", 23 → "23", 1059 → "1.059". */
export function formatTwoDigitCount(count: number, locale: Locale = 'vi'): string {
  return count >= 0 && count < 10 ? `0${formatInteger(count, locale)}` : formatInteger(count, locale);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(isoDate: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Ngày không đúng dạng YYYY-MM-DD: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** '2024-02-05' → "05/02/2024" (vi) or "5 February 2024" (en). */
export function formatDate(isoDate: string, locale: Locale = 'vi'): string {
  const { year, month, day } = dateParts(isoDate);
  return locale === 'vi' ? `${pad2(day)}/${pad2(month)}/${year}` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** The short Vietnamese date, for callers that never switch locale. */
export const formatDateVi = (isoDate: string): string => formatDate(isoDate, 'vi');

/**
 * The place-and-date line of an official letter. Nghị định 30/2020, Phụ lục I: days below 10 and the months
 * 1 and 2 take a leading zero (so that nobody can turn "tháng 1" into "tháng 11"); other months do not.
 */
export function formatLetterDate(isoDate: string, place: string, locale: Locale = 'vi'): string {
  const { year, month, day } = dateParts(isoDate);
  if (locale === 'en') return `${place}, ${day} ${EN_MONTHS[month - 1]} ${year}`;
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

const TYPED_DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * What an officer types into a date field, read day first as Vietnamese and British writers do — "12/01/2026" is
 * 12 January, whatever the browser's locale — as YYYY-MM-DD; an ISO date is accepted as it is. Undefined for
 * anything that is not a real calendar day (31/02/2024).
 */
export function parseTypedDate(text: string): string | undefined {
  const read = readTypedDate(text);
  return 'date' in read ? read.date : undefined;
}

/**
 * The same reading, saying why a text is no date: `unreadable` when it is not written as a day at all, `impossible`
 * when it is (31/02/2024) but the calendar has no such day. A blank text is `blank`.
 */
export function readTypedDate(text: string): { date: string } | { problem: 'blank' | 'unreadable' | 'impossible' } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'blank' };
  const iso = ISO_DATE.exec(trimmed);
  const typed = iso ? undefined : TYPED_DAY_MONTH_YEAR.exec(trimmed);
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : typed
      ? { year: Number(typed[3]), month: Number(typed[2]), day: Number(typed[1]) }
      : undefined;
  if (!parts) return { problem: 'unreadable' };
  const { year, month, day } = parts;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const real = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return real ? { date: `${year}-${pad2(month)}-${pad2(day)}` } : { problem: 'impossible' };
}
