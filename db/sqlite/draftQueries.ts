// The draft list's search, filters and sorting in SQL: titles and agencies folded like the regulation search
// (case, diacritics and đ), the date each draft was last sent for a stage, and the statutory due day to sort by.
import type { Database, Statement } from 'better-sqlite3';
import type { CursorKey } from '../../shared/contract/paging';
import { foldVietnamese } from '../../shared/domain/textFold';
import type { DraftSort } from '../../shared/domain/draftSorts';
import type { DraftFilter, DraftPagePosition, DraftQueryRow } from '../port';
import { LIMIT_DAYS, SENT_AT } from '../common/draftListSql';

const ORDER: Record<DraftSort, string> = {
  updated: 'd.updated_at',
  title: 'tthc_fold(d.title)',
  docType: 'd.doc_type',
  agency: 'tthc_fold(d.drafting_agency)',
  status: 'd.status',
  regulations: 'regulation_count',
  // Drafts waiting on no one sort after every deadline.
  due: `coalesce(julianday(substr(sent_at, 1, 10)) + ${LIMIT_DAYS}, 1e9)`,
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The filter's conditions, shared by the count and the pages. */
function conditions(filter: DraftFilter): { whereSql: string; params: unknown[] } {
  const where: string[] = ['d.deleted_at IS NULL']; // a draft in the trash is in no list
  const params: unknown[] = [];
  const words = foldVietnamese(filter.text).split(/\s+/).filter((word) => word.length > 0);
  for (const word of words) {
    where.push(`(tthc_fold(d.title) LIKE ? ESCAPE '\\' OR tthc_fold(d.drafting_agency) LIKE ? ESCAPE '\\')`);
    params.push(`%${escapeLike(word)}%`, `%${escapeLike(word)}%`);
  }
  if (filter.statuses.length > 0) {
    where.push(`d.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.docTypes.length > 0) {
    where.push(`d.doc_type IN (${filter.docTypes.map(() => '?').join(', ')})`);
    params.push(...filter.docTypes);
  }
  if (filter.agency.trim() !== '') {
    where.push(`tthc_fold(d.drafting_agency) LIKE ? ESCAPE '\\'`);
    params.push(`%${escapeLike(foldVietnamese(filter.agency.trim()))}%`);
  }
  if (filter.government !== undefined) {
    where.push('d.submitted_to_government = ?');
    params.push(filter.government ? 1 : 0);
  }
  return { whereSql: `WHERE ${where.join(' AND ')}`, params };
}

export function createDraftQueries(db: Database) {
  db.function('tthc_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldVietnamese(text) : text));
  const cache = new Map<string, Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };

  return {
    count(filter: DraftFilter): number {
      const { whereSql, params } = conditions(filter);
      return (prepared(`SELECT count(*) AS total FROM drafts d ${whereSql}`).get(...params) as { total: number }).total;
    },
    /** One page in the filter's order (ties newest first by seq); a key of the wrong shape is `undefined` back. */
    page(filter: DraftFilter, from: DraftPagePosition): { rows: DraftQueryRow[]; last: CursorKey | null } | undefined {
      const { whereSql, params } = conditions(filter);
      const direction = filter.descending ? 'DESC' : 'ASC';
      const inner = `SELECT d.id, d.doc_type, d.title, d.drafting_agency, d.submitted_to_government, d.status, d.issued_at, d.updated_at, d.seq,
          (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id AND r.deleted_at IS NULL) AS regulation_count,
          ${SENT_AT} AS sent_at
        FROM drafts d ${whereSql}`;
      const sortKey = ORDER[filter.sort];
      const select = `SELECT d.*, ${sortKey} AS sort_key FROM (${inner}) d`;
      const order = `ORDER BY ${sortKey} ${direction}, d.seq DESC`;
      let rows: DraftQueryRow[];
      if ('offset' in from) {
        rows = prepared(`${select} ${order} LIMIT ? OFFSET ?`).all(...params, filter.limit, from.offset) as DraftQueryRow[];
      } else {
        const [key, seq] = from.after;
        if (from.after.length !== 2 || typeof seq !== 'number' || key === undefined) return undefined;
        // Ties go newest first whatever the direction, so only the descending order is one row-value comparison.
        const after = filter.descending ? `(${sortKey}, d.seq) < (?, ?)` : `(${sortKey} > ? OR (${sortKey} = ? AND d.seq < ?))`;
        const keyParams = filter.descending ? [key, seq] : [key, key, seq];
        rows = prepared(`${select} WHERE ${after} ${order} LIMIT ?`).all(...params, ...keyParams, filter.limit) as DraftQueryRow[];
      }
      const lastRow = rows.at(-1);
      return { rows, last: lastRow ? [lastRow.sort_key, lastRow.seq] : null };
    },
  };
}
