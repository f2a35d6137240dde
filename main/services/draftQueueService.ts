// The draft list that finds: search, filters, sorting and each role's queue, with the statutory deadline of the
// stage a draft waits on (shared/domain/deadlines.ts).
import { encodeCursor, type ApiOutput, type ApiParsedInput } from '../../shared/contract/api';
import { deadlineOf, queueStatuses } from '../../shared/domain/deadlines';
import type { DocType, DraftStatus } from '../../shared/domain/vocabulary';
import type { ServiceContext } from './context';
import { localDate } from './localDate';
import { invalidCursor } from './views';

export function createDraftQueueService(ctx: ServiceContext) {
  return {
    findDrafts({ queue, statuses, offset, cursor, ...filter }: ApiParsedInput<'findDrafts'>): ApiOutput<'findDrafts'> {
      const queued = queue ? queueStatuses(queue) : null;
      const wanted = queued ? (statuses.length > 0 ? statuses.filter((status) => queued.includes(status)) : queued) : statuses;
      // A queue whose statuses the filter excludes holds nothing.
      if (queued && wanted.length === 0) return { total: 0, items: [], next: null };
      const query = { ...filter, statuses: wanted };
      // Counted once, on the first page; the cursor carries the total and the key the next page starts after.
      const total = cursor ? cursor.total : ctx.repos.draftQueries.count(query);
      const page = ctx.repos.draftQueries.page(query, cursor ? { after: cursor.key } : { offset });
      if (!page) throw invalidCursor();
      const { rows, last } = page;
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
}
