// The draft list that finds: search, filters, sorting and each role's queue, with the statutory deadline of the
// stage a draft waits on (shared/domain/deadlines.ts).
import { encodeCursor, type ApiOutput, type ApiParsedInput, type DraftListItem } from '../../shared/contract/api';
import type { ExportedFile } from '../../shared/contract/files';
import { cursorSchema, type PageCursor } from '../../shared/contract/paging';
import type { TableCell } from '../../shared/contract/reportsApi';
import { formatDateVi, formatInteger } from '../../shared/i18n/format';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { toExportedFile } from '../export/exportedFile';
import type { SheetTable } from '../export/tableXlsx';
import { deadlineOf, queueStatuses } from '../../shared/domain/deadlines';
import type { DocType, DraftStatus } from '../../shared/domain/vocabulary';
import type { ServiceContext } from './context';
import { localDate } from '../../shared/domain/localDate';
import { invalidCursor } from './views';

const EXPORT_PAGE = 500;
const LABELS = vocabularyMessages.vi;

function deadlineText(item: DraftListItem): string | null {
  const { deadline } = item;
  if (!deadline) return null;
  const due = formatDateVi(deadline.dueOn);
  if (deadline.overdue) return `quá hạn ${formatInteger(-deadline.daysLeft)} ngày (${due})`;
  return deadline.daysLeft === 0 ? `hạn hôm nay (${due})` : `còn ${formatInteger(deadline.daysLeft)} ngày (${due})`;
}

export function createDraftQueueService(ctx: ServiceContext) {
  const service = {
    /** The list with its filters, page after page through the cursor, as the workbook writer asks for rows. */
    async exportDraftList(query: ApiParsedInput<'exportDraftList'>): Promise<ExportedFile> {
      async function* rows(): AsyncGenerator<TableCell[]> {
        let cursor: PageCursor | undefined;
        let index = 0;
        do {
          const page = await service.findDrafts({ ...query, limit: EXPORT_PAGE, offset: 0, cursor });
          for (const item of page.items) {
            index += 1;
            yield [
              index,
              item.title,
              LABELS.docType[item.docType],
              item.draftingAgency,
              item.submittedToGovernment ? 'Có' : 'Không',
              LABELS.status[item.status],
              item.regulationCount,
              item.sentAt ? formatDateVi(localDate(item.sentAt)) : null,
              deadlineText(item),
              formatDateVi(localDate(item.updatedAt)),
            ];
          }
          cursor = page.next ? cursorSchema.parse(page.next) : undefined;
        } while (cursor);
      }
      const title = query.queue ? `Việc của tôi - ${LABELS.role[query.queue]}` : 'Danh sách dự thảo VBQPPL';
      const { total } = await service.findDrafts({ ...query, limit: 1, offset: 0 });
      const table: SheetTable = {
        sheetName: 'Dự thảo',
        title,
        subtitle: `${formatInteger(total)} dự thảo${query.text.trim() ? ` có “${query.text.trim()}”` : ''}`,
        keyColumns: 2,
        columns: [
          { header: 'STT', format: 'integer', width: 6 },
          { header: 'Tên dự thảo', format: 'text', width: 48 },
          { header: 'Loại văn bản', format: 'text', width: 18 },
          { header: 'Cơ quan chủ trì soạn thảo', format: 'text', width: 26 },
          { header: 'Trình CP/TTg', format: 'text', width: 10 },
          { header: 'Trạng thái', format: 'text', width: 20 },
          { header: 'Số TTHC/QĐKD', format: 'integer', width: 10 },
          { header: 'Ngày gửi', format: 'text', width: 12 },
          { header: 'Hạn theo quy định', format: 'text', width: 24 },
          { header: 'Cập nhật', format: 'text', width: 12 },
        ],
        rows: rows(),
      };
      // exceljs is imported on first use: it takes a second to load, and most calls export nothing.
      const { renderTablesXlsx } = await import('../export/tableXlsx');
      return toExportedFile(title, 'xlsx', await renderTablesXlsx([table]));
    },
    async findDrafts({ queue, statuses, offset, cursor, ...filter }: ApiParsedInput<'findDrafts'>): Promise<ApiOutput<'findDrafts'>> {
      const queued = queue ? queueStatuses(queue) : null;
      const wanted = queued ? (statuses.length > 0 ? statuses.filter((status) => queued.includes(status)) : queued) : statuses;
      // A queue whose statuses the filter excludes holds nothing.
      if (queued && wanted.length === 0) return { total: 0, items: [], next: null };
      const query = { ...filter, statuses: wanted };
      // Counted once, on the first page; the cursor carries the total and the key the next page starts after.
      const page = await ctx.read(async (repos) => ({
        total: cursor ? cursor.total : await repos.draftQueries.count(query),
        rows: await repos.draftQueries.page(query, cursor ? { after: cursor.key } : { offset }),
      }));
      if (!page.rows) throw invalidCursor();
      const { total } = page;
      const { rows, last } = page.rows;
      const today = localDate(ctx.now());
      return {
        total,
        items: rows.map((row) => {
          const status = row.status as DraftStatus;
          const docType = row.doc_type as DocType;
          return {
            id: row.id,
            docType,
            title: row.title,
            draftingAgency: row.drafting_agency,
            submittedToGovernment: row.submitted_to_government === 1,
            status,
            issuedAt: row.issued_at,
            updatedAt: row.updated_at,
            regulationCount: row.regulation_count,
            sentAt: row.sent_at,
            deadline: deadlineOf({ status, docType }, row.sent_at ? localDate(row.sent_at) : null, today),
          };
        }),
        next: rows.length === filter.limit && last ? encodeCursor({ total, key: last }) : null,
      };
    },
  };
  return service;
}
