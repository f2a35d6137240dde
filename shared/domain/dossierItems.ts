// What a dossier item's count is made of: originals (bản chính), certified copies (bản sao chứng thực) and plain
// copies (bản sao), as the national TTHC database records them («01 bản chính và 01 bản sao»).
import type { Components } from './dossier';

type DossierItem = NonNullable<Components['dossier']>[number];

/** The item's count by kind; null when the item states only how many documents, as every record before 1.2 did. */
export type CopyKinds = { originals: number; certifiedCopies: number; plainCopies: number };

export function copyKindsOf(entry: DossierItem): CopyKinds | null {
  if (entry.originals === undefined && entry.certifiedCopies === undefined) return null;
  const originals = entry.originals ?? 0;
  const certifiedCopies = entry.certifiedCopies ?? 0;
  return { originals, certifiedCopies, plainCopies: Math.max(0, entry.copies - originals - certifiedCopies) };
}

const twoDigits = (count: number): string => String(count).padStart(2, '0');

/** "01 bản chính, 01 bản sao", or "02 bản" when the item does not say what its documents are. */
export function copiesText(entry: DossierItem): string {
  const kinds = copyKindsOf(entry);
  if (!kinds) return `${twoDigits(entry.copies)} bản`;
  const parts: Array<[number, string]> = [
    [kinds.originals, 'bản chính'],
    [kinds.certifiedCopies, 'bản sao chứng thực'],
    [kinds.plainCopies, 'bản sao'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${twoDigits(count)} ${word}`)
    .join(', ');
}

const KIND_WORDS: ReadonlyArray<[RegExp, 'originals' | 'certifiedCopies' | 'plainCopies']> = [
  [/^bản\s+chính$/iu, 'originals'],
  [/^bản\s+sao\s+(?:có\s+)?chứng\s+thực$/iu, 'certifiedCopies'],
  [/^bản\s+sao$/iu, 'plainCopies'],
];

/**
 * A count as copiesText writes it and as the national database and officers write it back: «02 bản», «01 bản chính,
 * 01 bản sao», «01 bản chính và 02 bản sao chứng thực», «01 bản chính» — the item's count and, when the text names
 * the kinds, its originals and certified copies. Null when the text is not a count.
 */
export function parseCopiesText(text: string): Pick<DossierItem, 'copies' | 'originals' | 'certifiedCopies'> | null {
  const parts = text.trim().split(/\s*[,;]\s*|\s+và\s+/u).filter((part) => part !== '');
  if (parts.length === 0) return null;
  const kinds = { originals: 0, certifiedCopies: 0, plainCopies: 0 };
  let unstated: number | null = null;
  for (const part of parts) {
    const match = /^(\d{1,3})\s*(bản(?:\s+.*)?|bộ)$/iu.exec(part);
    if (!match) return null;
    const count = Number(match[1]);
    const words = match[2]!.trim();
    if (/^(?:bản|bộ)$/iu.test(words)) {
      if (parts.length > 1) return null;
      unstated = count;
      continue;
    }
    const kind = KIND_WORDS.find(([pattern]) => pattern.test(words))?.[1];
    if (!kind) return null;
    kinds[kind] += count;
  }
  if (unstated !== null) return { copies: unstated };
  const copies = kinds.originals + kinds.certifiedCopies + kinds.plainCopies;
  if (copies === 0) return null;
  // Kinds named: the originals are stated (0 when none), so that «02 bản sao» reads back as copies, not a count of unstated kind.
  return { copies, originals: kinds.originals, ...(kinds.certifiedCopies > 0 ? { certifiedCopies: kinds.certifiedCopies } : {}) };
}
