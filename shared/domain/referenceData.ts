// Reference data that changes with the law, not with the code (ARCHITECTURE.md, "Reference data as versioned
// packages"): questionnaire templates, reform programs and their targets, document types, agencies, provinces, levels.
// One mechanism for all of them: each entry has an id, a version and a validity period; a set is validated once when
// its module loads (so a malformed entry fails at start-up, not mid-assessment); the entry that applies to a record is
// chosen by that record's date; and the record keeps the id (and version) it used.
import { z } from 'zod';
import './zodVietnamese';

const isRealDate = (text: string): boolean => {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
};

/** A calendar day, `YYYY-MM-DD`; such strings compare correctly as text. */
export const referenceDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  .refine(isRealDate, { message: 'không phải là một ngày có thật' });

/** The fields every reference entry carries. `validTo` is the last day it applies (inclusive); open-ended when absent. */
export const referenceEntryShape = {
  id: z.string().min(1),
  version: z.string().min(1),
  validFrom: referenceDate,
  validTo: referenceDate.optional(),
};
export const referenceEntrySchema = z.object(referenceEntryShape);
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>;

/** What a record stores about the entry it was made with. */
export type ReferenceStamp = Pick<ReferenceEntry, 'id' | 'version'>;

/** Raised when a reference set does not validate: it names the set, the entry and every problem. */
export class ReferenceDataError extends Error {
  constructor(
    readonly kind: string,
    readonly problems: readonly string[],
  ) {
    super(`Dữ liệu tham chiếu "${kind}" không hợp lệ:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ReferenceDataError';
  }
}

const overlaps = (a: ReferenceEntry, b: ReferenceEntry): boolean =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * Validates a set of reference entries with their own schema and with the rules shared by every set: the period runs
 * forwards, an (id, version) pair is unique, and two versions of one id never apply on the same day (so the choice by
 * date is never ambiguous). Returns the parsed entries, frozen; throws ReferenceDataError otherwise.
 */
export function defineReferenceSet<Schema extends z.ZodType<ReferenceEntry>>(
  kind: string,
  schema: Schema,
  entries: readonly z.input<Schema>[],
): readonly z.output<Schema>[] {
  const problems: string[] = [];
  const parsed: z.output<Schema>[] = [];
  entries.forEach((entry, index) => {
    const result = schema.safeParse(entry);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`[${index}] ${issue.path.join('.') || '(gốc)'}: ${issue.message}`);
      return;
    }
    parsed.push(result.data);
  });
  parsed.forEach((entry, index) => {
    const where = `${entry.id}@${entry.version}`;
    if (entry.validTo !== undefined && entry.validTo < entry.validFrom) problems.push(`${where}: validTo trước validFrom`);
    for (const earlier of parsed.slice(0, index)) {
      if (earlier.id !== entry.id) continue;
      if (earlier.version === entry.version) problems.push(`${where}: bị trùng`);
      else if (overlaps(earlier, entry)) problems.push(`${where}: trùng thời gian hiệu lực với phiên bản ${earlier.version}`);
    }
  });
  if (problems.length > 0) throw new ReferenceDataError(kind, problems);
  parsed.forEach((entry) => Object.freeze(entry));
  return Object.freeze(parsed);
}

/** Whether the entry applies on `date` (YYYY-MM-DD; a longer ISO timestamp is cut to its day). */
export function isInForce(entry: ReferenceEntry, date: string): boolean {
  const day = date.slice(0, 10);
  return entry.validFrom <= day && (entry.validTo === undefined || day <= entry.validTo);
}

/** The entries that apply on `date`, in the set's order. */
export function inForce<Entry extends ReferenceEntry>(entries: readonly Entry[], date: string): Entry[] {
  return entries.filter((entry) => isInForce(entry, date));
}

/** The entries that apply on at least one day of the period `from`–`to` (both inclusive), in the set's order. */
export function inForceDuring<Entry extends ReferenceEntry>(entries: readonly Entry[], from: string, to: string): Entry[] {
  const period = { id: '', version: '', validFrom: from.slice(0, 10), validTo: to.slice(0, 10) };
  return entries.filter((entry) => overlaps(entry, period));
}

/**
 * The entry a record names. With a version, exactly that one; without, the version in force on `date` when given,
 * else the latest version (by validFrom). Undefined when the set has no such entry.
 */
export function findReference<Entry extends ReferenceEntry>(
  entries: readonly Entry[],
  id: string,
  pick: { version?: string; date?: string } = {},
): Entry | undefined {
  const versions = entries.filter((entry) => entry.id === id);
  if (pick.version !== undefined) return versions.find((entry) => entry.version === pick.version);
  if (pick.date !== undefined) {
    const current = versions.find((entry) => isInForce(entry, pick.date!));
    if (current) return current;
  }
  return versions.reduce<Entry | undefined>((latest, entry) => (!latest || entry.validFrom > latest.validFrom ? entry : latest), undefined);
}

export function referenceStamp(entry: ReferenceEntry): ReferenceStamp {
  return { id: entry.id, version: entry.version };
}
