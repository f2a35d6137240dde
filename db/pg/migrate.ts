// PostgreSQL's schema migrations: applied under an advisory lock (several servers or commands may start at once
// against one database), each in its own transaction with its version recorded in schema_migrations, and a database
// written by a newer app refused as SQLite's is (DatabaseTooNewError).
import pg, { type ClientBase } from 'pg';
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
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = await pgSchemaVersion(client);
    if (current > PG_LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, PG_LATEST_SCHEMA_VERSION);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current || migration.version > target) continue;
      await client.query('BEGIN');
      try {
        await migration.up(client);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
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
