// The particulars every signed document takes for one export (`--signer`, `--number`, `--date`): who signs — one of
// the agency's signers, or its default for the kind of document, or nobody, which the document then says — and the
// number and date, checked here so that every command refuses a bad one in the same words.
import { ApiError } from '../../shared/contract/errors';
import type { DocumentOverrides } from '../../shared/contract/files';
import type { DocumentKind } from '../../shared/domain/documentSenders';
import { isoDate } from '../../shared/domain/dossier';
import type { SignatureBlock } from '../../shared/domain/signers';
import type { Repositories } from '../../db/port';
import { resolveSignature } from './signersService';

export type SignedParticulars = { signature: SignatureBlock | null; number: string; date: string };

export async function signedParticulars(
  repos: Repositories,
  document: { agency: string; kind: DocumentKind; number: string; date: string },
  overrides: DocumentOverrides = {},
): Promise<SignedParticulars> {
  const date = overrides.date ?? document.date;
  const checked = isoDate.safeParse(date);
  if (!checked.success) {
    throw new ApiError('invalid_input', 'Ngày của văn bản không hợp lệ.', [{ path: 'date', message: checked.error.issues[0]?.message ?? 'không hợp lệ' }]);
  }
  return {
    signature: await resolveSignature(repos, document.agency, document.kind, overrides.signer),
    number: overrides.number?.trim() || document.number,
    date,
  };
}
