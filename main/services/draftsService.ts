import type { ApiParsedInput, DraftDetail, DraftSummary } from '../../shared/contract/api';
import type { ServiceContext } from './context';
import { draftDetail, requireDraft } from './views';
import { requireWritable } from './writeGuard';

export function createDraftsService(ctx: ServiceContext) {
  return {
    listDrafts({ offset, limit }: ApiParsedInput<'listDrafts'>): { total: number; items: DraftSummary[] } {
      return { total: ctx.repos.drafts.count(), items: ctx.repos.drafts.page(offset, limit) };
    },
    getDraft({ id }: ApiParsedInput<'getDraft'>): DraftDetail {
      return draftDetail(ctx, id);
    },
    createDraft(fields: ApiParsedInput<'createDraft'>): DraftDetail {
      const id = ctx.newId();
      ctx.db.transaction(() => {
        requireWritable(ctx, { status: 'drafting' }, 'draft');
        ctx.repos.drafts.insert({ ...fields, id, status: 'drafting', issuedAt: null }, ctx.now());
      })();
      return draftDetail(ctx, id);
    },
    updateDraft({ id, fields }: ApiParsedInput<'updateDraft'>): DraftDetail {
      ctx.db.transaction(() => {
        const draft = requireDraft(ctx, id);
        requireWritable(ctx, draft, 'draft');
        ctx.repos.drafts.update({ ...draft, ...fields }, ctx.now());
        if (draft.title !== fields.title) ctx.repos.regulations.reindexDraft(id);
      })();
      return draftDetail(ctx, id);
    },
  };
}
