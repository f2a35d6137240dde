// Figures placed into translated messages ("{{count, integer}} kết quả") go through the same formatters as the rest
// of the UI, so that a count reads "1.219 kết quả" in Vietnamese whatever the browser's own locale is.
import { formatInteger, formatMoney, type Locale } from './format';

const localeOf = (language: string | undefined): Locale => (language === 'en' ? 'en' : 'vi');

/** The named formats messages may use after a placeholder, registered with i18next's formatter. */
export const MESSAGE_FORMATS = {
  integer: (value: unknown, language: string | undefined): string => (typeof value === 'number' ? formatInteger(value, localeOf(language)) : String(value)),
  money: (value: unknown, language: string | undefined): string => (typeof value === 'number' ? formatMoney(value, localeOf(language)) : String(value)),
} as const;

/**
 * Placeholders that always carry a count in this catalogue: each must be written `{{name, integer}}`.
 * Years ("năm {{year}}") and numbers ("Bước {{number}}", "#{{seq}}") are not counts and keep their digits bare.
 */
export const COUNT_PLACEHOLDERS = [
  'count',
  'total',
  'days',
  'answered',
  'valid',
  'rows',
  'columns',
  'regulations',
  'drafts',
  'opinions',
  'events',
  'added',
  'updated',
  'unchanged',
] as const;
