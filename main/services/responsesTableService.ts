// The tiếp thu–giải trình table of a draft at a stage: every opinion at that stage with the drafter's response.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import type { DataTable } from '../../shared/contract/reportsApi';
import { responsesTableRecipients } from '../../shared/domain/documentSenders';
import { draftPhrase } from '../../shared/domain/draftTitle';
import { countKinds, kindsInWords } from '../../shared/domain/kindCountWords';
import { RESPONSES_COLUMNS, responsesRows, responsesTableTitle } from '../../shared/domain/responsesTable';
import { toExportedFile, withSignatureNotice } from '../export/exportedFile';
import { signedParticulars } from './documentParticulars';
import { localDate } from '../../shared/domain/localDate';
import type { ServiceContext } from './context';
import { requireDraft } from './views';
import { opinionsOfDraft } from './workflowState';

const STAGE_WORD = { appraisal: 'thẩm định', review: 'thẩm tra' } as const;
const XLSX_WIDTHS = [6, 30, 16, 48, 18, 14, 40, 40];

export function createResponsesTableService(ctx: ServiceContext) {
  return {
    async exportResponsesTable({ draftId, stage, format, overrides }: ApiParsedInput<'exportResponsesTable'>): Promise<ExportedFile> {
      const { draft, sources } = await ctx.read(async (repos) => {
        const draft = await requireDraft(repos, draftId);
        const opinions = await opinionsOfDraft(repos, draftId);
        const regulations = await repos.regulations.listByDraft(draftId);
        const sources = regulations.map((regulation) => ({ name: regulation.name, kind: regulation.kind, change: regulation.change, article: regulation.article, opinions: opinions(regulation.id) }));
        return { draft, sources };
      });
      const rows = responsesRows(sources, stage);
      if (rows.length === 0) {
        throw new ApiError('invalid_input', `Dự thảo “${draft.title}” chưa có ý kiến ${STAGE_WORD[stage]} nào, nên chưa lập được bảng tiếp thu, giải trình.`);
      }
      const title = responsesTableTitle(stage);
      // The kinds the table answers for: a draft of procedures only reads «đối với các TTHC», not «TTHC, QĐKD».
      const answered = sources.filter((source) => source.opinions.some((opinion) => opinion.stage === stage));
      const subtitle = `đối với các ${kindsInWords(countKinds(answered.map((source) => source.kind)))} tại ${draftPhrase(draft.title)}`;
      const fileTitle = `Tiếp thu, giải trình ý kiến ${STAGE_WORD[stage]} - ${draft.title}`;
      if (format === 'docx') {
        // The renderers are imported on first use: exceljs, docx and pdfmake take a second to load, and most calls export nothing.
        const { renderResponsesTableDocx } = await import('../export/responsesTableDocx');
        const particulars = await ctx.read((repos) => signedParticulars(repos, { agency: draft.draftingAgency, kind: 'responses_table', number: '', date: localDate(ctx.now()) }, overrides));
        const bytes = await renderResponsesTableDocx({ title, subtitle, agency: draft.draftingAgency, rows, recipients: responsesTableRecipients(stage, draft), ...particulars });
        return withSignatureNotice(toExportedFile(fileTitle, 'docx', bytes), particulars.signature?.name ?? '');
      }
      const table: DataTable = {
        sheetName: 'Tiếp thu, giải trình',
        title: `${title} ${subtitle}`,
        subtitle: `Cơ quan chủ trì soạn thảo: ${draft.draftingAgency}`,
        columns: RESPONSES_COLUMNS.map((header, index) => ({ header, format: index === 0 ? 'integer' : 'text', width: XLSX_WIDTHS[index] })),
        rows: rows.map((row, index) => [index + 1, row.regulation, row.article || null, row.opinion, row.by, row.decision, row.accepted || null, row.explained || null]),
      };
      const { renderTablesXlsx } = await import('../export/tableXlsx');
      return toExportedFile(fileTitle, 'xlsx', await renderTablesXlsx([table]));
    },
  };
}
