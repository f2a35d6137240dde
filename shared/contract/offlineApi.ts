// Offline work on a team draft (issue 21 item 6): «Mang về làm việc ngoại tuyến» hands a person the draft as a dossier
// and marks it out on the team server (everyone sees by whom and since when, and can still read it); «Gửi lại máy chủ»
// merges their copy back through the dossier merge against the draft as it was sent, listing what changed on both
// sides as conflicts to accept or reject. Who may do each is declared in shared/domain/permissions.ts.
import { z } from 'zod';
import { dossierSchema, uuid } from '../domain/dossier';
import { importReportSchema } from './recordsApi';

export const offlineCopySchema = z.object({
  draftId: uuid,
  /** The holder's login and full name. */
  takenBy: z.string(),
  takenByName: z.string(),
  takenAt: z.string(),
});
export type OfflineCopyMark = z.infer<typeof offlineCopySchema>;

export const offlineApi = {
  /** Every team draft out to work offline; none in solo mode. */
  listOfflineCopies: { input: z.object({}), output: z.object({ items: z.array(offlineCopySchema) }) },
  /** Only a member of the agency that may write the draft in its state; refused while another copy is out. */
  takeDraftOffline: { input: z.object({ draftId: uuid }), output: z.object({ copy: offlineCopySchema, dossier: dossierSchema }) },
  /**
   * By the holder only, once: the copy (a dossier of that draft) is merged and the mark cleared. A regulation the copy
   * no longer has was put in the trash offline: `trashed` names those moved to the server's trash.
   */
  returnDraftOnline: {
    input: z.object({ draftId: uuid, dossier: z.unknown() }),
    output: z.object({ report: importReportSchema, trashed: z.array(z.object({ id: uuid, name: z.string() })) }),
  },
  /**
   * On the officer's own machine only: the copy of a team draft it keeps is replaced by the server's copy taken out again
   * (the desktop app's second «Mang về làm việc ngoại tuyến»), instead of merged into. Refused on the team server.
   */
  replaceOfflineCopy: { input: z.object({ dossier: z.unknown() }), output: importReportSchema },
  /** A unit administrator frees a draft whose copy stays out too long; its holder can still send it back. */
  releaseOfflineCopy: { input: z.object({ draftId: uuid }), output: z.object({ released: offlineCopySchema }) },
} as const;
