import { isInForce, type ReferenceEntry } from '../referenceData';

/**
 * The version of a one-id reference set that applies on `date`; for a day before the first version, the first (the
 * earliest law the set knows), and for a gap or a day after the last, the latest. Never undefined: the set is not empty.
 */
export function entryOn<Entry extends ReferenceEntry>(entries: readonly Entry[], date: string): Entry {
  const sorted = [...entries].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const current = sorted.find((entry) => isInForce(entry, date));
  if (current) return current;
  return date.slice(0, 10) < sorted[0]!.validFrom ? sorted[0]! : sorted[sorted.length - 1]!;
}
