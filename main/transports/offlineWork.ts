// Offline work on a team draft from the desktop app (issue 21 item 6), free of Electron: «Mang về làm việc ngoại
// tuyến» asks the unit's server (through the forwarding client) to mark the draft taken by the signed-in officer and
// imports the dossier it answers into this machine's own database, where the officer works on it while disconnected;
// «Gửi lại máy chủ» exports that local copy as a dossier and hands it to the server's returnDraftOnline, which merges
// it against the draft as it was taken out and holds what changed on both sides as conflicts to accept or reject.
//
// Which local drafts are offline copies, and of which server, is kept in a small JSON file beside the database (like
// the server settings): the local database stays the solo app's own, unchanged. Sent back, the local copy is kept
// and marked returned, not removed: the officer keeps what they sent until they choose to delete it, and the server's
// draft is the one they work on from then on.
import { z } from 'zod';
import type { ApiOutput, ImportConflict } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { ApiError } from '../../shared/contract/errors';
import type { Dispatch } from './dispatcher';
import { jsonFileOf } from './unitServerClient';

const localOfflineCopySchema = z.object({
  draftId: z.string(),
  title: z.string(),
  /** The unit server's address the draft was taken from. */
  server: z.string(),
  takenAt: z.string(),
  /** When it was sent back to the server; null while the officer works on it here. */
  returnedAt: z.string().nullable(),
});
export type LocalOfflineCopy = z.infer<typeof localOfflineCopySchema>;

export interface OfflineCopiesFile {
  load(): LocalOfflineCopy[] | undefined;
  save(copies: LocalOfflineCopy[] | undefined): void;
}

/** The local offline copies as a JSON file beside the database. */
export const jsonOfflineCopiesFile = (path: string): OfflineCopiesFile => jsonFileOf(path, z.array(localOfflineCopySchema));

export type SentBack = ApiOutput<'returnDraftOnline'> & {
  /** What waits on the server for a person to accept or reject, the merge's conflicts among them. */
  pending: ImportConflict[];
};

export type OfflineWorkOptions = {
  /** The forwarding client's dispatch: calls made on the unit's server as the signed-in officer. */
  server: Dispatch;
  /** This machine's own back end. */
  local: Dispatch;
  /** The unit server's address while one is set (null solo). */
  serverAddress: () => string | null;
  copies: OfflineCopiesFile;
  now?: () => string;
};

/** The value of an answer, or its refusal thrown as it came (a Vietnamese message from the server or this machine). */
async function valueOf<T>(answer: Promise<ApiResponse>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw ApiError.fromPayload(response.error);
  return response.value as T;
}

export function createOfflineWork({ server, local, serverAddress, copies, now = () => new Date().toISOString() }: OfflineWorkOptions) {
  const list = (): LocalOfflineCopy[] => copies.load() ?? [];
  const keep = (copy: LocalOfflineCopy) => copies.save([...list().filter((each) => each.draftId !== copy.draftId), copy]);

  return {
    /** Every draft of this machine taken from a unit server, sent back or not. */
    list,

    /** Marks the draft taken on the server, then copies it into this machine's database. */
    async takeOffline(draftId: string): Promise<LocalOfflineCopy> {
      const address = serverAddress();
      if (!address) throw new ApiError('invalid_input', 'Máy này chưa kết nối máy chủ của đơn vị, nên không có dự thảo nào để mang về.');
      const taken = await valueOf<ApiOutput<'takeDraftOffline'>>(server('takeDraftOffline', { draftId }));
      // Taken on the server first: if this machine could not store it, the officer retries the import here (the mark
      // is theirs) rather than two officers both believing they hold it.
      await valueOf(local('importDossier', { dossier: taken.dossier }));
      const copy: LocalOfflineCopy = { draftId, title: taken.dossier.drafts[0]?.title ?? '', server: address, takenAt: taken.copy.takenAt, returnedAt: null };
      keep(copy);
      return copy;
    },

    /** Sends this machine's copy back to the server it came from; what both sides changed waits there as conflicts. */
    async sendBack(draftId: string): Promise<SentBack> {
      const copy = list().find((each) => each.draftId === draftId);
      if (!copy) throw new ApiError('not_found', 'Dự thảo này không phải bản mang về từ máy chủ của đơn vị, nên không có gì để gửi lại.');
      if (copy.server !== serverAddress()) {
        throw new ApiError('conflict', `Bản này được mang về từ máy chủ ${copy.server}; hãy kết nối lại máy chủ đó để gửi lại. Bản ở máy này vẫn được giữ nguyên.`);
      }
      const dossier = await valueOf(local('exportDossier', { draftIds: [draftId] }));
      const returned = await valueOf<ApiOutput<'returnDraftOnline'>>(server('returnDraftOnline', { draftId, dossier }));
      keep({ ...copy, returnedAt: now() });
      const { items } = await valueOf<ApiOutput<'listConflicts'>>(server('listConflicts', { draftId, status: 'pending' }));
      return { ...returned, pending: items };
    },
  };
}

export type OfflineWork = ReturnType<typeof createOfflineWork>;
