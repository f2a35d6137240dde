// The period the report and the dashboard open on: the one chosen last time (kept in this browser's local settings),
// else the month of the latest figures in the database rather than an empty current month.
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { api } from '../../apiClient';

const MONTH = /^\d{4}-\d{2}$/;

/** Reads a remembered value, or undefined when there is none or it no longer fits `schema`. */
export function readRemembered<T>(key: string, schema: z.ZodType<T>): T | undefined {
  try {
    const stored = localStorage.getItem(key);
    const parsed = stored === null ? undefined : schema.safeParse(JSON.parse(stored));
    return parsed?.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Kept when the officer chooses (not when the page opens on the latest figures), for the next visit. */
export function remember(key: string, value: unknown): void {
  localStorage.setItem(key, JSON.stringify(value));
}

/** Calls `open` with the month ("2023-11") of the latest figures once, when nothing was remembered. */
export function useLatestMonth(remembered: boolean, open: (month: string) => void): void {
  const opened = useRef(remembered);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    void api.latestActivity({}).then(({ date }) => {
      const month = date?.slice(0, 7);
      if (month && MONTH.test(month)) open(month);
    });
    // Once per mount: `open` is a state setter of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
