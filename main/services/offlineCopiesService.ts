// Offline work on a team draft (issue 21 item 6): «Mang về làm việc ngoại tuyến» marks the draft out to its holder and
// hands them the draft as a dossier, kept as the common ancestor of the send-back (dossierService returnDraftOnline);
// everyone sees who holds it and since when, and the write guard refuses anyone else's writes until it comes back or a
// unit administrator releases it. Who may is shared/domain/permissions.ts.
import type { ApiOutput, ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { OfflineCopyMark } from '../../shared/contract/offlineApi';
import { heldOfflineRefusal, OFFLINE_ONLY_ON_TEAM_SERVER, releaseOfflineRefusal, takeOfflineRefusal } from '../../shared/domain/permissions';
import type { OfflineCopy } from '../../db/port';
import { formatVietnameseDateTime } from '../signing/signingTime';
import { readActingPerson } from './actingPerson';
import type { ServiceContext } from './context';
import { dossierOf } from './dossierService';
import { requireDraft } from './views';

const mark = ({ draftId, takenBy, takenByName, takenAt }: OfflineCopy): OfflineCopyMark => ({ draftId, takenBy, takenByName, takenAt });
const since = (copy: OfflineCopy): string => formatVietnameseDateTime(new Date(copy.takenAt));

export function createOfflineCopiesService(ctx: ServiceContext) {
  return {
    listOfflineCopies(_input: ApiParsedInput<'listOfflineCopies'>): Promise<ApiOutput<'listOfflineCopies'>> {
      return ctx.read(async (repos) => ({ items: (await repos.offlineCopies.listOut()).map(mark) }));
    },

    takeDraftOffline({ draftId }: ApiParsedInput<'takeDraftOffline'>): Promise<ApiOutput<'takeDraftOffline'>> {
      return ctx.tx(async (repos) => {
        const person = await readActingPerson(repos);
        if (!person) throw new ApiError('forbidden', OFFLINE_ONLY_ON_TEAM_SERVER);
        const draft = await requireDraft(repos, draftId);
        const refusal = takeOfflineRefusal(person.role, draft, person.agency);
        if (refusal) throw new ApiError('forbidden', refusal);
        const out = await repos.offlineCopies.out(draftId);
        if (out) {
          const by = out.takenBy === person.login ? 'chính anh/chị' : `«${out.takenByName}»`;
          throw new ApiError('conflict', `Dự thảo này đã được ${by} mang về làm việc ngoại tuyến từ ${since(out)}; chưa mang về thêm được bản nào nữa cho đến khi bản đó được gửi lại máy chủ.`);
        }
        const dossier = await dossierOf(ctx, repos, [draftId]);
        const copy: OfflineCopy = { id: ctx.newId(), draftId, takenBy: person.login, takenByName: person.fullName, takenAt: ctx.now() };
        // Two people pressing at once: the store keeps one copy out per draft, and the second is told who was first.
        if (!(await repos.offlineCopies.take({ ...copy, base: dossier.drafts[0] }))) {
          const first = await repos.offlineCopies.out(draftId);
          throw new ApiError('conflict', (first && heldOfflineRefusal(first, person.login, since(first))) ?? 'Dự thảo này vừa được mang về làm việc ngoại tuyến.');
        }
        // Told to everyone with the draft open, as a change of it (issue 21 item 6): they see who holds it at once.
        await repos.drafts.touch(draftId, copy.takenAt);
        return { copy: mark(copy), dossier };
      });
    },

    releaseOfflineCopy({ draftId }: ApiParsedInput<'releaseOfflineCopy'>): Promise<ApiOutput<'releaseOfflineCopy'>> {
      return ctx.tx(async (repos) => {
        const acting = await readActingPerson(repos);
        const refusal = releaseOfflineRefusal(acting && (await repos.accounts.findPersonById(acting.personId)));
        if (refusal) throw new ApiError('forbidden', refusal);
        const out = await repos.offlineCopies.out(draftId);
        if (!out || !(await repos.offlineCopies.release(out.id, ctx.now(), acting!.login))) {
          throw new ApiError('conflict', 'Dự thảo này không còn được ai mang về làm việc ngoại tuyến; không có gì để thu hồi.');
        }
        await repos.drafts.touch(draftId, ctx.now());
        return { released: mark(out) };
      });
    },
  };
}
