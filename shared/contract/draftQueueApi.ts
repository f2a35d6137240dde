// The draft list that finds: folded search, filters, sorting, a queue per role with statutory deadlines.
import { z } from 'zod';
import { exportedFileSchema } from './files';
import { DRAFT_SORTS } from '../domain/draftSorts';
import { DOC_TYPES, DRAFT_STATUSES, OPINION_STAGES, ROLES } from '../domain/vocabulary';
import { cursorInput, cursorOutput } from './paging';
import { draftSummarySchema, page } from './recordsApi';

export const deadlineSchema = z.object({
  stage: z.enum(OPINION_STAGES),
  dueOn: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  basis: z.string(),
  confirmed: z.boolean(),
});

export const draftListItemSchema = draftSummarySchema.extend({
  /** When the draft was last sent to the body it now waits on. */
  sentAt: z.string().nullable(),
  deadline: deadlineSchema.nullable(),
});
export type DraftListItem = z.infer<typeof draftListItemSchema>;

export const draftQueryShape = {
  text: z.string().max(200).default(''),
  statuses: z.array(z.enum(DRAFT_STATUSES)).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).default([]),
  agency: z.string().max(300).default(''),
  government: z.boolean().optional(),
  /** Only the drafts waiting on this role (its queue); combined with the status filter when both are given. */
  queue: z.enum(ROLES).optional(),
  sort: z.enum(DRAFT_SORTS).default('updated'),
  descending: z.boolean().default(true),
};
export const draftQuerySchema = z.object(draftQueryShape);
export type DraftQuery = z.input<typeof draftQuerySchema>;

export const draftQueueApi = {
  findDrafts: {
    input: z.object({ ...draftQueryShape, ...page, ...cursorInput }),
    output: z.object({ total: z.number().int(), items: z.array(draftListItemSchema), ...cursorOutput }),
  },
  /** Every draft the list shows with these filters, as a workbook (not only the rows on screen). */
  exportDraftList: { input: draftQuerySchema, output: exportedFileSchema },
} as const;
