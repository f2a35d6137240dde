// Offline work on a team draft from the desktop app (issue 21 item 6), free of Electron: «Mang về làm việc ngoại
// tuyến» asks the unit's server (through the forwarding client) to mark the draft taken by the signed-in officer and
// imports the dossier it answers into this machine's own database, where the officer works on it while disconnected;
// «Gửi lại máy chủ» exports that local copy as a dossier and hands it to the server's returnDraftOnline, which merges
// it against the draft as it was taken out and holds what changed on both sides as conflicts to accept or reject.
//
// Which local drafts are offline copies, and of which server, is kept in a small JSON file beside the database (like
// the server settings): the local database stays the solo app's own, unchanged. Sent back, the local copy is kept
// and marked returned, not removed: the officer keeps what they sent until they choose to delete it, and the server's
// draft is the one they work on from then on. Taken out again, the kept copy is replaced by the server's, never
// merged into (where this machine's own role would hold the server's newer values as conflicts); when it has changes
// not sent back, only after the officer confirms.
//
// The window reaches all this through the unit-server channel (shared/contract/unitServerApi.ts): `offlineWorkControl`
// answers its offline calls and hands the rest to the connection; the main process and the e2e bridge both use it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ApiOutput, ImportConflict } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { ApiError, invalidInput } from '../../shared/contract/errors';
import { isOfflineWorkMethod, localOfflineCopySchema, unitServerApi, type LocalOfflineCopy, type OfflineWorkMethod, type UnitServerMethod, type UnitServerOutput, type UnitServerStatus } from '../../shared/contract/unitServerApi';
import type { Dossier } from '../../shared/domain/dossier';
import { canonicalJson } from '../services/canonicalJson';
import type { Dispatch } from './dispatcher';
import { jsonFileOf, type UnitServerClient } from './unitServerClient';

export type { LocalOfflineCopy };

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

/** What a local copy holds, as one digest: its dossier's drafts (the file's header says when it was made, not what). */
const digestOf = (dossier: Dossier): string => createHash('sha256').update(canonicalJson(dossier.drafts)).digest('hex');

export type TakenOut = { kind: 'taken'; copy: LocalOfflineCopy } | { kind: 'unsentChanges'; copy: LocalOfflineCopy };

export function createOfflineWork({ server, local, serverAddress, copies, now = () => new Date().toISOString() }: OfflineWorkOptions) {
  const list = (): LocalOfflineCopy[] => copies.load() ?? [];
  const keep = (copy: LocalOfflineCopy) => copies.save([...list().filter((each) => each.draftId !== copy.draftId), copy]);
  const exportHere = (draftId: string) => valueOf<Dossier>(local('exportDossier', { draftIds: [draftId] }));
  /** The draft as this machine's database holds it, or undefined when it has none. */
  const draftHere = async (draftId: string): Promise<{ title: string } | undefined> => {
    const answer = await local('getDraft', { id: draftId });
    if (answer.ok) return answer.value as { title: string };
    if (answer.error.code === 'not_found') return undefined;
    throw ApiError.fromPayload(answer.error);
  };

  return {
    /** Every draft of this machine taken from a unit server, sent back or not. */
    list,

    /**
     * Marks the draft taken on the server, then copies it into this machine's database; a copy already kept here is
     * replaced by the server's. When that copy has changes not sent back, nothing is done unless `replaceUnsent`.
     */
    async takeOffline(draftId: string, { replaceUnsent = false }: { replaceUnsent?: boolean } = {}): Promise<TakenOut> {
      const address = serverAddress();
      if (!address) throw new ApiError('invalid_input', 'Máy này chưa kết nối máy chủ của đơn vị, nên không có dự thảo nào để mang về.');
      const kept = list().find((each) => each.draftId === draftId);
      const here = await draftHere(draftId);
      if (here && !replaceUnsent) {
        // A copy kept from before its digest was recorded, or a draft of this machine's own with that id, counts as changed.
        const unsent = !kept?.syncedDigest || digestOf(await exportHere(draftId)) !== kept.syncedDigest;
        if (unsent) return { kind: 'unsentChanges', copy: kept ?? { draftId, title: here.title, server: address, takenAt: '', returnedAt: null } };
      }
      const taken = await valueOf<ApiOutput<'takeDraftOffline'>>(server('takeDraftOffline', { draftId }));
      // Taken on the server first: if this machine could not store it, the officer retries the import here (the mark
      // is theirs) rather than two officers both believing they hold it.
      await valueOf(local(here ? 'replaceOfflineCopy' : 'importDossier', { dossier: taken.dossier }));
      const copy: LocalOfflineCopy = {
        draftId,
        title: taken.dossier.drafts[0]?.title ?? '',
        server: address,
        takenAt: taken.copy.takenAt,
        returnedAt: null,
        syncedDigest: digestOf(await exportHere(draftId)),
      };
      keep(copy);
      return { kind: 'taken', copy };
    },

    /** Sends this machine's copy back to the server it came from; what both sides changed waits there as conflicts. */
    async sendBack(draftId: string): Promise<SentBack> {
      const copy = list().find((each) => each.draftId === draftId);
      if (!copy) throw new ApiError('not_found', 'Dự thảo này không phải bản mang về từ máy chủ của đơn vị, nên không có gì để gửi lại.');
      if (copy.server !== serverAddress()) {
        throw new ApiError('conflict', `Bản này được mang về từ máy chủ ${copy.server}; hãy kết nối lại máy chủ đó để gửi lại. Bản ở máy này vẫn được giữ nguyên.`);
      }
      const dossier = await exportHere(draftId);
      const returned = await valueOf<ApiOutput<'returnDraftOnline'>>(server('returnDraftOnline', { draftId, dossier }));
      keep({ ...copy, returnedAt: now(), syncedDigest: digestOf(dossier) });
      const { items } = await valueOf<ApiOutput<'listConflicts'>>(server('listConflicts', { draftId, status: 'pending' }));
      return { ...returned, pending: items };
    },
  };
}

export type OfflineWork = ReturnType<typeof createOfflineWork>;

/**
 * The window's calls on the unit-server channel: its offline calls answered here (the window then works where the
 * draft now is: here once taken out, on the server once sent back), every other one by the connection itself.
 */
export function offlineWorkControl(client: Pick<UnitServerClient, 'control'>, offline: OfflineWork): (method: UnitServerMethod, input: unknown) => Promise<ApiResponse> {
  const status = async (): Promise<UnitServerStatus> => valueOf<UnitServerStatus>(client.control('unitServerStatus', {}));
  const workHere = (here: boolean) => valueOf<UnitServerStatus>(client.control('workOnThisMachine', { here }));
  const calls: { [K in OfflineWorkMethod]: (input: z.infer<(typeof unitServerApi)[K]['input']>) => Promise<UnitServerOutput<K>> } = {
    listLocalOfflineCopies: async () => ({ items: offline.list() }),
    async takeDraftOfflineHere({ draftId, replaceUnsent }) {
      const current = await status();
      if (current.state !== 'signedIn' && current.state !== 'workingHere') throw new ApiError('unauthorized', 'Hãy đăng nhập vào máy chủ của đơn vị (Cài đặt → Máy chủ của đơn vị) để mang dự thảo về.');
      const taken = await offline.takeOffline(draftId, { replaceUnsent });
      return taken.kind === 'taken' ? { ...taken, status: await workHere(true) } : taken;
    },
    async sendDraftBack({ draftId }) {
      const sent = await offline.sendBack(draftId);
      return { ...sent, status: await workHere(false) };
    },
  };
  return async (method, input) => {
    if (!isOfflineWorkMethod(method)) return client.control(method, input);
    const parsed = unitServerApi[method].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toPayload() };
    try {
      const run = calls[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: unitServerApi[method].output.parse(await run(parsed.data)) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toPayload() };
      throw error;
    }
  };
}
