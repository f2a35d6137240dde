import { DateInput, DatesProvider, MonthPickerInput, type DateInputProps, type MonthPickerInputProps } from '@mantine/dates';
import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, readTypedDate } from '../../../shared/i18n/format';
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
  /** Told when a typed text is refused (its message) and when it no longer is (null): a form can wait for a day. */
  onTypedProblem?: (problem: string | null) => void;
};

/**
 * A typed or picked day, shown dd/mm/yyyy in both languages (the English UI is British: day first too). A text that
 * is no day stays as typed with a message under it, and the value is '' meanwhile: the form sees no date rather than
 * the one the field held before, which the officer meant to replace.
 */
export function IsoDateInput({ value, onChange, onTypedProblem, error, ...rest }: IsoDateInputProps) {
  const { t } = useTranslation();
  const [typedProblem, setProblem] = useState<string | null>(null);
  const setTypedProblem = (problem: string | null) => {
    setProblem(problem);
    onTypedProblem?.(problem);
  };
  /** `finished`: the officer left the field; while typing, only a text that can no longer become a day is refused. */
  const readTyped = (text: string, finished: boolean) => {
    const read = readTypedDate(text);
    if ('date' in read || read.problem === 'blank') {
      setTypedProblem(null);
      if (!('date' in read)) onChange('');
      return;
    }
    onChange('');
    const settled = finished || /[^\d\s/.-]/.test(text) || /\d{4}\s*$/.test(text);
    setTypedProblem(settled ? t(read.problem === 'impossible' ? 'dates.impossible' : 'dates.unreadable', { typed: text.trim() }) : null);
  };
  return (
    <DateInput
      {...useCalendarLabels()}
      placeholder={t('dates.dayPlaceholder')}
      valueFormat="DD/MM/YYYY"
      monthLabelFormat="MM/YYYY"
      dateParser={(typed) => parseTypedDate(typed) ?? null}
      // The text stays as typed on leaving the field: putting the previous day back would say yes to what was refused.
      fixOnBlur={false}
      value={value === '' ? null : value}
      onChange={(picked) => {
        setTypedProblem(null);
        onChange(picked ? picked.slice(0, 10) : '');
      }}
      onInput={(event) => readTyped(event.currentTarget.value, false)}
      onBlur={(event) => readTyped(event.currentTarget.value, true)}
      error={typedProblem ?? error}
      // The calendar would cover the message: it closes while the typed text is refused.
      popoverProps={typedProblem ? { opened: false } : undefined}
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
