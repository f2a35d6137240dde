// The regulation search on PostgreSQL, answering as the SQLite repository's FTS5 search does (db/regulationsRepository.ts
// search/countMatches): every typed word must start a word of the regulation's name, field, article, national code or
// its draft's title, folded alike (case, diacritics, đ); hits newest first (key: seq), a blank search the whole list by
// name then seq (key: name, seq). The words are split in TypeScript (searchWords) and folded again by the database's
// own tthc_search_text, so the text and the typed words always go through the same fold. Each word's pattern is an
// uncorrelated sub-select, computed once per query and usable by the trigram indexes (the regulations' words in their
// own narrow table, db/pg/migrations/0260-regulation-words.ts; a draft's title in drafts.title_words).
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

/**
 * ` AND …` per word over the narrow table `regulation_words w` (db/pg/migrations/0260-regulation-words.ts): the word
 * starts a word of the regulation's own text or of its draft's title.
 */
const wordConditions = (count: number): string =>
  wordPatternsSql(count, 1)
    .map((pattern) => ` AND (w.words LIKE ${pattern} OR w.draft_id = ANY (ARRAY(SELECT t.id FROM drafts t WHERE t.title_words LIKE ${pattern})))`)
    .join('');

/**
 * How the search reads: typed words without filters find, count and page their hits in `regulation_words` alone and
 * fetch only the page's rows (`narrow`: `FROM regulation_words w WHERE …`); with filters, or a blank search, the
 * conditions are on `regulations r JOIN drafts d` (`FROM … WHERE …`), the words as the set of their hits. The words are
 * bound from $1 on, then the filters'.
 */
function matching(words: readonly string[], filters: RegulationFilters): SqlQuery & { narrow: boolean } {
  const filtered = pgRegulationFilterSql(filters, words.length + 1);
  const values = [...words, ...filtered.values];
  if (words.length > 0 && filtered.where === '') return { text: `FROM regulation_words w WHERE true${wordConditions(words.length)}`, values, narrow: true };
  const hits = words.length > 0 ? ` AND r.seq IN (SELECT w.seq FROM regulation_words w WHERE true${wordConditions(words.length)})` : '';
  return { text: `FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.deleted_at IS NULL${hits}${filtered.where}`, values, narrow: false };
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
  const { text: body, values, narrow } = matching(words, filters);
  const next = () => `$${values.length + 1}`;
  // The narrow search pages the hits' seq alone, then joins the page's rows in the same order.
  const page = (conditions: string, limits: string): string =>
    narrow
      ? `SELECT ${columns} FROM (SELECT w.seq ${body}${conditions} ORDER BY w.seq DESC ${limits}) hit ` +
        'JOIN regulations r ON r.seq = hit.seq JOIN drafts d ON d.id = r.draft_id ORDER BY r.seq DESC'
      : `SELECT ${columns} ${body}${conditions} ${isBlank ? 'ORDER BY r.name, r.seq' : 'ORDER BY r.seq DESC'} ${limits}`;
  if ('offset' in from) {
    const limitAt = next();
    values.push(limit);
    const offsetAt = next();
    values.push(from.offset);
    return { text: page('', `LIMIT ${limitAt} OFFSET ${offsetAt}`), values, isBlank };
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
    return { text: page(` AND (r.name, r.seq) > (${nameAt}, ${seqAt})`, `LIMIT ${limitAt}`), values, isBlank };
  }
  const [seq] = from.after;
  if (from.after.length !== 1 || typeof seq !== 'number') return undefined;
  const seqAt = next();
  values.push(seq);
  const limitAt = next();
  values.push(limit);
  return { text: page(` AND ${narrow ? 'w' : 'r'}.seq < ${seqAt}`, `LIMIT ${limitAt}`), values, isBlank };
}

/** How many regulations the search finds. */
export function regulationCountQuery(text: string, filters: RegulationFilters = NO_FILTERS): SqlQuery {
  const { text: body, values } = matching(searchWords(text), filters);
  return { text: `SELECT count(*)::integer AS total ${body}`, values };
}

/** The key a page ended on, from its last row. */
export const lastKey = (row: { seq: number; name: string } | undefined, isBlank: boolean): CursorKey | null =>
  row ? (isBlank ? [row.name, row.seq] : [row.seq]) : null;
