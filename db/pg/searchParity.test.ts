// The folded regulation search gives the same regulations in the same order on both engines: the same generated
// drafts and regulations go into a SQLite database (through its repository, FTS5) and a PostgreSQL one (trigram
// columns, db/pg/regulationSearch.ts), and the same typed text — cut to a prefix, without diacritics, in capitals,
// decomposed (NFD), with đ typed as d — must page through the same ids, by cursor and by offset, and count alike.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { CursorKey } from '../../shared/contract/paging';
import { foldVietnamese } from '../../shared/domain/textFold';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { vietnameseText } from '../../test/pg/vietnameseText';
import { openDatabase } from '../sqlite/connection';
import { createSqliteRepositories } from '../sqlite/repositories';
import { lastKey, regulationCountQuery, regulationSearchQuery, type SearchPosition } from './regulationSearch';

type RegulationSpec = { draft: number; name: string; field: string | null; article: string | null; nationalCode: string | null; trashed: boolean };
type Dataset = { titles: string[]; regulations: RegulationSpec[] };

const ARTICLES = ['Điều 5', 'Khoản 2 Điều 10', 'điểm a khoản 1 Điều 12', 'ĐIỀU 7'];
const CODES = ['1.001193', '2.000123', '1.0011', '3.000456-a'];

const datasetArbitrary: fc.Arbitrary<Dataset> = fc.record({
  titles: fc.array(vietnameseText(), { minLength: 1, maxLength: 4 }),
  regulations: fc.array(
    fc.record({
      draft: fc.nat(),
      name: vietnameseText(),
      field: fc.option(vietnameseText(), { nil: null }),
      article: fc.option(fc.constantFrom(...ARTICLES), { nil: null }),
      nationalCode: fc.option(fc.constantFrom(...CODES), { nil: null }),
      trashed: fc.integer({ min: 0, max: 9 }).map((draw) => draw < 2),
    }),
    { minLength: 1, maxLength: 24 },
  ),
});

/** How a word of the data is typed back: a prefix of it, and any of the ways officers and editors change it. */
type Typing = { source: number; word: number; cut: number; fold: boolean; upper: boolean; nfd: boolean; plainD: boolean; second: number | null };
const typingArbitrary: fc.Arbitrary<Typing> = fc.record({
  source: fc.nat(),
  word: fc.nat(),
  cut: fc.nat(),
  fold: fc.boolean(),
  upper: fc.boolean(),
  nfd: fc.boolean(),
  plainD: fc.boolean(),
  second: fc.option(fc.nat(), { nil: null }),
});

/** The texts a regulation is found by: its own and its draft's title. */
const textsOf = (dataset: Dataset): string[] => [
  ...dataset.titles,
  ...dataset.regulations.map((regulation) => [regulation.name, regulation.field, regulation.article, regulation.nationalCode].filter(Boolean).join(' ')),
];

function typed(dataset: Dataset, typing: Typing): string {
  const texts = textsOf(dataset);
  const pick = (source: number, wordIndex: number, cut: number) => {
    const words = texts[source % texts.length]!.split(/[\s,.()/“”:–-]+/).filter((word) => word !== '');
    const word = words[wordIndex % Math.max(words.length, 1)] ?? '';
    return [...word].slice(0, 1 + (cut % Math.max(word.length, 1))).join('');
  };
  let text = pick(typing.source, typing.word, typing.cut);
  if (typing.second !== null) text += ` ${pick(typing.second, typing.word + 1, typing.cut + 2)}`;
  if (typing.fold) text = foldVietnamese(text);
  if (typing.plainD) text = text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
  if (typing.upper) text = text.toUpperCase();
  if (typing.nfd) text = text.normalize('NFD');
  return text;
}

const id = (prefix: string, index: number) => `00000000-0000-4000-8000-${prefix}${String(index).padStart(11, '0')}`;
const PAGE = 4;

describePostgres('the folded regulation search on SQLite and PostgreSQL', () => {
  const database = useTestDatabase();
  let searchesWithHits = 0;

  async function loadPostgres(dataset: Dataset): Promise<void> {
    await database.pool.query('DELETE FROM regulations');
    await database.pool.query('DELETE FROM drafts');
    await database.pool.query(
      `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
       SELECT id, 'nghi_dinh', title, 'Bộ Tư pháp', false, 'drafting', 'x', 'x' FROM unnest($1::text[], $2::text[]) AS input (id, title)`,
      [dataset.titles.map((_title, index) => id('1', index)), dataset.titles],
    );
    const rows = dataset.regulations;
    await database.pool.query(
      `INSERT INTO regulations (id, draft_id, position, kind, change, name, field, article, national_code, deleted_at, deleted_by, created_at, updated_at)
       SELECT id, draft_id, n, 'tthc', 'new', name, field, article, code, deleted_at, deleted_at, 'x', 'x'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
         AS input (id, draft_id, name, field, article, code, deleted_at, n) ORDER BY n`,
      [
        rows.map((_row, index) => id('2', index)),
        rows.map((row) => id('1', row.draft % dataset.titles.length)),
        rows.map((row) => row.name),
        rows.map((row) => row.field),
        rows.map((row) => row.article),
        rows.map((row) => row.nationalCode),
        rows.map((row) => (row.trashed ? 'x' : null)),
      ],
    );
  }

  function loadSqlite(dataset: Dataset) {
    const repos = createSqliteRepositories(openDatabase(':memory:'));
    dataset.titles.forEach((title, index) =>
      repos.drafts.insert({ id: id('1', index), docType: 'nghi_dinh', title, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null }, { at: 'x', by: 'x' }),
    );
    dataset.regulations.forEach((row, index) => {
      repos.regulations.insert(
        {
          id: id('2', index),
          draftId: id('1', row.draft % dataset.titles.length),
          kind: 'tthc',
          change: 'new',
          name: row.name,
          components: {},
          ...(row.field !== null ? { field: row.field } : {}),
          ...(row.article !== null ? { article: row.article } : {}),
          ...(row.nationalCode !== null ? { nationalCode: row.nationalCode } : {}),
        },
        { at: 'x', by: 'x' },
      );
      if (row.trashed) repos.regulations.trash(id('2', index), 'x', 'x');
    });
    return repos.regulations;
  }

  async function postgresPage(text: string, limit: number, from: SearchPosition): Promise<{ ids: string[]; last: CursorKey | null }> {
    const query = regulationSearchQuery('r.id, r.seq, r.name', text, limit, from)!;
    const { rows } = await database.pool.query<{ id: string; seq: number; name: string }>(query);
    return { ids: rows.map((row) => row.id), last: lastKey(rows.at(-1), query.isBlank) };
  }

  /** Every hit, page after page by cursor. */
  async function everyPage(page: (from: SearchPosition) => Promise<{ ids: string[]; last: CursorKey | null }>): Promise<string[]> {
    const ids: string[] = [];
    for (let from: SearchPosition = { offset: 0 }; ; ) {
      const found = await page(from);
      ids.push(...found.ids);
      if (found.ids.length < PAGE || found.last === null) return ids;
      from = { after: found.last };
    }
  }

  it('finds the same regulations in the same order, page by page, whatever way the words are typed', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, fc.array(typingArbitrary, { minLength: 1, maxLength: 6 }), fc.array(vietnameseText(), { maxLength: 2 }), async (dataset, typings, unrelated) => {
        const sqlite = loadSqlite(dataset);
        await loadPostgres(dataset);
        const texts = ['', ...typings.map((typing) => typed(dataset, typing)), ...unrelated];
        for (const text of texts) {
          const onSqlite = await everyPage(async (from) => {
            const page = sqlite.search(text, PAGE, from)!;
            return { ids: page.items.map((hit) => hit.regulation.id), last: page.last };
          });
          const onPostgres = await everyPage((from) => postgresPage(text, PAGE, from));
          expect(onPostgres, JSON.stringify(text)).toEqual(onSqlite);
          const secondPage = await postgresPage(text, PAGE, { offset: PAGE });
          expect(secondPage.ids, JSON.stringify(text)).toEqual(sqlite.search(text, PAGE, { offset: PAGE })!.items.map((hit) => hit.regulation.id));
          const { rows } = await database.pool.query<{ total: number }>(regulationCountQuery(text));
          expect(rows[0]!.total, JSON.stringify(text)).toBe(sqlite.countMatches(text));
          if (text !== '' && onSqlite.length > 0) searchesWithHits += 1;
        }
      }),
      // A failure's shrinking reloads both databases per step: bounded, so it ends in a report rather than the timeout.
      { numRuns: 40, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
    // The typed words come from the data, so most searches find something: the comparison is not between two empties.
    expect(searchesWithHits).toBeGreaterThan(40);
  }, 120_000);

  it('follows every change of a regulation: renamed, moved to another draft, trashed, restored, removed', async () => {
    await database.pool.query('DELETE FROM regulations');
    await database.pool.query('DELETE FROM drafts');
    await database.pool.query(
      `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
       VALUES ('d1', 'nghi_dinh', 'Nghị định về hộ tịch', 'Bộ Tư pháp', false, 'drafting', 'x', 'x'),
              ('d2', 'nghi_dinh', 'Nghị định về xăng dầu', 'Bộ Công Thương', false, 'drafting', 'x', 'x')`,
    );
    await database.pool.query(
      `INSERT INTO regulations (id, draft_id, position, kind, change, name, created_at, updated_at) VALUES ('r1', 'd1', 1, 'tthc', 'new', 'Đăng ký khai sinh', 'x', 'x')`,
    );
    const found = async (text: string) => {
      const { rows } = await database.pool.query<{ id: string }>(regulationSearchQuery('r.id, r.seq, r.name', text, PAGE, { offset: 0 })!);
      const { rows: counted } = await database.pool.query<{ total: number }>(regulationCountQuery(text));
      expect(counted[0]!.total, text).toBe(rows.length);
      return rows.map((row) => row.id);
    };
    const change = (set: string) => database.pool.query(`UPDATE regulations SET ${set} WHERE id = 'r1'`);
    expect([await found('khai sinh'), await found('ho tich')]).toEqual([['r1'], ['r1']]);
    await change(`name = 'Đăng ký kết hôn', article = 'Điều 18'`);
    expect([await found('khai sinh'), await found('ket hon'), await found('dieu 18')]).toEqual([[], ['r1'], ['r1']]);
    await change(`draft_id = 'd2'`);
    expect([await found('ho tich'), await found('xang dau ket')]).toEqual([[], ['r1']]);
    await change(`deleted_at = 'x', deleted_by = 'x'`);
    expect(await found('ket hon')).toEqual([]);
    await change('deleted_at = NULL, deleted_by = NULL');
    expect(await found('ket hon')).toEqual(['r1']);
    await database.pool.query(`DELETE FROM regulations WHERE id = 'r1'`);
    expect(await found('ket hon')).toEqual([]);
    expect((await database.pool.query('SELECT * FROM regulation_words')).rows).toEqual([]);
  });

  it('refuses a cursor of the wrong shape as the SQLite repository does', () => {
    expect(regulationSearchQuery('r.id', 'dang ky', PAGE, { after: ['Đăng ký', 3] })).toBeUndefined();
    expect(regulationSearchQuery('r.id', '', PAGE, { after: [3] })).toBeUndefined();
  });
});
