import { encodeCursor, type ApiOutput, type ApiParsedInput, type RegulationDetail } from '../../shared/contract/api';
import { isUnsearchable } from '../../shared/domain/textFold';
import type { ServiceContext } from './context';
import { moveRegulation } from './safekeepingService';
import { invalidCursor, regulationDetail, requireDraft, requireRegulation, summarizeRegulation } from './views';
import { requireWritable } from './writeGuard';

export function createRegulationsService(ctx: ServiceContext) {
  return {
    searchOptions(): ApiOutput<'searchOptions'> {
      return ctx.repos.regulations.searchOptions();
    },
    getRegulation({ id }: ApiParsedInput<'getRegulation'>): RegulationDetail {
      return regulationDetail(ctx, id);
    },
    createRegulation({ draftId, fields }: ApiParsedInput<'createRegulation'>): RegulationDetail {
      const id = ctx.newId();
      ctx.db.transaction(() => {
        requireWritable(ctx, requireDraft(ctx, draftId), 'regulation');
        const now = ctx.now();
        ctx.repos.regulations.insert({ ...fields, id, draftId }, now);
        ctx.repos.drafts.touch(draftId, now);
      })();
      return regulationDetail(ctx, id);
    },
    updateRegulation({ id, fields }: ApiParsedInput<'updateRegulation'>): RegulationDetail {
      ctx.db.transaction(() => {
        const current = requireRegulation(ctx, id);
        requireWritable(ctx, requireDraft(ctx, current.draftId), 'regulation');
        const now = ctx.now();
        ctx.repos.regulations.update({ ...fields, id, draftId: current.draftId, assessment: current.assessment }, now);
        ctx.repos.drafts.touch(current.draftId, now);
      })();
      return regulationDetail(ctx, id);
    },
    /** Into the trash, never gone: see moveRegulation. */
    deleteRegulation({ id }: ApiParsedInput<'deleteRegulation'>): { deleted: true } {
      moveRegulation(ctx, id, 'trash_regulation');
      return { deleted: true };
    },
    searchRegulations({ text, filters, offset, limit, cursor }: ApiParsedInput<'searchRegulations'>): ApiOutput<'searchRegulations'> {
      // "😀" or "!!!" holds nothing to look for: say so rather than list everything as a blank search does.
      if (isUnsearchable(text)) return { total: 0, items: [], next: null, nothingToSearch: true };
      // The total is counted once, on the first page, and carried in the cursor; later pages continue after its key.
      const total = cursor ? cursor.total : ctx.repos.regulations.countMatches(text, filters);
      const page = ctx.repos.regulations.search(text, limit, cursor ? { after: cursor.key } : { offset }, filters);
      if (!page) throw invalidCursor();
      return {
        total,
        items: page.items.map(({ regulation, draftTitle, docType, draftStatus, summary }) => ({
          ...summarizeRegulation(regulation, docType, summary),
          draftId: regulation.draftId,
          draftTitle,
          docType,
          draftStatus,
        })),
        next: page.items.length === limit && page.last ? encodeCursor({ total, key: page.last }) : null,
      };
    },
  };
}
