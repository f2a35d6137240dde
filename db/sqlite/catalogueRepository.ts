import type { Database } from 'better-sqlite3';
import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import { foldVietnamese } from '../../shared/domain/textFold';
import { toSearchQuery } from './regulationsRepository';

type ProcedureRow = { seq: number; record: string };

const toProcedure = (row: ProcedureRow): CatalogueProcedure => JSON.parse(row.record) as CatalogueProcedure;

/** What the search index holds for a record: the words an officer would type to find it. */
const searchText = (procedure: CatalogueProcedure): string =>
  foldVietnamese([procedure.code, procedure.name, procedure.field, procedure.publicationDecision, procedure.agencies.implementing].join(' '));

/** Text that is only digits and dots is a code (or its beginning): `1.0011` finds `1.001193`. */
const CODE_PREFIX = /^\d+(\.[\dA-Za-z]*)*$/;

export function createCatalogueRepository(db: Database) {
  const byCode = db.prepare<[string], ProcedureRow>('SELECT seq, record FROM catalogue_procedures WHERE code = ?');
  const byCodes = db.prepare<[string], ProcedureRow>('SELECT seq, record FROM catalogue_procedures WHERE code IN (SELECT value FROM json_each(?))');
  const insert = db.prepare<[{ code: string; name: string; field: string; level: string; decision: string; record: string; now: string }]>(
    `INSERT INTO catalogue_procedures (code, name, field, level, publication_decision, record, imported_at)
     VALUES (@code, @name, @field, @level, @decision, @record, @now)`,
  );
  const update = db.prepare<[{ code: string; name: string; field: string; level: string; decision: string; record: string; now: string }]>(
    `UPDATE catalogue_procedures SET name = @name, field = @field, level = @level, publication_decision = @decision,
       record = @record, imported_at = @now WHERE code = @code`,
  );
  const deleteIndex = db.prepare('DELETE FROM catalogue_search WHERE rowid = ?');
  const insertIndex = db.prepare('INSERT INTO catalogue_search (rowid, body) VALUES (?, ?)');
  const search = db.prepare<[string, number, number], ProcedureRow>(
    `SELECT p.seq, p.record FROM catalogue_search s JOIN catalogue_procedures p ON p.seq = s.rowid
     WHERE catalogue_search MATCH ? ORDER BY p.name, p.seq LIMIT ? OFFSET ?`,
  );
  const searchCount = db.prepare<[string], { total: number }>('SELECT count(*) AS total FROM catalogue_search WHERE catalogue_search MATCH ?');
  // The code column is UNIQUE, so its index serves the prefix range.
  const byCodePrefix = db.prepare<[string, string, number, number], ProcedureRow>(
    'SELECT seq, record FROM catalogue_procedures WHERE code >= ? AND code < ? ORDER BY code LIMIT ? OFFSET ?',
  );
  const codePrefixCount = db.prepare<[string, string], { total: number }>(
    'SELECT count(*) AS total FROM catalogue_procedures WHERE code >= ? AND code < ?',
  );
  const listAll = db.prepare<[number, number], ProcedureRow>('SELECT seq, record FROM catalogue_procedures ORDER BY name, seq LIMIT ? OFFSET ?');
  const countAll = db.prepare<[], { total: number }>('SELECT count(*) AS total FROM catalogue_procedures');
  // Served by the index on imported_at (migration 0270): a save stamps only the records it adds or changes.
  const lastChanged = db.prepare<[], { at: string | null }>('SELECT max(imported_at) AS at FROM catalogue_procedures');

  /** The end of the range of codes starting with `prefix`: the prefix with its last character raised by one. */
  const prefixEnd = (prefix: string): string => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

  /** Inserts or replaces the record under its code; says which, and nothing when the stored record is the same. */
  function save(procedure: CatalogueProcedure, now: string): 'added' | 'updated' | 'unchanged' {
    const record = JSON.stringify(procedure);
    const stored = byCode.get(procedure.code);
    if (stored && stored.record === record) return 'unchanged';
    const params = { code: procedure.code, name: procedure.name, field: procedure.field, level: procedure.level, decision: procedure.publicationDecision, record, now };
    if (stored) {
      update.run(params);
      deleteIndex.run(stored.seq);
      insertIndex.run(stored.seq, searchText(procedure));
      return 'updated';
    }
    const { lastInsertRowid } = insert.run(params);
    insertIndex.run(lastInsertRowid, searchText(procedure));
    return 'added';
  }

  return {
    findByCode(code: string): CatalogueProcedure | undefined {
      const row = byCode.get(code);
      return row ? toProcedure(row) : undefined;
    },
    findByCodes(codes: readonly string[]): CatalogueProcedure[] {
      return codes.length === 0 ? [] : byCodes.all(JSON.stringify([...new Set(codes)])).map(toProcedure);
    },
    saveAll(procedures: readonly CatalogueProcedure[], now: string): Array<'added' | 'updated' | 'unchanged'> {
      return procedures.map((procedure) => save(procedure, now));
    },
    search(text: string, offset: number, limit: number): { total: number; items: CatalogueProcedure[] } {
      const trimmed = text.trim();
      if (trimmed === '') return { total: countAll.get()?.total ?? 0, items: listAll.all(limit, offset).map(toProcedure) };
      if (CODE_PREFIX.test(trimmed)) {
        const end = prefixEnd(trimmed);
        const total = codePrefixCount.get(trimmed, end)?.total ?? 0;
        if (total > 0) return { total, items: byCodePrefix.all(trimmed, end, limit, offset).map(toProcedure) };
      }
      const query = toSearchQuery(trimmed);
      if (query === '') return { total: 0, items: [] };
      return { total: searchCount.get(query)?.total ?? 0, items: search.all(query, limit, offset).map(toProcedure) };
    },
    lastChangedAt(): string | null {
      return lastChanged.get()?.at ?? null;
    },
  };
}
export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
