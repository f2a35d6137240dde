// The impact-assessment form as the drafting agency attaches it to the dossier: one regulation, or every regulation
// of a draft, as DOCX.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { documentOverridesSchema, exportedFileSchema } from './files';

/** The app's own analysis (necessity score, present and annualised values) beside the official content (`tthc form --analysis`). */
const analysisFlag = z.boolean().optional();

export const assessmentFormApi = {
  exportAssessmentForm: {
    input: z.union([
      z.strictObject({ regulationId: uuid, overrides: documentOverridesSchema, analysis: analysisFlag }),
      z.strictObject({ draftId: uuid, overrides: documentOverridesSchema, analysis: analysisFlag }),
    ]),
    output: exportedFileSchema,
  },
} as const;
