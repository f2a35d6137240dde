import type { ApiParsedInput, RegulationDetail, SearchHit } from '../../shared/contract/api';
import type { DraftRecord } from '../../db/draftsRepository';
import type { ServiceContext } from './context';
import { moveRegulation } from './safekeepingService';
import { regulationDetail, requireDraft, requireRegulation, summarizeRegulation } from './views';
import { requireWritable } from './writeGuard';

export function createRegulationsService(ctx: ServiceContext) {
  return {
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
    searchRegulations({ text, offset, limit }: ApiParsedInput<'searchRegulations'>): { total: number; items: SearchHit[] } {
      const { total, items } = ctx.repos.regulations.search(text, offset, limit);
      const drafts = new Map<string, DraftRecord>();
      const summaries = ctx.repos.regulations.assessmentSummaries(items.map((regulation) => regulation.id));
      return {
        total,
        items: items.map((regulation) => {
          const draft = drafts.get(regulation.draftId) ?? requireDraft(ctx, regulation.draftId);
          drafts.set(draft.id, draft);
          return { ...summarizeRegulation(regulation, draft.docType, summaries.get(regulation.id)), draftId: draft.id, draftTitle: draft.title, docType: draft.docType };
        }),
      };
    },
  };
}
