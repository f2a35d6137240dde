// How a document puts a count of regulations into words (issue 19): a QĐKD is not a TTHC, so a count names only the
// kinds it is made of — «01 QĐKD» for a draft with one business regulation, never «01 TTHC, QĐKD». Every document
// (the period report, the letters' openings, the assessment form, the tiếp thu–giải trình table) words its counts here.
import { formatTwoDigitCount } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import type { KindCounts } from './statistics';
import { REGULATION_KINDS, type RegulationKind } from './vocabulary';

/** "TTHC", "QĐKD": the short names documents use. */
export const KIND_SHORT: Readonly<Record<RegulationKind, string>> = vocabularyMessages.vi.kindShort;

/** The counts of `kinds`, one per regulation of that kind. */
export function countKinds(kinds: readonly RegulationKind[]): KindCounts {
  return { tthc: kinds.filter((kind) => kind === 'tthc').length, qdkd: kinds.filter((kind) => kind === 'qdkd').length };
}

const presentKinds = (byKind: KindCounts): RegulationKind[] => REGULATION_KINDS.filter((kind) => byKind[kind] > 0);

/**
 * "TTHC", "QĐKD" or "TTHC, QĐKD": the kinds a count or a list is made of. Unknown kinds (a report printed before the
 * split) and an empty list read as both, as the documents said before they knew.
 */
export function kindsInWords(byKind: KindCounts | undefined): string {
  const present = byKind ? presentKinds(byKind) : [];
  return (present.length === 1 ? present : REGULATION_KINDS).map((kind) => KIND_SHORT[kind]).join(', ');
}

export type KindCountOptions = {
  /** Both kinds as one figure, as VPCP's year-to-date sentence counts them: "82 TTHC, QĐKD" (else "80 TTHC và 02 QĐKD"). */
  together?: boolean;
};

/**
 * "07 TTHC", "01 QĐKD", "07 TTHC và 03 QĐKD" (or "10 TTHC, QĐKD" `together`), counts below ten with their leading zero
 * as VPCP writes them. `total` is the figure; when the split is unknown (a report printed before it) or does not add up
 * to it, the count reads "10 TTHC, QĐKD" as before.
 */
export function kindCountInWords(byKind: KindCounts | undefined, total: number, options: KindCountOptions = {}): string {
  const count = formatTwoDigitCount;
  // A split that does not add up to the figure (a hand-made report) says nothing of the kinds.
  if (!byKind || byKind.tthc + byKind.qdkd !== total) return `${count(total)} ${kindsInWords(undefined)}`;
  const present = presentKinds(byKind);
  if (present.length === 0) return `${count(0)} ${KIND_SHORT.tthc}`;
  if (present.length === 1 || !options.together) return present.map((kind) => `${count(byKind[kind])} ${KIND_SHORT[kind]}`).join(' và ');
  return `${count(byKind.tthc + byKind.qdkd)} ${kindsInWords(byKind)}`;
}
