// The draft list's search, filters and sorting on PostgreSQL, as db/sqlite/draftQueries.ts: titles and agencies
// folded (the generated title_folded and agency_folded columns, trigram-indexed), the day each draft was last sent for
// the stage it waits on, and the statutory due day to sort by.
import type { CursorKey } from '../../shared/contract/paging';
import type { DraftSort } from '../../shared/domain/draftSorts';
import { foldVietnamese } from '../../shared/domain/textFold';
import type { DraftFilter, DraftQueries, DraftQueryRow } from '../port';
import { LIMIT_DAYS, SENT_AT } from '../common/draftListSql';
import type { PgSession } from './session';

const ORDER: Record<DraftSort, string> = {
  updated: 'd.updated_at',
  title: 'd.title_folded',
  docType: 'd.doc_type',
  agency: 'd.agency_folded',
  status: 'd.status',
  regulations: 'regulation_count',
  // Days from a fixed day rather than SQLite's Julian day: the same order. Drafts waiting on no one sort after every deadline.
  due: `coalesce((substr(sent_at, 1, 10)::date - date '2000-01-01') + ${LIMIT_DAYS}, 1e9)::float8`,
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The filter's conditions, shared by the count and the pages, with their values from $1 on. */
function conditions(filter: DraftFilter): { whereSql: string; values: unknown[] } {
  const where: string[] = ['d.deleted_at IS NULL']; // a draft in the trash is in no list
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  for (const word of foldVietnamese(filter.text).split(/\s+/).filter((part) => part.length > 0)) {
    const pattern = bind(`%${escapeLike(word)}%`);
    where.push(`(d.title_folded LIKE ${pattern} ESCAPE '\\' OR d.agency_folded LIKE ${pattern} ESCAPE '\\')`);
  }
  if (filter.statuses.length > 0) where.push(`d.status = ANY (${bind(filter.statuses)}::text[])`);
  if (filter.docTypes.length > 0) where.push(`d.doc_type = ANY (${bind(filter.docTypes)}::text[])`);
  if (filter.agency.trim() !== '') where.push(`d.agency_folded LIKE ${bind(`%${escapeLike(foldVietnamese(filter.agency.trim()))}%`)} ESCAPE '\\'`);
  if (filter.government !== undefined) where.push(`d.submitted_to_government = ${bind(filter.government)}`);
  return { whereSql: `WHERE ${where.join(' AND ')}`, values };
}

export function createPgDraftQueries(session: PgSession): DraftQueries {
  return {
    async count(filter) {
      const { whereSql, values } = conditions(filter);
      return (await session.row<{ total: number }>(`SELECT count(*)::integer AS total FROM drafts d ${whereSql}`, values))?.total ?? 0;
    },
    async page(filter, from): Promise<{ rows: DraftQueryRow[]; last: CursorKey | null } | undefined> {
      const { whereSql, values } = conditions(filter);
      const direction = filter.descending ? 'DESC' : 'ASC';
      const inner = `SELECT d.id, d.doc_type, d.title, d.drafting_agency, d.submitted_to_government::integer AS submitted_to_government, d.status,
          d.issued_at, d.updated_at, d.seq, d.title_folded, d.agency_folded,
          (SELECT count(*)::integer FROM regulations r WHERE r.draft_id = d.id AND r.deleted_at IS NULL) AS regulation_count,
          ${SENT_AT} AS sent_at
        FROM drafts d ${whereSql}`;
      const sortKey = ORDER[filter.sort];
      const select = `SELECT d.id, d.doc_type, d.title, d.drafting_agency, d.submitted_to_government, d.status, d.issued_at, d.updated_at,
          d.regulation_count, d.sent_at, d.seq, ${sortKey} AS sort_key
        FROM (${inner}) d`;
      const order = `ORDER BY ${sortKey} ${direction}, d.seq DESC`;
      const bind = (value: unknown) => {
        values.push(value);
        return `$${values.length}`;
      };
      let text: string;
      if ('offset' in from) text = `${select} ${order} LIMIT ${bind(filter.limit)} OFFSET ${bind(from.offset)}`;
      else {
        const [key, seq] = from.after;
        if (from.after.length !== 2 || typeof seq !== 'number' || key === undefined) return undefined;
        // Ties go newest first whatever the direction, so only the descending order is one row-value comparison.
        const keyAt = bind(key);
        const seqAt = bind(seq);
        const after = filter.descending ? `(${sortKey}, d.seq) < (${keyAt}, ${seqAt})` : `(${sortKey} > ${keyAt} OR (${sortKey} = ${keyAt} AND d.seq < ${seqAt}))`;
        text = `${select} WHERE ${after} ${order} LIMIT ${bind(filter.limit)}`;
      }
      const rows = await session.rows<DraftQueryRow>(text, values);
      const lastRow = rows.at(-1);
      return { rows, last: lastRow ? [lastRow.sort_key, lastRow.seq] : null };
    },
  };
}
