import { useTranslation } from 'react-i18next';
import { formatDate, formatDecimal, formatInteger, formatMoney, formatPercent, formatWholeMoney, type Locale } from '../../../shared/i18n/format';

/** The shared Vietnamese-first formatters, bound to the language the UI is shown in. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';
  return {
    money: (value: number) => formatMoney(value, locale),
    /** Amounts per year, rounded to the đồng. */
    wholeMoney: (value: number) => formatWholeMoney(value, locale),
    percent: (share: number) => formatPercent(share, locale),
    integer: (value: number) => formatInteger(value, locale),
    decimal: (value: number, digits: number) => formatDecimal(value, digits, locale),
    date: (isoDate: string) => formatDate(isoDate, locale),
    locale,
  };
}
