import { encodeCursor, type ApiOutput, type ApiParsedInput, type DraftDetail } from '../../shared/contract/api';
import type { ServiceContext } from './context';
import { moveDraft } from './safekeepingService';
import { actingOfficer, writeVersioned } from './revisions';
import { draftDetail, invalidCursor, requireDraft } from './views';
import { requireWritable, requireWritableDraft } from './writeGuard';

export function createDraftsService(ctx: ServiceContext) {
  return {
    listDrafts({ offset, limit, cursor }: ApiParsedInput<'listDrafts'>): Promise<ApiOutput<'listDrafts'>> {
      return ctx.read(async (repos) => {
        const total = cursor ? cursor.total : await repos.drafts.count();
        const page = await repos.drafts.page(limit, cursor ? { after: cursor.key } : { offset });
        if (!page) throw invalidCursor();
        return { total, items: page.items, next: page.items.length === limit && page.last ? encodeCursor({ total, key: page.last }) : null };
      });
    },
    getDraft({ id }: ApiParsedInput<'getDraft'>): Promise<DraftDetail> {
      return ctx.read((repos) => draftDetail(repos, id));
    },
    getDraftChange({ draftId }: ApiParsedInput<'getDraftChange'>): Promise<ApiOutput<'getDraftChange'>> {
      return ctx.read(async (repos) => {
        const stamp = await repos.drafts.lastChange(draftId);
        // None for a draft that is not live: requireDraft refuses it in the words getDraft uses.
        if (!stamp) await requireDraft(repos, draftId);
        return { draftId, changedAt: stamp?.changedAt ?? '', by: stamp?.by ?? null };
      });
    },
    createDraft(fields: ApiParsedInput<'createDraft'>): Promise<DraftDetail> {
      const id = ctx.newId();
      return ctx.tx(async (repos) => {
        await requireWritable(repos, { status: 'drafting' }, 'draft');
        await repos.drafts.insert({ ...fields, id, status: 'drafting', issuedAt: null }, { at: ctx.now(), by: await actingOfficer(repos) });
        return draftDetail(repos, id);
      });
    },
    updateDraft({ id, version, fields }: ApiParsedInput<'updateDraft'>): Promise<DraftDetail> {
      return ctx.tx(async (repos) => {
        const draft = await requireWritableDraft(repos, id, 'draft');
        await writeVersioned(repos, { record: 'draft', id, yourVersion: version, at: ctx.now() }, (edit) => repos.drafts.update({ ...draft, ...fields }, edit));
        if (draft.title !== fields.title) await repos.regulations.reindexDraft(id);
        return draftDetail(repos, id);
      });
    },
    /** Into the trash, never gone: see moveDraft. */
    async deleteDraft({ id }: ApiParsedInput<'deleteDraft'>): Promise<{ deleted: true }> {
      await moveDraft(ctx, id, 'trash_draft');
      return { deleted: true };
    },
  };
}
