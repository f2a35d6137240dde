import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import type { CatalogueRepository } from '../port';
import { wordPatternsSql } from './regulationSearch';
import { searchWords } from '../../shared/domain/textFold';
import type { PgSession } from './session';

type ProcedureRow = { record: CatalogueProcedure };

/** Text that is only digits and dots is a code (or its beginning): `1.0011` finds `1.001193`. */
const CODE_PREFIX = /^\d+(\.[\dA-Za-z]*)*$/;
/** The end of the range of codes starting with `prefix`: the prefix with its last character raised by one. */
const prefixEnd = (prefix: string): string => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** A batch whose codes are all different: one upsert cannot touch a row twice, so a repeated code starts a new batch. */
function batchesOfDistinctCodes(procedures: readonly CatalogueProcedure[]): CatalogueProcedure[][] {
  const batches: CatalogueProcedure[][] = [];
  let codes = new Set<string>();
  for (const procedure of procedures) {
    if (batches.length === 0 || codes.has(procedure.code)) {
      batches.push([]);
      codes = new Set();
    }
    batches.at(-1)!.push(procedure);
    codes.add(procedure.code);
  }
  return batches;
}

/** The local copy of the national TTHC database; its folded words are a generated column (migration 0130). */
export function createPgCatalogueRepository(session: PgSession): CatalogueRepository {
  const page = (where: string, order: string, values: unknown[], offset: number, limit: number) =>
    session.rows<ProcedureRow>(
      `SELECT record FROM catalogue_procedures ${where} ORDER BY ${order} LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, limit, offset],
    );
  const count = async (where: string, values: unknown[]) =>
    (await session.row<{ total: number }>(`SELECT count(*)::integer AS total FROM catalogue_procedures ${where}`, values))?.total ?? 0;

  return {
    async findByCode(code) {
      return (await session.row<ProcedureRow>('SELECT record FROM catalogue_procedures WHERE code = $1', [code]))?.record;
    },
    async findByCodes(codes) {
      if (codes.length === 0) return [];
      return (await session.rows<ProcedureRow>('SELECT record FROM catalogue_procedures WHERE code = ANY ($1::text[])', [[...new Set(codes)]])).map((row) => row.record);
    },
    /** One statement per batch: a record equal to the stored one (as JSON values) is left alone and answered `unchanged`. */
    async saveAll(procedures, now) {
      const outcome = new Map<string, 'added' | 'updated'>();
      const answers: Array<'added' | 'updated' | 'unchanged'> = [];
      for (const batch of batchesOfDistinctCodes(procedures)) {
        outcome.clear();
        const rows = await session.rows<{ code: string; added: boolean }>(
          `INSERT INTO catalogue_procedures (code, name, field, level, publication_decision, record, imported_at)
           SELECT code, name, field, level, decision, record::jsonb, $7
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS input (code, name, field, level, decision, record, n)
           ORDER BY n
           ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field, level = excluded.level,
             publication_decision = excluded.publication_decision, record = excluded.record, imported_at = excluded.imported_at
           WHERE catalogue_procedures.record IS DISTINCT FROM excluded.record
           RETURNING code, xmax = 0 AS added`,
          [
            batch.map((procedure) => procedure.code),
            batch.map((procedure) => procedure.name),
            batch.map((procedure) => procedure.field),
            batch.map((procedure) => procedure.level),
            batch.map((procedure) => procedure.publicationDecision),
            batch.map((procedure) => JSON.stringify(procedure)),
            now,
          ],
        );
        for (const row of rows) outcome.set(row.code, row.added ? 'added' : 'updated');
        answers.push(...batch.map((procedure) => outcome.get(procedure.code) ?? 'unchanged'));
      }
      return answers;
    },
    async search(text, offset, limit) {
      const trimmed = text.trim();
      if (trimmed === '') return { total: await count('', []), items: (await page('', 'name, seq', [], offset, limit)).map((row) => row.record) };
      if (CODE_PREFIX.test(trimmed)) {
        const range = 'WHERE code >= $1 AND code < $2';
        const bounds = [trimmed, prefixEnd(trimmed)];
        const total = await count(range, bounds);
        if (total > 0) return { total, items: (await page(range, 'code', bounds, offset, limit)).map((row) => row.record) };
      }
      const words = searchWords(trimmed);
      if (words.length === 0) return { total: 0, items: [] };
      const where = `WHERE ${wordPatternsSql(words.length, 1).map((pattern) => `search_words LIKE ${pattern}`).join(' AND ')}`;
      return { total: await count(where, words), items: (await page(where, 'name, seq', words, offset, limit)).map((row) => row.record) };
    },
    /** Served by the index on imported_at (migration 0270): an upsert stamps only the records it adds or changes. */
    async lastChangedAt() {
      return (await session.row<{ at: string | null }>('SELECT max(imported_at) AS at FROM catalogue_procedures'))?.at ?? null;
    },
  };
}
