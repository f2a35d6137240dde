import { encodeCursor, type ApiOutput, type ApiParsedInput, type DraftDetail } from '../../shared/contract/api';
import type { ServiceContext } from './context';
import { draftDetail, invalidCursor, requireDraft } from './views';
import { requireWritable } from './writeGuard';

export function createDraftsService(ctx: ServiceContext) {
  return {
    listDrafts({ offset, limit, cursor }: ApiParsedInput<'listDrafts'>): ApiOutput<'listDrafts'> {
      const total = cursor ? cursor.total : ctx.repos.drafts.count();
      const page = ctx.repos.drafts.page(limit, cursor ? { after: cursor.key } : { offset });
      if (!page) throw invalidCursor();
      return { total, items: page.items, next: page.items.length === limit && page.last ? encodeCursor({ total, key: page.last }) : null };
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
