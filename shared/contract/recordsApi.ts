// Drafts, regulations and their components, search, and the dossier exchange: the foundation's methods.
import { z } from 'zod';
import {
  dossierSchema,
  draftSchema,
  eventSchema,
  regulationSchema,
  uuid,
} from '../domain/dossier';
import { COMPONENT_KEYS } from '../domain/vocabulary';
import { regulationFiltersSchema } from './regulationFilters';
import { draftEntrySchema, regulationEntrySchema } from './entrySchemas';
import { cursorInput, cursorOutput } from './paging';

export { draftFieldsSchema, regulationFieldsSchema, draftEntrySchema, regulationEntrySchema, ENTRY_LIMITS, type DraftFields, type RegulationFields } from './entrySchemas';

/**
 * The version of a record an edit was made on, as its view gave it (issue 17: no lost update): an edit of an older
 * version than the stored one is refused as `conflict` instead of overwriting a colleague's change.
 */
export const recordVersion = z.number({ message: 'phải là số phiên bản của bản ghi đang sửa' }).int().min(1);

export const page = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(500).default(100) };

export const draftSummarySchema = draftSchema
  .pick({ id: true, docType: true, title: true, draftingAgency: true, submittedToGovernment: true, status: true, issuedAt: true })
  .extend({ regulationCount: z.number().int(), updatedAt: z.string() });
export type DraftSummary = z.infer<typeof draftSummarySchema>;

const missingSchema = z.array(z.enum(COMPONENT_KEYS));

export const regulationSummarySchema = regulationSchema
  .pick({ id: true, kind: true, change: true, nationalCode: true, name: true, article: true, field: true, level: true })
  .extend({
    missing: missingSchema,
    /** 0–100, null until a weighted question is answered (issue 3). */
    necessityScore: z.number().nullable().optional(),
    assessmentComplete: z.boolean().optional(),
    /** Review findings stored on the regulation (the comparative ones count once the regulation was looked at). */
    findingCount: z.number().int().nonnegative().optional(),
  });
export type RegulationSummary = z.infer<typeof regulationSummarySchema>;

export const draftDetailSchema = draftSummarySchema.extend({
  /** What an edit of the draft's own fields sends back. */
  version: recordVersion,
  events: z.array(eventSchema),
  regulations: z.array(regulationSummarySchema),
});
export type DraftDetail = z.infer<typeof draftDetailSchema>;

export const regulationDetailSchema = regulationSchema.extend({
  /** What an edit of the regulation's fields sends back (its assessment has a version of its own: AssessmentView). */
  version: recordVersion,
  draftId: uuid,
  draftTitle: z.string(),
  docType: draftSchema.shape.docType,
  missing: missingSchema,
});
export type RegulationDetail = z.infer<typeof regulationDetailSchema>;

export const searchHitSchema = regulationSummarySchema.extend({
  draftId: uuid,
  draftTitle: z.string(),
  docType: draftSchema.shape.docType,
  draftStatus: draftSchema.shape.status,
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const counts = z.object({
  drafts: z.number().int(),
  regulations: z.number().int(),
  opinions: z.number().int(),
  events: z.number().int(),
});
export const importReportSchema = z.object({
  added: counts,
  updated: counts,
  conflicts: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

const byId = z.object({ id: uuid });

export const recordsApi = {
  listDrafts: {
    input: z.object({ ...page, ...cursorInput }),
    output: z.object({ total: z.number().int(), items: z.array(draftSummarySchema), ...cursorOutput }),
  },
  getDraft: { input: byId, output: draftDetailSchema },
  /**
   * When the draft last changed (itself or anything of it) and for whom, when a signed-in person was named: a page that
   * cannot have the team server's stream of changes (GET /events) asks this instead (issue 21 item 4).
   */
  getDraftChange: {
    input: z.object({ draftId: uuid }),
    output: z.object({ draftId: uuid, changedAt: z.string(), by: z.object({ login: z.string(), fullName: z.string() }).nullable() }),
  },
  createDraft: { input: draftEntrySchema, output: draftDetailSchema },
  updateDraft: { input: byId.extend({ version: recordVersion, fields: draftEntrySchema }), output: draftDetailSchema },
  /** Into the trash, never gone: restoreDraft (safekeepingApi) takes it back out. */
  deleteDraft: { input: byId, output: z.object({ deleted: z.literal(true) }) },
  getRegulation: { input: byId, output: regulationDetailSchema },
  createRegulation: {
    input: z.object({ draftId: uuid, fields: regulationEntrySchema }),
    output: regulationDetailSchema,
  },
  updateRegulation: { input: byId.extend({ version: recordVersion, fields: regulationEntrySchema }), output: regulationDetailSchema },
  deleteRegulation: { input: byId, output: z.object({ deleted: z.literal(true) }) },
  searchRegulations: {
    input: z.object({ text: z.string().max(500), filters: regulationFiltersSchema.prefault({}), ...page, ...cursorInput }),
    output: z.object({
      total: z.number().int(),
      items: z.array(searchHitSchema),
      ...cursorOutput,
      /** The text has no letter or digit to look for (only emoji or punctuation): nothing was searched. */
      nothingToSearch: z.boolean().optional(),
    }),
  },
  searchOptions: {
    input: z.object({}),
    output: z.object({ fields: z.array(z.string()), agencies: z.array(z.string()) }),
  },
  importDossier: { input: z.object({ dossier: z.unknown() }), output: importReportSchema },
  exportDossier: { input: z.object({ draftIds: z.array(uuid).optional() }), output: dossierSchema },
} as const;

