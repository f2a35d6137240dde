// Number and date formatting for every user-visible figure: Vietnamese first (1.059; 1.245.454,55 đ; 62,5%;
// 05/02/2024), English where a screen is shown in English. Built on Intl for grouping and rounding, with the
// unit suffixes written here so that a CLDR update cannot change the spacing of official text.

export type Locale = 'vi' | 'en';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const MONEY_UNIT: Record<Locale, string> = { vi: 'đ', en: 'VND' };
/** The unit as an official form writes it out: «1.200.000 đồng» (the assessment form, the publication decision). */
const MONEY_WORD: Record<Locale, string> = { vi: 'đồng', en: 'VND' };

/** «đ» on screens, in tables and reports; «đồng» where a form writes the word. */
export type MoneyUnit = 'short' | 'word';
const moneyUnit = (locale: Locale, unit: MoneyUnit): string => (unit === 'word' ? MONEY_WORD : MONEY_UNIT)[locale];

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

/**
 * Money to the whole đồng, on screen and on paper alike: "1.245.455 đ". Cents live only inside the computation — a
 * cost is an estimate, and cents in it would suggest a precision it does not have (and a figure printed with cents
 * on one surface and without on another reads as two figures).
 */
export function formatMoney(value: number, locale: Locale = 'vi', unit: MoneyUnit = 'short'): string {
  // `|| 0` turns the -0 of a tiny negative difference into 0, which Intl would print as "-0".
  return `${formatInteger(Math.round(value) || 0, locale)} ${moneyUnit(locale, unit)}`;
}

/**
 * An amount as the officer entered it (a fee in a component, a figure in a round's diff): with its cents when it has
 * any, so that text carrying data (a spreadsheet cell, a diff line) reads back exactly. Computed figures use formatMoney.
 */
export function formatEnteredMoney(value: number, locale: Locale = 'vi', unit: MoneyUnit = 'short'): string {
  const hasCents = Math.round(Math.abs(value) * 100) % 100 !== 0;
  return `${formatDecimal(value, hasCents ? 2 : 0, locale)} ${moneyUnit(locale, unit)}`;
}

const BILLION = 1_000_000_000;

/**
 * Money as VPCP's reports write it: "845.454.545 đồng" below a billion, from a billion on in billions with two
 * decimals always ("171,27 tỷ đồng", "1.144,00 tỷ đồng"), so that two amounts side by side read at one precision.
 */
export function formatReportMoney(value: number, locale: Locale = 'vi'): string {
  const rounded = Math.round(value) || 0;
  if (Math.abs(rounded) >= BILLION) return `${formatDecimal(rounded / BILLION, 2, locale)} ${locale === 'vi' ? 'tỷ đồng' : 'billion VND'}`;
  return `${formatInteger(rounded, locale)} ${locale === 'vi' ? 'đồng' : 'VND'}`;
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

// Twelve significant digits hold every share a person types or a program sets, and drop the binary residue of the
// scaling (0.07 × 100 = 7.000000000000001).
const DECIMAL_DIGITS = 12;
const decimalSafe = (value: number): number => Number(value.toPrecision(DECIMAL_DIGITS));

/** A share as the number a percent field shows: 0.07 → 7 (not 7.000000000000001). */
export function percentOfShare(share: number): number {
  return decimalSafe(share * 100);
}

/** What a percent field holds, as a share: 7 → 0.07. */
export function shareOfPercent(percent: number): number {
  return decimalSafe(percent / 100);
}

/** The necessity score (0–100) as every surface shows it: a whole number, halves rounded up (87,5 → 88). */
export function roundedScore(score: number): number {
  return Math.round(score);
}

/** The necessity score as text, the same on screen, in the DOCX and in the XLSX: "88", "100". */
export function formatScore(score: number, locale: Locale = 'vi'): string {
  return formatInteger(roundedScore(score), locale);
}

/**
 * The decimals a number of days is printed with: none when it is whole to a tenth, else one — «15», «7,5» — on
 * every surface (a time limit, a report's total, the dashboard, a spreadsheet cell's format).
 */
export function dayDigits(days: number): 0 | 1 {
  return Number.isInteger(Math.round(days * 10) / 10) ? 0 : 1;
}

/** A number of days as every surface prints it: «15», «7,5», «1.234» (dayDigits). */
export function formatDays(days: number, locale: Locale = 'vi'): string {
  return formatDecimal(days, dayDigits(days), locale);
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
  if (locale === 'en') {
    const { year, month, day } = dateParts(isoDate);
    return `${place}, ${day} ${EN_MONTHS[month - 1]} ${year}`;
  }
  return `${place}, ngày ${formatLongDate(isoDate)}`;
}

/** "15 tháng 01 năm 2024": a date in a letter's sentence, with the place line's leading zeros (Nghị định 30/2020). */
export function formatLongDate(isoDate: string): string {
  const { year, month, day } = dateParts(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${pad2(day)} tháng ${monthText} năm ${year}`;
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
