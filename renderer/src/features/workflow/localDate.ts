/** Today in the officer's own time zone, as YYYY-MM-DD (toISOString would give the UTC date, a day off before 7:00 in Vietnam). */
export function todayLocal(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
