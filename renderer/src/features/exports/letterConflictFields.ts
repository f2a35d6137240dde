// A letter's particulars in the conflict view (SaveConflictDialog): each field of the form, in its order and with its
// label, both sides as the officer reads them (lists one item a line).
import type { TFunction } from 'i18next';
import type { LetterMetadataDraft } from '../../../../shared/contract/lettersApi';
import type { ConflictField } from '../../components/SaveConflictDialog';

const FIELDS: ReadonlyArray<{ key: string; label: string; read: (metadata: LetterMetadataDraft) => string | readonly string[] | undefined }> = [
  { key: 'issuingBody.parent', label: 'exports.letter.parent', read: (m) => m.issuingBody.parent },
  { key: 'issuingBody.name', label: 'exports.letter.issuer', read: (m) => m.issuingBody.name },
  { key: 'number', label: 'exports.letter.number', read: (m) => m.number },
  { key: 'place', label: 'exports.letter.place', read: (m) => m.place },
  { key: 'date', label: 'exports.letter.date', read: (m) => m.date },
  { key: 'subject', label: 'exports.letter.subject', read: (m) => m.subject },
  { key: 'recipients', label: 'exports.letter.recipients', read: (m) => m.recipients },
  { key: 'opening', label: 'exports.letter.opening', read: (m) => m.opening },
  { key: 'closing', label: 'exports.letter.closing', read: (m) => m.closing },
  { key: 'signature.authority', label: 'exports.letter.authority', read: (m) => m.signature.authority },
  { key: 'signature.position', label: 'exports.letter.position', read: (m) => m.signature.position },
  { key: 'signature.signer', label: 'exports.letter.signer', read: (m) => m.signature.signer },
  { key: 'copiesTo', label: 'exports.letter.copiesTo', read: (m) => m.copiesTo },
  { key: 'archive', label: 'exports.letter.archive', read: (m) => m.archive },
];

export function letterConflictFields(mine: LetterMetadataDraft, stored: LetterMetadataDraft, t: TFunction): ConflictField[] {
  const shown = (value: string | readonly string[] | undefined): string => (typeof value === 'string' ? value.trim() : (value ?? []).map((line) => line.trim()).filter(Boolean).join('\n'));
  return FIELDS.map(({ key, label, read }) => ({ key, label: t(label), mine: shown(read(mine)), stored: shown(read(stored)) }));
}
