// Regulation lists to XLSX, and regulations from XLSX into a draft: a preview that reads every row with the guessed or
// chosen column mapping, then a commit that reads the file again and writes all rows in one transaction, or none.
import type { ApiParsedInput, ImportPreview } from '../../shared/contract/api';
import type { ExportedFile } from '../../shared/contract/files';
import { ApiError, type FieldProblem } from '../../shared/contract/errors';
import { missingComponents } from '../../shared/domain/components';
import { columnLetter, mappingProblems, parseRow, suggestMapping, type ImportMapping, type ParsedRow } from '../../shared/domain/regulationImport';
import { describeRegulationFilters, type RegulationFilters } from '../../shared/contract/regulationFilters';
import { isUnsearchable } from '../../shared/domain/textFold';
import { formatInteger } from '../../shared/i18n/format';
import type { RegulationHitPage, SearchPosition } from '../../db/port';
import { exportFileName, toExportedFile, XLSX_MIME } from '../export/exportedFile';
import { regulationListTable, type RegulationListEntry } from '../export/regulationsXlsx';
import { readRegulationSheet } from '../workbooks/regulationSheet';
import type { SheetTable } from '../export/tableXlsx';
import type { Download } from './downloads';
import { actingOfficer } from './revisions';
import type { ServiceContext } from './context';
import { requireDraft } from './views';
import { requireWritableDraft } from './writeGuard';

const SEARCH_PAGE = 500;

type ReadImport = { sheetName: string; headers: ImportPreview['headers']; suggested: ImportMapping; mapping: ImportMapping; mappingProblems: string[]; rows: ParsedRow[] };

async function readImport(fileBase64: string, mapping: ImportMapping | undefined): Promise<ReadImport> {
  const sheet = await readRegulationSheet(Buffer.from(fileBase64, 'base64'));
  const suggested = suggestMapping(sheet.headers);
  const used = mapping ?? suggested;
  return {
    sheetName: sheet.sheetName,
    headers: sheet.headers.map(({ column, text }) => ({ column, letter: columnLetter(column), text })),
    suggested,
    mapping: used,
    mappingProblems: mappingProblems(used, sheet.headers),
    rows: sheet.rows.map(({ rowNumber, cells }) => parseRow(rowNumber, cells, used, sheet.headers)),
  };
}

/** Page by page as the workbook writer asks for rows, each page after the last one's key: one page held at a time. */
async function* searchEntries(ctx: ServiceContext, text: string, filters: RegulationFilters): AsyncGenerator<RegulationListEntry> {
  let from: SearchPosition = { offset: 0 };
  for (;;) {
    const page: RegulationHitPage = (await ctx.read((repos) => repos.regulations.search(text, SEARCH_PAGE, from, filters)))!;
    for (const { regulation, draftTitle, docType, summary } of page.items) {
      yield { regulation, draftTitle, missing: missingComponents(docType, regulation), necessityScore: summary.necessityScore };
    }
    if (page.items.length < SEARCH_PAGE || !page.last) return;
    from = { after: page.last };
  }
}

/** A draft's regulations or search results as the one sheet of the list's workbook; its rows are read as it is written. */
async function regulationListSheet(ctx: ServiceContext, input: ApiParsedInput<'exportRegulationList'>): Promise<{ title: string; table: SheetTable }> {
  if ('draftId' in input) {
    const { draft, regulations, summaries } = await ctx.read(async (repos) => {
      const draft = await requireDraft(repos, input.draftId);
      const regulations = await repos.regulations.listByDraft(draft.id);
      return { draft, regulations, summaries: await repos.regulations.assessmentSummaries(regulations.map((regulation) => regulation.id)) };
    });
    const entries = regulations.map((regulation) => ({
      regulation,
      missing: missingComponents(draft.docType, regulation),
      necessityScore: summaries.get(regulation.id)?.necessityScore ?? null,
    }));
    const title = `Danh sách TTHC/QĐKD - ${draft.title}`;
    return { title, table: regulationListTable(entries, { title, subtitle: `Cơ quan chủ trì soạn thảo: ${draft.draftingAgency}`, sheetName: 'TTHC' }) };
  }
  const text = input.search.trim();
  if (isUnsearchable(text)) throw new ApiError('invalid_input', 'Không có gì để tìm: nội dung tìm kiếm chỉ có ký hiệu hoặc biểu tượng, chưa xuất danh sách.');
  const filtered = describeRegulationFilters(input.filters);
  const title = text ? `Kết quả tra cứu TTHC - ${text}` : filtered ? 'Kết quả tra cứu TTHC/QĐKD' : 'Danh sách TTHC/QĐKD - mọi dự thảo';
  const count = `${formatInteger(await ctx.read((repos) => repos.regulations.countMatches(text, input.filters)))} kết quả${text ? ` cho “${text}”` : ''}`;
  const subtitle = filtered ? `${count}; ${filtered}` : count;
  return { title, table: regulationListTable(searchEntries(ctx, text, input.filters), { title, subtitle, sheetName: 'Tra cứu', acrossDrafts: true }) };
}

/** The list's workbook written to a stream as its rows are read: neither the rows nor the file are ever held whole. */
export async function regulationListDownload(ctx: ServiceContext, input: ApiParsedInput<'exportRegulationList'>): Promise<Download> {
  const { title, table } = await regulationListSheet(ctx, input);
  return { fileName: exportFileName(title, 'xlsx'), mimeType: XLSX_MIME, writeTo: async (out) => (await import('../export/tableXlsx')).writeTablesXlsx([table], out) };
}

export function createSpreadsheetsService(ctx: ServiceContext) {
  return {
    async exportRegulationList(input: ApiParsedInput<'exportRegulationList'>): Promise<ExportedFile> {
      const { title, table } = await regulationListSheet(ctx, input);
      // exceljs is imported on first use: it takes a second to load, and most calls export nothing.
      const { renderTablesXlsx } = await import('../export/tableXlsx');
      return toExportedFile(title, 'xlsx', await renderTablesXlsx([table]));
    },

    async previewRegulationImport({ draftId, fileBase64, mapping }: ApiParsedInput<'previewRegulationImport'>): Promise<ImportPreview> {
      await ctx.read((repos) => requireDraft(repos, draftId));
      const read = await readImport(fileBase64, mapping);
      return {
        ...read,
        rows: read.rows.map(({ rowNumber, fields, problems }) => ({
          rowNumber,
          name: fields.name,
          kind: fields.kind,
          change: fields.change,
          level: fields.level,
          article: fields.article,
          problems,
        })),
        validRows: read.rows.filter((row) => row.problems.length === 0).length,
      };
    },

    async commitRegulationImport({ draftId, fileBase64, mapping }: ApiParsedInput<'commitRegulationImport'>) {
      await ctx.read((repos) => requireWritableDraft(repos, draftId, 'regulation'));
      const read = await readImport(fileBase64, mapping);
      const rowProblems: FieldProblem[] = read.rows.flatMap(({ rowNumber, problems }) =>
        problems.map(({ column, message }) => ({ path: `dòng ${rowNumber}, cột ${column}`, message })),
      );
      const problems = [...read.mappingProblems.map((message) => ({ path: 'cột', message })), ...rowProblems];
      if (problems.length > 0) {
        const failedRows = new Set(read.rows.filter((row) => row.problems.length > 0).map((row) => row.rowNumber)).size;
        const summary = failedRows > 0 ? `${formatInteger(failedRows)} dòng có lỗi` : 'cách chọn cột chưa hợp lệ';
        throw new ApiError('invalid_input', `Chưa nhập: ${summary}, không có TTHC/QĐKD nào được ghi.`, problems);
      }
      const regulationIds = read.rows.map(() => ctx.newId());
      await ctx.tx(async (repos) => {
        // Checked again inside the write: the file was read asynchronously and the draft may have moved on meanwhile.
        await requireWritableDraft(repos, draftId, 'regulation');
        const now = ctx.now();
        const writes = read.rows.map(({ fields }, index) => ({ kind: 'insertRegulation', record: { ...fields, id: regulationIds[index]!, draftId }, now }) as const);
        await repos.exchange.apply(writes, { at: now, by: await actingOfficer(repos) });
        await repos.drafts.touch(draftId, now);
      });
      return { added: regulationIds.length, regulationIds };
    },
  };
}
