// Dates and times beside a signature, in Vietnam's time whatever the machine's zone; kept apart from the certificate
// code so the command line can print them without loading the cryptography libraries.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (value: number): string => String(value).padStart(2, '0');

/** dd/mm/yyyy in Vietnam's time (UTC+7), whatever the machine's zone. */
export function formatVietnameseDate(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** ISO 8601 with Vietnam's offset, as Nghị định 30 asks for the time printed beside a digital signature. */
export function formatVietnameseTimestamp(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const day = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  return `${day}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}+07:00`;
}

/** The same moment as an officer reads it: "10:15:30 ngày 06/12/2026 (giờ Việt Nam)". */
export function formatVietnameseDateTime(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ngày ${formatVietnameseDate(date)}`;
}
