import { encodeCursor, type ApiOutput, type ApiParsedInput, type RegulationDetail } from '../../shared/contract/api';
import { isUnsearchable } from '../../shared/domain/textFold';
import type { ServiceContext } from './context';
import { actingOfficer, writeOnVersion } from './revisions';
import { moveRegulation } from './safekeepingService';
import { invalidCursor, regulationDetail, requireRegulation, summarizeRegulation } from './views';
import { requireWritableDraft } from './writeGuard';

export function createRegulationsService(ctx: ServiceContext) {
  return {
    searchOptions(): Promise<ApiOutput<'searchOptions'>> {
      return ctx.read((repos) => repos.regulations.searchOptions());
    },
    getRegulation({ id }: ApiParsedInput<'getRegulation'>): Promise<RegulationDetail> {
      return ctx.read((repos) => regulationDetail(repos, id));
    },
    createRegulation({ draftId, fields }: ApiParsedInput<'createRegulation'>): Promise<RegulationDetail> {
      const id = ctx.newId();
      return ctx.tx(async (repos) => {
        await requireWritableDraft(repos, draftId, 'regulation');
        const now = ctx.now();
        await repos.regulations.insert({ ...fields, id, draftId }, { at: now, by: await actingOfficer(repos) });
        await repos.drafts.touch(draftId, now);
        return regulationDetail(repos, id);
      });
    },
    updateRegulation({ id, version, fields }: ApiParsedInput<'updateRegulation'>): Promise<RegulationDetail> {
      return ctx.tx(async (repos) => {
        const current = await requireRegulation(repos, id);
        const draft = await requireWritableDraft(repos, current.draftId, 'regulation');
        const now = ctx.now();
        const updated = { ...fields, id, draftId: current.draftId, assessment: current.assessment };
        await writeOnVersion(repos, { record: 'regulation', id, yourVersion: version, at: now }, (edit) => repos.regulations.update(updated, edit));
        await repos.drafts.touch(current.draftId, now);
        return regulationDetail(repos, id, { draft, version: version + 1 });
      });
    },
    /** Into the trash, never gone: see moveRegulation. */
    async deleteRegulation({ id }: ApiParsedInput<'deleteRegulation'>): Promise<{ deleted: true }> {
      await moveRegulation(ctx, id, 'trash_regulation');
      return { deleted: true };
    },
    async searchRegulations({ text, filters, offset, limit, cursor }: ApiParsedInput<'searchRegulations'>): Promise<ApiOutput<'searchRegulations'>> {
      // "😀" or "!!!" holds nothing to look for: say so rather than list everything as a blank search does.
      if (isUnsearchable(text)) return { total: 0, items: [], next: null, nothingToSearch: true };
      // The total is counted once, on the first page, and carried in the cursor; later pages continue after its key.
      const { total, page } = await ctx.read(async (repos) => ({
        total: cursor ? cursor.total : await repos.regulations.countMatches(text, filters),
        page: await repos.regulations.search(text, limit, cursor ? { after: cursor.key } : { offset }, filters),
      }));
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
