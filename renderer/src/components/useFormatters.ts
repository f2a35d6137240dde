import { useTranslation } from 'react-i18next';
import { formatDate, formatDays, formatDecimal, formatInteger, formatMoney, formatPercent, formatScore, type Locale } from '../../../shared/i18n/format';

/** The shared Vietnamese-first formatters, bound to the language the UI is shown in (one precision per kind of figure). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';
  return {
    /** To the whole đồng. */
    money: (value: number) => formatMoney(value, locale),
    percent: (share: number) => formatPercent(share, locale),
    score: (score: number) => formatScore(score, locale),
    integer: (value: number) => formatInteger(value, locale),
    /** A number of days: whole, or to a tenth («7,5»). */
    days: (value: number) => formatDays(value, locale),
    decimal: (value: number, digits: number) => formatDecimal(value, digits, locale),
    date: (isoDate: string) => formatDate(isoDate, locale),
    locale,
  };
}
