// A processing time limit as the law states it: a number of working days («ngày làm việc») or of calendar days
// («ngày»). Every comparison of two time limits, and every sum of them, goes through working days.
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { foldVietnamese } from './textFold';
import type { TimeLimitUnit } from './vocabulary';

export type TimeLimit = { days: number; unit: TimeLimitUnit };

/**
 * Working days in a calendar day: DOMAIN.md's month of 22 working days (the one the cost model divides monthly income
 * by) over the calendar's average month of 365/12 days, ≈ 0,7233. Taken rather than 5/7 because it already counts the
 * public holidays a five-day week does not, and it is the same month the hourly income is worked out from, so time and
 * money are read on one calendar.
 */
export const WORKING_DAYS_PER_CALENDAR_DAY = 22 / (365 / 12);

/** A time limit in working days, the unit every comparison and total is made in. */
export function inWorkingDays(limit: TimeLimit): number {
  return limit.unit === 'working' ? limit.days : limit.days * WORKING_DAYS_PER_CALENDAR_DAY;
}

/**
 * The time limit a component list (or a regulation's baseline) states, in its own unit: working days when it names
 * none, which is what every record kept before the unit existed meant (dossier versions 1 and 1.1).
 */
export function timeLimitOf(holder: { timeLimitDays?: number | undefined; timeLimitUnit?: TimeLimitUnit | undefined } | undefined): TimeLimit | undefined {
  if (holder?.timeLimitDays === undefined) return undefined;
  return { days: holder.timeLimitDays, unit: holder.timeLimitUnit ?? 'working' };
}

/** Whether time limit `a` is longer than `b`, whatever units they are in. */
export function isLongerThan(a: TimeLimit, b: TimeLimit): boolean {
  return a.unit === b.unit ? a.days > b.days : inWorkingDays(a) > inWorkingDays(b);
}

/** The unit a published time limit is counted in, from its text: "05 ngày làm việc" or "15 ngày kể từ…". */
export function unitOfText(text: string | undefined): TimeLimitUnit {
  if (!text) return 'working';
  const words = foldVietnamese(text.normalize('NFC')).replace(/\s+/g, ' ');
  return /\bngay lam viec\b/.test(words) || !/\b\d+\s*ngay\b/.test(words) ? 'working' : 'calendar';
}

/** The unit as printed after the number of days in a Vietnamese document. */
export const TIME_LIMIT_UNIT_WORDS: Readonly<Record<TimeLimitUnit, string>> = vocabularyMessages.vi.timeLimitUnit;
