// The drafting agency's tiếp thu–giải trình table of a draft at one stage, as DOCX or XLSX.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { OPINION_STAGES } from '../domain/vocabulary';
import { documentOverridesSchema, exportedFileSchema } from './files';

export const RESPONSES_TABLE_FORMATS = ['docx', 'xlsx'] as const;

export const responsesTableApi = {
  /** Refused with a Vietnamese message when the draft has no opinion at the stage. */
  exportResponsesTable: {
    input: z.strictObject({ draftId: uuid, stage: z.enum(OPINION_STAGES), format: z.enum(RESPONSES_TABLE_FORMATS), overrides: documentOverridesSchema }),
    output: exportedFileSchema,
  },
} as const;
