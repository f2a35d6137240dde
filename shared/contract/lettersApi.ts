// The opinion letter of a draft at one stage (appraisal or review): its editable particulars (number, place, date,
// recipients, signer…), kept per draft and stage, and its export as DOCX or PDF.
import { z } from 'zod';
import { prose } from '../domain/bounds';
import { uuid } from '../domain/dossier';
import { incomingDocumentSchema } from '../domain/letterParticulars';
import { opinionLetterSchema, opinionLetterSectionSchema } from '../domain/opinionLetter';
import { OPINION_STAGES } from '../domain/vocabulary';
import { documentOverridesSchema, exportedFileSchema } from './files';
import { recordVersion } from './recordsApi';

/** The particulars of a letter that can be printed; the sections come from the opinions themselves. */
export const letterMetadataSchema = opinionLetterSchema.omit({ sections: true });
export type LetterMetadata = z.infer<typeof letterMetadataSchema>;

/**
 * The same particulars while the officer is still filling them in: any text, blanks allowed, so that defaults with
 * gaps (no signer known yet) and half-done forms can be shown and kept. `letterMetadataSchema` decides what exports.
 */
export const letterMetadataDraftSchema = z.object({
  issuingBody: z.object({ parent: prose().optional(), name: prose() }),
  number: prose(),
  place: prose(),
  date: prose(),
  subject: prose(),
  recipients: z.array(prose()),
  opening: prose(),
  closing: prose(),
  signature: z.object({ authority: prose().optional(), position: prose(), signer: prose() }),
  copiesTo: z.array(prose()),
  archive: prose(),
  /** The items that only agree grouped in one paragraph after the others (the officer's choice). */
  groupAgreed: z.boolean().optional(),
});
export type LetterMetadataDraft = z.infer<typeof letterMetadataDraftSchema>;

/** Blank optional lines mean "none" and blank list lines are a form's empty rows: neither is kept. */
export function tidyLetterMetadata(metadata: LetterMetadataDraft): LetterMetadataDraft {
  const lines = (values: readonly string[]) => values.map((value) => value.trim()).filter((value) => value.length > 0);
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    ...metadata,
    issuingBody: { name: metadata.issuingBody.name, parent: optional(metadata.issuingBody.parent) },
    recipients: lines(metadata.recipients),
    signature: { ...metadata.signature, authority: optional(metadata.signature.authority) },
    copiesTo: lines(metadata.copiesTo),
  };
}

const letterOfStage = z.object({ draftId: uuid, stage: z.enum(OPINION_STAGES) });

export const opinionLetterViewSchema = z.object({
  draftId: uuid,
  stage: z.enum(OPINION_STAGES),
  draftTitle: z.string(),
  /** False while the particulars are the defaults (profile, draft), not yet saved by the officer. */
  saved: z.boolean(),
  /** The version of the stored particulars, which a save sends back; absent while nothing was ever stored. */
  version: recordVersion.optional(),
  metadata: letterMetadataDraftSchema,
  /** What still keeps the particulars from printing, with paths into `metadata`. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  /** One per regulation with an opinion at this stage, its latest; empty when there is none to send. */
  sections: z.array(opinionLetterSectionSchema),
  /** The submission the letter answers, cited in the default opening; null until recorded. */
  incoming: incomingDocumentSchema.nullable(),
});
export type OpinionLetterView = z.infer<typeof opinionLetterViewSchema>;

export const LETTER_FORMATS = ['docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export const lettersApi = {
  getOpinionLetter: { input: letterOfStage, output: opinionLetterViewSchema },
  /**
   * Keeps the particulars as typed, gaps included; `problems` of the answer says what still blocks the export. Saved on
   * the `version` the view was read at (none: nothing was stored then): a change saved since is a `conflict`, and
   * nothing is overwritten.
   */
  saveLetterMetadata: { input: letterOfStage.extend({ version: recordVersion.optional(), metadata: letterMetadataDraftSchema }), output: opinionLetterViewSchema },
  /** Records (or, with null, forgets) the submission the stage answers; a default opening and addressee follow it. */
  saveIncomingDocument: { input: letterOfStage.extend({ incoming: incomingDocumentSchema.nullable() }), output: opinionLetterViewSchema },
  /** Back to the defaults of the profile and the draft. */
  resetLetterMetadata: { input: letterOfStage, output: opinionLetterViewSchema },
  /** Refused with a Vietnamese message when no regulation has an opinion at this stage or a particular is missing. */
  exportOpinionLetter: {
    input: letterOfStage.extend({
      format: z.enum(LETTER_FORMATS),
      /** For this export only (`tthc opinion --signer --number --date`): the saved particulars stay as they are. */
      overrides: documentOverridesSchema,
      /** For this export only (`tthc opinion --group-agreed`): group the items that only agree. */
      groupAgreed: z.boolean().optional(),
    }),
    output: exportedFileSchema,
  },
  /**
   * The appraisal of the draft's TTHC as the part of the appraisal body's Báo cáo thẩm định (Nghị định 63/2010,
   * Điều 11), DOCX, to be set into the report; refused to a machine of another agency, naming the appraisal body.
   */
  exportAppraisalReportSection: {
    input: z.object({
      draftId: uuid,
      /** The part's Roman numeral in the report (`tthc appraisal-report --part VI`); V by default. */
      part: z.string().max(8).optional(),
      /** Group the items that only agree; by default the appraisal letter's saved choice. */
      groupAgreed: z.boolean().optional(),
    }),
    output: exportedFileSchema,
  },
} as const;
