// The pending side of the dossier exchange: incoming changes to data this installation owns wait here for a person.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { ROLES } from '../domain/vocabulary';

export const CONFLICT_KINDS = ['draft', 'regulation', 'opinion', 'response'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export const importConflictSchema = z.object({
  id: uuid,
  draftId: uuid,
  kind: z.enum(CONFLICT_KINDS),
  entityId: z.string(),
  /** Where the change sat in the imported file, e.g. `drafts[0].regulations[1]`. */
  path: z.string(),
  message: z.string(),
  /** The value the file carried, as it would be stored. */
  incoming: z.unknown(),
  /** The value it met here (refreshed when the conflict is accepted, so the overwritten value is kept); null when absent. */
  current: z.unknown(),
  senderAgency: z.string(),
  senderRole: z.enum(ROLES),
  receivedAt: z.string(),
  status: z.enum(CONFLICT_STATUSES),
  resolvedAt: z.string().nullable(),
});
export type ImportConflict = z.infer<typeof importConflictSchema>;

export const exchangeApi = {
  listConflicts: {
    input: z.object({ draftId: uuid.optional(), status: z.enum(CONFLICT_STATUSES).optional() }),
    output: z.object({ items: z.array(importConflictSchema) }),
  },
  /** Accept applies the incoming value in one transaction; reject keeps it on record without applying it. */
  resolveConflict: {
    input: z.object({ id: uuid, decision: z.enum(['accept', 'reject']) }),
    output: importConflictSchema,
  },
} as const;
