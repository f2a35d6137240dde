// The PostgreSQL stores of the service suites (test/unit/helpers.ts createTestStore in the vitest project `postgres`).
// Each store has a database of its own, copied from the run's migrated template, so tests never see each other's rows.
// Copying a database takes about a second on a loaded machine, and the suites open a store per test, so a database is
// emptied (TRUNCATE … RESTART IDENTITY) and handed to the next store once its test is done (test/pg/setupStores.ts):
// a store opened inside a test is returned after that test, one opened in beforeAll after the file.
import type { Store } from '../../db/port';
import { openPgStore } from '../../db/pg/store';
import { createTestDatabase, type TestDatabase } from './database';

type Recycled = { database: TestDatabase; store: Store };

const free: Recycled[] = [];
/** Stores to hand back after the current test (index 1) and after the file (index 0). */
const scopes: Array<Set<Recycled>> = [new Set()];

export async function createPgTestStore(): Promise<Store> {
  let taken = free.pop();
  if (!taken) {
    const database = await createTestDatabase();
    taken = { database, store: await openPgStore(database.url, { poolSize: 4, idleTimeoutMillis: 2_000 }) };
  }
  scopes.at(-1)!.add(taken);
  // A test that closes its store gives the database back early; the pool stays open for the next store.
  return { ...taken.store, close: async () => undefined };
}

/** Empties each database (the history's append-only triggers are off for this one statement: superuser only) and frees it. */
async function giveBack(recycled: Set<Recycled>): Promise<void> {
  await Promise.all(
    [...recycled].map(async (taken) => {
      try {
        await taken.database.pool.query(
          `DO $$ BEGIN
             SET LOCAL session_replication_role = replica;
             EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' RESTART IDENTITY CASCADE'
                        FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations');
           END $$`,
        );
        free.push(taken);
      } catch {
        // A database that cannot be emptied is not reused.
        await taken.store.close().catch(() => undefined);
        await taken.database.drop();
      }
    }),
  );
  recycled.clear();
}

export const enterTest = () => void scopes.push(new Set());
export const leaveTest = () => giveBack(scopes.pop() ?? new Set());

/** After the file: closes every store and drops every database it used. */
export async function dropPgTestStores(): Promise<void> {
  await giveBack(scopes[0]!);
  const all = free.splice(0);
  await Promise.all(all.map(async ({ database, store }) => (await store.close(), await database.drop())));
}
