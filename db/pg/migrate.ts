// PostgreSQL's schema migrations: applied under an advisory lock (several servers or commands may start at once
// against one database), each in its own transaction with its version recorded in schema_migrations, and a database
// written by a newer app refused as SQLite's is (DatabaseTooNewError).
import pg, { type ClientBase } from 'pg';
import { checkLedger, migrationId, statementsChecksum } from '../common/migrationLedger';
import { DatabaseTooNewError } from '../port';
import { withClient } from './connection';
import { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS, type PgMigration } from './migrations/index';

/** The advisory lock key migrations hold: "tthc" in ASCII. */
const MIGRATION_LOCK = 0x74746863;

/** The last version applied; 0 for an empty database. */
export async function pgSchemaVersion(client: ClientBase): Promise<number> {
  const table = await client.query<{ found: string | null }>("SELECT to_regclass('schema_migrations')::text AS found");
  if (table.rows[0]?.found === null) return 0;
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/** Applies pending migrations up to `target` (tests use it to check one step); returns the versions applied. */
export async function migratePostgres(
  client: ClientBase,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
  target = PG_LATEST_SCHEMA_VERSION,
): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    // id and checksum came with the ledger (issue 23, item 6): rows written before it are given theirs by
    // checkedLedger when their version and name are this app's.
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS id text UNIQUE, ADD COLUMN IF NOT EXISTS checksum text`);
    const current = await pgSchemaVersion(client);
    if (current > PG_LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, PG_LATEST_SCHEMA_VERSION);
    await checkedLedger(client, current);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current || migration.version > target) continue;
      await client.query('BEGIN');
      try {
        await migration.up(client);
        await client.query('INSERT INTO schema_migrations (version, name, id, checksum) VALUES ($1, $2, $3, $4)', [
          migration.version,
          migration.name,
          migrationId(migration),
          PG_CHECKSUMS.get(migration) ?? (await checksumOf(migration)),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** A client that only notes the statements it is handed and answers each with no rows: what a migration issues. */
async function checksumOf(migration: PgMigration): Promise<string> {
  const statements: string[] = [];
  const recorder = {
    query: async (statement: string | { text: string }) => {
      statements.push(typeof statement === 'string' ? statement : statement.text);
      return { rows: [], rowCount: 0 };
    },
  };
  await migration.up(recorder as unknown as ClientBase);
  return statementsChecksum(migration, statements);
}

/** This app's migrations with the checksum of what each issues against an empty database. */
const PG_CHECKSUMS = new Map<PgMigration, string>();
async function appChecksums(): Promise<Array<{ version: number; name: string; checksum: string }>> {
  for (const migration of PG_MIGRATIONS) if (!PG_CHECKSUMS.has(migration)) PG_CHECKSUMS.set(migration, await checksumOf(migration));
  return PG_MIGRATIONS.map((migration) => ({ version: migration.version, name: migration.name, checksum: PG_CHECKSUMS.get(migration)! }));
}

/**
 * Before the first migration of a run: rows from before the ledger had ids get this app's id and checksum when their
 * version and name are this app's; then the ledger must account for `version` (db/common/migrationLedger.ts).
 */
async function checkedLedger(client: ClientBase, version: number): Promise<void> {
  const known = await appChecksums();
  for (const migration of known) {
    await client.query('UPDATE schema_migrations SET id = $1, checksum = $2 WHERE version = $3 AND name = $4 AND id IS NULL', [
      migrationId(migration),
      migration.checksum,
      migration.version,
      migration.name,
    ]);
  }
  const { rows } = await client.query<{ version: number; id: string | null; name: string; checksum: string | null }>(
    'SELECT version, id, name, checksum FROM schema_migrations',
  );
  checkLedger(
    version,
    rows.map((row) => ({ version: row.version, id: row.id ?? migrationId(row), checksum: row.checksum ?? '' })),
    known,
  );
}

/** Connects to `url`, migrates, disconnects. */
export const migratePostgresAt = (url: string): Promise<number[]> => withClient(url, (client) => migratePostgres(client));

/** Creates database `name` through the server of `adminUrl` (a maintenance database such as `postgres`) and migrates it. */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = databaseUrl(adminUrl, name);
  await migratePostgresAt(url);
  return url;
}

/** The same server's URL for another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
