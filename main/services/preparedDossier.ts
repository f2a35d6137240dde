// A dossier a worker has already read and checked (issue 23, item 10): the web host reads an import's body in its
// worker — strict JSON, then the dossier's version and every field — and hands the import only the result, so that the
// thread serving every officer keeps only the write. Made on the host from the worker's answer, never from a caller's
// JSON (a class instance cannot be sent), so nothing unchecked passes as checked.
import type { Dossier } from '../../shared/domain/dossier';
import { ApiError, type ApiErrorPayload } from '../../shared/contract/errors';

/** What the worker found: the checked dossier, or the refusal the import answers with. */
export type DossierCheck = { dossier: Dossier } | { refusal: ApiErrorPayload };

export class PreparedDossier {
  constructor(private readonly check: DossierCheck) {}

  /** The checked dossier, or the refusal thrown where the import would have thrown it. */
  dossier(): Dossier {
    if ('refusal' in this.check) throw ApiError.fromPayload(this.check.refusal);
    return this.check.dossier;
  }
}
