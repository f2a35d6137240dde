// The impact-assessment form of one regulation or of a whole draft, as DOCX for the dossier.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import { toExportedFile, withSignatureNotice } from '../export/exportedFile';
import type { DraftRecord, Repositories } from '../../db/port';
import { signedParticulars } from './documentParticulars';
import type { ServiceContext } from './context';
import { localDate } from './localDate';
import { draftDate, requireDraft, requireRegulation } from './views';

export function createAssessmentFormService(ctx: ServiceContext) {
  /** The draft as the form prints it, with the date its cost reductions are judged on. */
  const formDraft = async (repos: Repositories, draft: DraftRecord) => ({ ...draft, referenceDate: await draftDate(ctx, repos, draft) });
  return {
    async exportAssessmentForm(input: ApiParsedInput<'exportAssessmentForm'>): Promise<ExportedFile> {
      // Imported on first use: docx takes a while to load, and most calls export nothing.
      const { renderAssessmentFormDocx } = await import('../export/assessmentFormDocx');
      const { one, draft, regulations, particulars } = await ctx.read(async (repos) => {
        const one = 'regulationId' in input ? await requireRegulation(repos, input.regulationId) : undefined;
        const draft = await formDraft(repos, await requireDraft(repos, one?.draftId ?? ('draftId' in input ? input.draftId : '')));
        const regulations = one ? [one] : await repos.regulations.listByDraft(draft.id);
        if (regulations.length === 0) throw new ApiError('invalid_input', `Dự thảo “${draft.title}” chưa có TTHC/QĐKD nào để lập biểu mẫu đánh giá tác động.`);
        // The drafting agency's form, signed by one of its signers.
        const particulars = await signedParticulars(repos, { agency: draft.draftingAgency, kind: 'assessment_form', number: '', date: localDate(ctx.now()) }, input.overrides);
        return { one, draft, regulations, particulars };
      });
      const bytes = await renderAssessmentFormDocx({ draft, regulations, ...particulars });
      return withSignatureNotice(toExportedFile(`Đánh giá tác động - ${one?.name ?? draft.title}`, 'docx', bytes), particulars.signature?.name ?? '');
    },
  };
}
