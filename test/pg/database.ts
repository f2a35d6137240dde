// A database of its own for each test file, copied from the run's migrated template (test/pg/globalSetup.ts) in
// about 0,2 s, and dropped when the file is done.
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { withClient } from '../../db/pg/connection';
import { databaseUrl, migratePostgres } from '../../db/pg/migrate';
import { TEMPLATE_DATABASE, type PostgresForTests } from './provided';

const provided = (): PostgresForTests => inject('postgres') ?? { missing: 'PostgreSQL tests run in the "postgres" vitest project only' };

/** `describe` for PostgreSQL tests: skipped (the global setup said why, once) when the machine has no PostgreSQL. */
export const describePostgres = (name: string, body: () => void) => describe.skipIf('missing' in provided())(name, body);

export type TestDatabase = { url: string; pool: pg.Pool; drop(): Promise<void> };

let created = 0;

/**
 * A fresh migrated database (an empty one with `{ migrated: false }`) and a pool on it; `drop` closes the pool and
 * removes the database.
 */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const postgres = provided();
  if ('missing' in postgres) throw new Error(postgres.missing);
  const name = `tthc_test_${process.pid}_${++created}`;
  const admin = (sql: string) => withClient(postgres.adminUrl, (client) => client.query(sql));
  await admin(`CREATE DATABASE ${name} TEMPLATE ${migrated ? TEMPLATE_DATABASE : 'template0'}`);
  const url = databaseUrl(postgres.adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** For a test file (or describe block): its database, created before its tests and dropped after them. */
export function useTestDatabase(): { readonly url: string; readonly pool: pg.Pool } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  const current = () => {
    if (!database) throw new Error('useTestDatabase: the database exists only inside tests');
    return database;
  };
  return {
    get url() {
      return current().url;
    },
    get pool() {
      return current().pool;
    },
  };
}

/**
 * A migration's test: an empty database migrated up to `version`, handed to `body` with `migrateTo` (the step under
 * test, on the same connection); dropped after.
 */
export async function atSchemaVersion(version: number, body: (client: pg.Client, migrateTo: (target: number) => Promise<void>) => Promise<void>): Promise<void> {
  const database = await createTestDatabase({ migrated: false });
  try {
    await withClient(database.url, async (client) => {
      await migratePostgres(client, undefined, version);
      await body(client, async (target) => void (await migratePostgres(client, undefined, target)));
    });
  } finally {
    await database.drop();
  }
}

/** The draft 'd' (a decree of Bộ Tư pháp) that a migration test's regulations belong to. */
export async function insertDraftD(client: pg.ClientBase): Promise<void> {
  await client.query(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
    VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', false, 'drafting', 'x', 'x')`);
}
