// The impact-assessment form of one regulation or of a whole draft, as DOCX for the dossier.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import { toExportedFile } from '../export/exportedFile';
import type { ServiceContext } from './context';
import { localDate } from './localDate';
import { requireDraft, requireRegulation } from './views';

export function createAssessmentFormService(ctx: ServiceContext) {
  return {
    async exportAssessmentForm(input: ApiParsedInput<'exportAssessmentForm'>): Promise<ExportedFile> {
      // Imported on first use: docx takes a while to load, and most calls export nothing.
      const { renderAssessmentFormDocx } = await import('../export/assessmentFormDocx');
      if ('regulationId' in input) {
        const regulation = requireRegulation(ctx, input.regulationId);
        const draft = requireDraft(ctx, regulation.draftId);
        return toExportedFile(`Đánh giá tác động - ${regulation.name}`, 'docx', await renderAssessmentFormDocx({ draft, regulations: [regulation], date: localDate(ctx.now()) }));
      }
      const draft = requireDraft(ctx, input.draftId);
      const regulations = ctx.repos.regulations.listByDraft(draft.id);
      if (regulations.length === 0) throw new ApiError('invalid_input', `Dự thảo “${draft.title}” chưa có TTHC/QĐKD nào để lập biểu mẫu đánh giá tác động.`);
      return toExportedFile(`Đánh giá tác động - ${draft.title}`, 'docx', await renderAssessmentFormDocx({ draft, regulations, date: localDate(ctx.now()) }));
    },
  };
}
