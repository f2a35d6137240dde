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
