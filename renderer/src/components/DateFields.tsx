import { DateInput, DatesProvider, MonthPickerInput, type DateInputProps, type MonthPickerInputProps } from '@mantine/dates';
import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../../shared/i18n/format';
import { useFormatters } from './useFormatters';

// Date and month fields that read and write the app's own formats (dd/mm/yyyy, "Tháng 11/2023") rather than the
// browser's: a native <input type="date"> follows the operating system's locale and showed 12/01/2026 month first.
// Values stay ISO strings ('2026-01-12', '2023-11'), as the contract stores them.

/** Calendars in the UI's language, weeks from Monday as Vietnamese calendars print them. */
export function AppDatesProvider({ children }: { children: ReactNode }) {
  const { locale } = useFormatters();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** The calendar's own buttons, named for screen readers in the UI's language. */
function useCalendarLabels() {
  const { t } = useTranslation();
  return {
    nextLabel: t('dates.next'),
    previousLabel: t('dates.previous'),
    ariaLabels: {
      nextMonth: t('dates.nextMonth'),
      previousMonth: t('dates.previousMonth'),
      nextYear: t('dates.nextYear'),
      previousYear: t('dates.previousYear'),
      nextDecade: t('dates.nextDecade'),
      previousDecade: t('dates.previousDecade'),
    },
  };
}

type IsoDateInputProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'> & {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (isoDate: string) => void;
};

/** A typed or picked day, shown dd/mm/yyyy in both languages (the English UI is British: day first too). */
export function IsoDateInput({ value, onChange, ...rest }: IsoDateInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      {...useCalendarLabels()}
      placeholder={t('dates.dayPlaceholder')}
      valueFormat="DD/MM/YYYY"
      monthLabelFormat="MM/YYYY"
      dateParser={(typed) => parseTypedDate(typed) ?? null}
      value={value === '' ? null : value}
      onChange={(picked) => onChange(picked ? picked.slice(0, 10) : '')}
      {...rest}
    />
  );
}

type IsoMonthInputProps = Omit<MonthPickerInputProps, 'value' | 'onChange' | 'valueFormat' | 'type' | 'defaultValue'> & {
  /** YYYY-MM, or '' for none. */
  value: string;
  onChange: (isoMonth: string) => void;
};

/** A month picked from a calendar: "Tháng 11/2023" in Vietnamese, "November 2023" in English. */
export function IsoMonthInput({ value, onChange, ...rest }: IsoMonthInputProps) {
  const { locale } = useFormatters();
  // The calendar opens as a dialog labelled by its field (aria-labelledby = the popover's id): the popover and the
  // field must share one id, or the dialog's label points at nothing and screen readers announce an unnamed dialog.
  const fieldId = useId();
  return (
    <MonthPickerInput
      {...useCalendarLabels()}
      id={fieldId}
      popoverProps={{ id: fieldId }}
      valueFormat={locale === 'vi' ? '[Tháng] MM/YYYY' : 'MMMM YYYY'}
      monthsListFormat={locale === 'vi' ? '[Tháng] M' : 'MMM'}
      value={value === '' ? null : `${value}-01`}
      onChange={(picked) => onChange(picked ? picked.slice(0, 7) : '')}
      // Each month's name starts with what the button shows ("Tháng 11" → "Tháng 11/2023"), for speech and voice control.
      getMonthControlProps={(month) => ({ 'aria-label': locale === 'vi' ? dayjs(month).format('[Tháng] M/YYYY') : dayjs(month).locale('en').format('MMM YYYY') })}
      {...rest}
    />
  );
}
