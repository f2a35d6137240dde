// The review stored beside a regulation on every write, on both engines, and by migration 0220 for rows stored by
// older rules: every rule against the record under its own code, with the draft's document type, drafting agency and
// căn cứ. The comparative review (the draft's date, the closest procedure, near duplicates) runs when findings are read.
import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import { statedLegalBasis } from '../../shared/domain/law/citedDocuments';
import type { ReviewSubject } from '../../shared/domain/review/detectors';
import { reviewDate, reviewRegulation, type RegulationReview } from '../../shared/domain/review/findings';
import { inForceFor } from '../../shared/domain/review/inForce';
import type { DocType } from '../../shared/domain/vocabulary';

export type DraftOfRecord = { docType: DocType; draftingAgency: string };

export function writtenReview(record: ReviewSubject, now: string, draft: DraftOfRecord | undefined, published: CatalogueProcedure | undefined): RegulationReview {
  return reviewRegulation(record, draft?.docType as DocType, reviewDate(record, now), {
    ...(draft ? { draft: { draftingAgency: draft.draftingAgency, legalBasis: statedLegalBasis(record.assessment) } } : {}),
    inForce: inForceFor(record, published),
  });
}
