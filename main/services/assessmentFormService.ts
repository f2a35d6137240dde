// The impact-assessment form of one regulation or of a whole draft, as DOCX for the dossier.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import { toExportedFile, withSignatureNotice } from '../export/exportedFile';
import type { DraftRecord, RegulationRecord, Repositories } from '../../db/port';
import { signedParticulars } from './documentParticulars';
import type { ServiceContext } from './context';
import { localDate } from '../../shared/domain/localDate';
import { publishedRecordOf } from './publishedRecord';
import { draftDate, requireDraft, requireRegulation } from './views';

/**
 * The day the form is signed: the day the assessment of the regulations on it was finished. For a whole draft the
 * drafting agency recorded that day as its step «Hoàn thành đánh giá tác động» (`finishedSteps`, the instants of those
 * steps; a regulation re-assessed later moves it to that later day), so a regulation that kept no completion day of
 * its own — as a dossier from another system may — does not leave the form undated. Without such a step: the latest
 * completion among the regulations, none while one of them is unfinished (the form is then dated the day it is drawn up).
 */
export function assessmentCompletion(regulations: readonly Pick<RegulationRecord, 'assessment'>[], finishedSteps: readonly string[] = []): string | undefined {
  const days = regulations.map((regulation) => regulation.assessment?.completedAt?.slice(0, 10));
  const completed = days.filter((day): day is string => Boolean(day));
  const latest = (dates: string[]) => dates.reduce((last, day) => (day > last ? day : last));
  if (finishedSteps.length > 0) return latest([...finishedSteps.map(localDate), ...completed]);
  return completed.length > 0 && completed.length === days.length ? latest(completed) : undefined;
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
        const records = one ? [one] : await repos.regulations.listByDraft(draft.id);
        // Each with its published record's subjects, that its scope (and so the programs it is judged against) is the stored one.
        const regulations = await Promise.all(records.map(async (record) => ({ ...record, published: await publishedRecordOf(repos, record.nationalCode) })));
        if (regulations.length === 0) throw new ApiError('invalid_input', `Dự thảo “${draft.title}” chưa có TTHC/QĐKD nào để lập biểu mẫu đánh giá tác động.`);
        // The drafting agency's form, signed by one of its signers, dated the day its assessment was finished.
        const finishedSteps = one ? [] : (await repos.events.listByDraft(draft.id)).filter((event) => event.action === 'complete_assessment').map((event) => event.at);
        const date = assessmentCompletion(regulations, finishedSteps) ?? localDate(ctx.now());
        const particulars = await signedParticulars(repos, { agency: draft.draftingAgency, kind: 'assessment_form', number: '', date }, input.overrides);
        return { one, draft, regulations, particulars };
      });
      const bytes = await renderAssessmentFormDocx({ draft, regulations, ...particulars, analysis: input.analysis ?? false });
      return withSignatureNotice(toExportedFile(`Đánh giá tác động - ${one?.name ?? draft.title}`, 'docx', bytes), particulars.signature?.name ?? '');
    },
  };
}
