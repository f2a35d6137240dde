// The regulation search on PostgreSQL, answering as the SQLite repository's FTS5 search does (db/regulationsRepository.ts
// search/countMatches): every typed word must start a word of the regulation's name, field, article, national code or
// its draft's title, folded alike (case, diacritics, đ); hits newest first (key: seq), a blank search the whole list by
// name then seq (key: name, seq). The words are split in TypeScript (searchWords) and folded again by the database's
// own tthc_search_text, so the text and the typed words always go through the same fold. Each word's pattern is an
// uncorrelated sub-select, computed once per query and usable by the trigram indexes (db/pg/migrations/0130-baseline.ts).
import type { CursorKey } from '../../shared/contract/paging';
import { NO_FILTERS, type RegulationFilters } from '../../shared/contract/regulationFilters';
import { searchWords } from '../../shared/domain/textFold';
import { pgRegulationFilterSql } from './regulationFilterSql';

/** Where a page starts: an offset, or the key the previous page ended on. */
export type SearchPosition = { offset: number } | { after: CursorKey };

export type SqlQuery = { text: string; values: unknown[] };

/**
 * For `count` words bound from $first on, each word's LIKE pattern: a word of the text starting with the typed one,
 * folded by the database as the stored words are.
 */
export const wordPatternsSql = (count: number, first: number): string[] =>
  Array.from({ length: count }, (_unused, index) => `(SELECT '%' || tthc_search_text($${first + index}) || '%')`);

/** `FROM … WHERE …` of a search over `regulations r JOIN drafts d`: the words bound from $1 on, then the filters'. */
function matching(words: readonly string[], filters: RegulationFilters): SqlQuery {
  const conditions = wordPatternsSql(words.length, 1).map(
    (pattern) => ` AND (r.search_words LIKE ${pattern} OR r.draft_id = ANY (ARRAY(SELECT t.id FROM drafts t WHERE t.title_words LIKE ${pattern})))`,
  );
  const filtered = pgRegulationFilterSql(filters, words.length + 1);
  return {
    text: `FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.deleted_at IS NULL${conditions.join('')}${filtered.where}`,
    values: [...words, ...filtered.values],
  };
}

/**
 * One page of `columns` (over `regulations r JOIN drafts d`, which must include r.seq and r.name for the page's last
 * key), or `undefined` for a key of the wrong shape. `isBlank` says which key the rows carry.
 */
export function regulationSearchQuery(
  columns: string,
  text: string,
  limit: number,
  from: SearchPosition,
  filters: RegulationFilters = NO_FILTERS,
): (SqlQuery & { isBlank: boolean }) | undefined {
  const words = searchWords(text);
  const isBlank = words.length === 0;
  const { text: body, values } = matching(words, filters);
  const next = () => `$${values.length + 1}`;
  const select = `SELECT ${columns} ${body}`;
  const order = isBlank ? 'ORDER BY r.name, r.seq' : 'ORDER BY r.seq DESC';
  if ('offset' in from) {
    const limitAt = next();
    values.push(limit);
    const offsetAt = next();
    values.push(from.offset);
    return { text: `${select} ${order} LIMIT ${limitAt} OFFSET ${offsetAt}`, values, isBlank };
  }
  if (isBlank) {
    const [name, seq] = from.after;
    if (from.after.length !== 2 || typeof name !== 'string' || typeof seq !== 'number') return undefined;
    const nameAt = next();
    values.push(name);
    const seqAt = next();
    values.push(seq);
    const limitAt = next();
    values.push(limit);
    return { text: `${select} AND (r.name, r.seq) > (${nameAt}, ${seqAt}) ${order} LIMIT ${limitAt}`, values, isBlank };
  }
  const [seq] = from.after;
  if (from.after.length !== 1 || typeof seq !== 'number') return undefined;
  const seqAt = next();
  values.push(seq);
  const limitAt = next();
  values.push(limit);
  return { text: `${select} AND r.seq < ${seqAt} ${order} LIMIT ${limitAt}`, values, isBlank };
}

/** How many regulations the search finds. */
export function regulationCountQuery(text: string, filters: RegulationFilters = NO_FILTERS): SqlQuery {
  const { text: body, values } = matching(searchWords(text), filters);
  return { text: `SELECT count(*)::integer AS total ${body}`, values };
}

/** The key a page ended on, from its last row. */
export const lastKey = (row: { seq: number; name: string } | undefined, isBlank: boolean): CursorKey | null =>
  row ? (isBlank ? [row.name, row.seq] : [row.seq]) : null;
