// The two engines' schemas, compared: a migrated SQLite database and a migrated PostgreSQL one must have the same
// tables, columns (type family, nullability, generated or not), keys, foreign keys and indexes, apart from the
// differences listed here with their reason. Whoever adds a SQLite migration adds its PostgreSQL twin, or this fails.
import type { Database } from 'better-sqlite3';
import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { openDatabase } from '../sqlite/connection';
import { MIGRATIONS } from '../sqlite/migrations/index';
import { PG_MIGRATIONS } from './migrations/index';

/** SQLite's full-text tables; PostgreSQL searches generated word columns with trigram indexes instead. */
const SQLITE_ONLY_TABLES = ['regulation_search', 'catalogue_search'];
/**
 * The ledger of applied migrations each engine's runner keeps outside the migrations themselves (PostgreSQL's, older,
 * stamps applied_at as a time and allows rows from before ids); each is checked by its runner's tests.
 */
const LEDGER_TABLES = ['schema_migrations'];
/** PostgreSQL's twin of SQLite's regulation_search: each live regulation's folded words in a narrow table (migration 0260). */
const PG_ONLY_TABLES = ['regulation_words'];
/** The folded text PostgreSQL searches (SQLite: the FTS5 tables and a fold function registered per connection). */
const PG_ONLY_COLUMNS: Record<string, string[]> = {
  drafts: ['title_folded', 'agency_folded', 'title_words'],
  regulations: ['search_words'],
  catalogue_procedures: ['search_words'],
};
const PG_ONLY_INDEXES = [
  'drafts_title_folded_trigrams',
  'drafts_agency_folded_trigrams',
  'drafts_title_words_trigrams',
  'regulation_words_trigrams',
  'regulation_words_by_draft',
  'catalogue_search_words_trigrams',
];

/**
 * The indexes the hot queries need (lists and their keyset pages, search filters, reports, history, conflicts,
 * rounds, a person's sessions for signing out everywhere), by name, as `table (column [DESC], …) [WHERE predicate]`: both engines must have each, built alike.
 */
const HOT_INDEXES: Record<string, string> = {
  drafts_by_updated: 'drafts (updated_at DESC, seq DESC)',
  drafts_by_issued: 'drafts (issued_at) WHERE issued_at IS NOT NULL',
  drafts_in_trash: 'drafts (deleted_at) WHERE deleted_at IS NOT NULL',
  regulations_by_draft: 'regulations (draft_id, position)',
  regulations_by_assessment_date: 'regulations (assessment_completed_at)',
  regulations_by_name: 'regulations (name, seq)',
  regulations_in_trash: 'regulations (draft_id, deleted_at) WHERE deleted_at IS NOT NULL',
  regulations_live_by_name: 'regulations (name, seq) WHERE deleted_at IS NULL',
  regulations_by_field_level: 'regulations (field, level)',
  regulations_live_by_draft: 'regulations (draft_id, position) WHERE deleted_at IS NULL',
  regulations_rollup: 'regulations (draft_id, position, scope_class, change, assessment_complete, annual_baseline_cost, annual_proposed_cost, deleted_at) WHERE deleted_at IS NULL',
  opinions_by_regulation: 'opinions (regulation_id, issued_at)',
  opinions_by_stage_date: 'opinions (stage, issued_at)',
  events_by_draft: 'events (draft_id, at_epoch_ms, seq)',
  import_conflicts_by_draft: 'import_conflicts (draft_id, status, seq)',
  import_conflicts_by_status: 'import_conflicts (status, seq)',
  offline_copies_by_draft: 'offline_copies (draft_id, taken_by)',
  offline_copies_one_out: 'offline_copies (draft_id) WHERE returned_at IS NULL AND released_at IS NULL',
  import_conflicts_by_entity: 'import_conflicts (kind, entity_id)',
  regulation_snapshots_by_regulation: 'regulation_snapshots (regulation_id, round)',
  catalogue_by_name: 'catalogue_procedures (name, seq)',
  catalogue_by_field: 'catalogue_procedures (field, level)',
  catalogue_by_imported_at: 'catalogue_procedures (imported_at)',
  sessions_by_person: 'sessions (person_id)',
};

type Column = { type: 'integer' | 'boolean' | 'real' | 'text' | 'json'; notNull: boolean; generated: boolean };
type Table = { columns: Record<string, Column>; primaryKey: string[]; unique: string[]; foreignKeys: string[] };
type Schema = { tables: Record<string, Table>; indexes: Record<string, string> };

/** A partial index's predicate without the parentheses and spacing either engine adds. */
const predicate = (text: string) => text.replace(/[()]/g, '').replace(/\s+/g, ' ').trim();

function sqliteSchema(db: Database): Schema {
  const virtual = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all().map((row) => row.name);
  expect(virtual.sort()).toEqual([...SQLITE_ONLY_TABLES].sort());
  const isSearchTable = (name: string) => virtual.some((table) => name === table || name.startsWith(`${table}_`));
  const tableRows = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  const tables: Record<string, Table> = {};
  const indexes: Record<string, string> = {};
  for (const { name, sql } of tableRows.filter((row) => !isSearchTable(row.name) && !LEDGER_TABLES.includes(row.name))) {
    const jsonColumns = new Set([...sql.matchAll(/json_valid\((\w+)\)/g)].map((match) => match[1]!));
    const flagColumns = new Set([...sql.matchAll(/(\w+) IN \(0, 1\)/g)].map((match) => match[1]!));
    type Info = { name: string; type: string; notnull: number; pk: number; hidden: number };
    const info = db.prepare<[], Info>(`SELECT * FROM pragma_table_xinfo('${name}')`).all();
    const columns: Record<string, Column> = {};
    for (const column of info) {
      const declared = column.type.toUpperCase();
      const type: Column['type'] = jsonColumns.has(column.name)
        ? 'json'
        : flagColumns.has(column.name)
          ? 'boolean'
          : declared === 'INTEGER'
            ? 'integer'
            : declared === 'REAL'
              ? 'real'
              : 'text';
      // STRICT tables refuse NULL in primary key columns as in NOT NULL ones.
      columns[column.name] = { type, notNull: column.notnull === 1 || column.pk > 0, generated: column.hidden >= 2 };
    }
    const primaryKey = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
    const unique: string[] = [];
    for (const index of db.prepare<[], { name: string; origin: string; partial: number }>(`SELECT * FROM pragma_index_list('${name}')`).all()) {
      const keys = db
        .prepare<[], { name: string; desc: number; key: number }>(`SELECT * FROM pragma_index_xinfo('${index.name}')`)
        .all()
        .filter((key) => key.key === 1)
        .map((key) => `${key.name}${key.desc ? ' DESC' : ''}`);
      if (index.origin === 'u') unique.push(keys.join(', '));
      if (index.origin !== 'c') continue;
      const where = index.partial ? db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?').get(index.name)!.sql.split(/ WHERE /i)[1]! : '';
      indexes[index.name] = `${name} (${keys.join(', ')})${where ? ` WHERE ${predicate(where)}` : ''}`;
    }
    type ForeignKey = { id: number; table: string; from: string; to: string; on_delete: string };
    const references = new Map<number, ForeignKey[]>();
    for (const key of db.prepare<[], ForeignKey>(`SELECT * FROM pragma_foreign_key_list('${name}')`).all()) references.set(key.id, [...(references.get(key.id) ?? []), key]);
    const foreignKeys = [...references.values()].map(
      (parts) => `(${parts.map((part) => part.from).join(', ')}) → ${parts[0]!.table} (${parts.map((part) => part.to).join(', ')}) ON DELETE ${parts[0]!.on_delete}`,
    );
    tables[name] = { columns, primaryKey, unique: unique.sort(), foreignKeys: foreignKeys.sort() };
  }
  return { tables, indexes };
}

async function postgresSchema(query: <R>(sql: string) => Promise<R[]>): Promise<Schema> {
  const tables: Record<string, Table> = {};
  const columnRows = await query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; is_generated: string }>(
    `SELECT table_name, column_name, data_type, is_nullable, is_generated FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const TYPES: Record<string, Column['type']> = { integer: 'integer', bigint: 'integer', boolean: 'boolean', 'double precision': 'real', text: 'text', jsonb: 'json' };
  for (const row of columnRows.filter((column) => !LEDGER_TABLES.includes(column.table_name))) {
    const table = (tables[row.table_name] ??= { columns: {}, primaryKey: [], unique: [], foreignKeys: [] });
    const type = TYPES[row.data_type];
    if (!type) throw new Error(`${row.table_name}.${row.column_name}: no SQLite counterpart for ${row.data_type}`);
    table.columns[row.column_name] = { type, notNull: row.is_nullable === 'NO', generated: row.is_generated === 'ALWAYS' };
  }
  const constraints = await query<{ table_name: string; kind: string; columns: string[]; target: string | null; target_columns: string[] | null; on_delete: string }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.contype AS kind,
       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k (n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
       c.confrelid::regclass::text AS target,
       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k (n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS target_columns,
       CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS on_delete
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u', 'f')`,
  );
  for (const constraint of constraints.filter((row) => !LEDGER_TABLES.includes(row.table_name))) {
    const table = tables[constraint.table_name]!;
    if (constraint.kind === 'p') table.primaryKey = constraint.columns;
    if (constraint.kind === 'u') table.unique.push(constraint.columns.join(', '));
    if (constraint.kind === 'f') {
      table.foreignKeys.push(`(${constraint.columns.join(', ')}) → ${constraint.target} (${constraint.target_columns!.join(', ')}) ON DELETE ${constraint.on_delete}`);
    }
  }
  for (const table of Object.values(tables)) {
    table.unique.sort();
    table.foreignKeys.sort();
  }
  const indexRows = await query<{ name: string; table_name: string; keys: string[]; predicate: string | null }>(
    `SELECT i.relname AS name, t.relname AS table_name,
       ARRAY(SELECT pg_get_indexdef(x.indexrelid, k.i::integer, true) || CASE WHEN x.indoption[k.i - 1] & 1 = 1 THEN ' DESC' ELSE '' END
             FROM generate_series(1, x.indnkeyatts) k (i) ORDER BY k.i) AS keys,
       pg_get_expr(x.indpred, x.indrelid) AS predicate
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  const indexes: Record<string, string> = {};
  for (const row of indexRows) {
    indexes[row.name] = `${row.table_name} (${row.keys.map((key) => key.replace(/"/g, '')).join(', ')})${row.predicate ? ` WHERE ${predicate(row.predicate)}` : ''}`;
  }
  return { tables, indexes };
}

const without = <T>(record: Record<string, T>, names: readonly string[]): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));

describePostgres('the SQLite and PostgreSQL schemas', () => {
  const database = useTestDatabase();
  let sqlite: Schema;
  let postgres: Schema;

  const load = async () => {
    sqlite ??= sqliteSchema(openDatabase(':memory:'));
    postgres ??= await postgresSchema(async (sql) => (await database.pool.query(sql)).rows);
  };

  it('have the same migrations from the PostgreSQL baseline on', () => {
    const baseline = PG_MIGRATIONS[0]!.version;
    expect(PG_MIGRATIONS.map((migration) => migration.version)).toEqual([baseline, ...MIGRATIONS.filter((migration) => migration.version > baseline).map((migration) => migration.version)]);
    expect(MIGRATIONS.some((migration) => migration.version === baseline)).toBe(true);
  });

  it('have the same tables and, in each, the same columns, types, nullability, keys and foreign keys', async () => {
    await load();
    expect(Object.keys(without(postgres.tables, PG_ONLY_TABLES)).sort()).toEqual(Object.keys(sqlite.tables).sort());
    expect(postgres.tables.regulation_words?.foreignKeys).toEqual(['(seq) → regulations (seq) ON DELETE CASCADE']);
    for (const [name, table] of Object.entries(sqlite.tables)) {
      const twin = postgres.tables[name]!;
      expect({ ...twin, columns: without(twin.columns, PG_ONLY_COLUMNS[name] ?? []) }, name).toEqual(table);
    }
  });

  it('have every index the hot queries need, built alike, and no index on one engine only', async () => {
    await load();
    expect(sqlite.indexes).toEqual(HOT_INDEXES);
    expect(without(postgres.indexes, PG_ONLY_INDEXES)).toEqual(HOT_INDEXES);
    for (const name of PG_ONLY_INDEXES) expect(postgres.indexes[name], name).toMatch(/^\w+ \(\w+\)/);
  });
});
