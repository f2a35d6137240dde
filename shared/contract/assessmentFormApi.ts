// The impact-assessment form as the drafting agency attaches it to the dossier: one regulation, or every regulation
// of a draft, as DOCX.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { documentOverridesSchema, exportedFileSchema } from './files';

export const assessmentFormApi = {
  exportAssessmentForm: {
    input: z.union([z.strictObject({ regulationId: uuid, overrides: documentOverridesSchema }), z.strictObject({ draftId: uuid, overrides: documentOverridesSchema })]),
    output: exportedFileSchema,
  },
} as const;
