import { useTranslation } from 'react-i18next';

/** A moment as the officer reads it: 02/12/2026 09:05 (local time). */
export function useMoment(): (iso: string) => string {
  const { i18n } = useTranslation();
  const formatter = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (iso) => formatter.format(new Date(iso));
}
