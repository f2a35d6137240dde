const pad2 = (value: number): string => String(value).padStart(2, '0');

/** The officer's calendar day (the machine's time zone), not UTC's: an assessment finished at 06:30 in Hà Nội is dated that day. */
export function localDate(instant: string): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}
