// The impact-assessment form of one regulation or of a whole draft, as DOCX for the dossier.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import { toExportedFile, withSignatureNotice } from '../export/exportedFile';
import type { DraftRecord, RegulationRecord, Repositories } from '../../db/port';
import { signedParticulars } from './documentParticulars';
import type { ServiceContext } from './context';
import { localDate } from '../../shared/domain/localDate';
import { draftDate, requireDraft, requireRegulation } from './views';

/**
 * The day the assessment of every regulation on the form was finished: the latest completion among them; none while
 * one of them is unfinished, and the form is then dated the day it is drawn up.
 */
export function assessmentCompletion(regulations: readonly Pick<RegulationRecord, 'assessment'>[]): string | undefined {
  const days = regulations.map((regulation) => regulation.assessment?.completedAt?.slice(0, 10));
  if (days.length === 0 || days.some((day) => !day)) return undefined;
  return (days as string[]).reduce((latest, day) => (day > latest ? day : latest));
}

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
        // The drafting agency's form, signed by one of its signers, dated the day its assessment was finished.
        const date = assessmentCompletion(regulations) ?? localDate(ctx.now());
        const particulars = await signedParticulars(repos, { agency: draft.draftingAgency, kind: 'assessment_form', number: '', date }, input.overrides);
        return { one, draft, regulations, particulars };
      });
      const bytes = await renderAssessmentFormDocx({ draft, regulations, ...particulars, analysis: input.analysis ?? false });
      return withSignatureNotice(toExportedFile(`Đánh giá tác động - ${one?.name ?? draft.title}`, 'docx', bytes), particulars.signature?.name ?? '');
    },
  };
}
