// A fresh in-memory database built by the real migrations, and the services over it.
import type { Engine, Store } from '../../db/port';
import { openSqliteStore } from '../../db/sqlite/store';
import { createServiceContext, type ServiceContext } from '../../main/services/context';
import { createHandlers } from '../../main/services/handlers';
import { createDispatcher } from '../../main/transports/dispatcher';
import { createApiClient } from '../../shared/contract/client';

/**
 * The engine the service suites run on: SQLite, or PostgreSQL in the vitest project `postgres`
 * (vitest.config.ts sets TTHC_TEST_ENGINE there, and test/pg/testStores.ts gives each store a database of its own).
 */
export const TEST_ENGINE: Engine = process.env.TTHC_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The store every test runs on: the one place that picks the engine. */
export async function createTestStore(): Promise<Store> {
  if (TEST_ENGINE === 'postgres') return (await import('../pg/testStores')).createPgTestStore();
  return openSqliteStore(':memory:');
}


/**
 * SQLite-only: the raw connection behind a test's store, for tests that reach into the file itself (triggers, plans,
 * rows written behind the app's back). Such a test is `it.skipIf(TEST_ENGINE !== 'sqlite')` with its reason in its name.
 */
export { sqliteHandleOf } from '../../db/sqlite/store';

/**
 * `today` moves the clock's start for fixtures dated later (an import refuses a step dated after tomorrow): the
 * labelled quality set's drafts run to 2026.
 */
export async function createTestContext({ today = '2024-01-01' }: { today?: string } = {}): Promise<ServiceContext> {
  let tick = 0;
  const start = Date.parse(`${today}T00:00:00Z`);
  // A clock that moves one second per call keeps updated_at ordering deterministic.
  return createServiceContext(await createTestStore(), { now: () => new Date(start + 1000 * tick++).toISOString() });
}

/**
 * `retryBusy`: a call refused busy (on PostgreSQL, a serialization failure of two calls at once) is tried again, as
 * the app's and the servers' dispatcher does (main/app.ts); without it, busy is the answer, for tests of busy itself.
 */
export async function createTestApi(context?: ServiceContext, { retryBusy = false }: { retryBusy?: boolean } = {}) {
  const ctx = context ?? (await createTestContext());
  const dispatch = createDispatcher(createHandlers(ctx), {
    failures: ctx.store.failures,
    onInternalError: (error) => {
      throw error;
    },
    ...(retryBusy ? { busy: { writeCount: () => ctx.store.writeCount(), withinCall: (work) => ctx.store.withinCall(work), maxWaitMs: 10_000 } } : {}),
  });
  return { ctx, api: createApiClient((method, input) => dispatch(method, input)) };
}

type TestApi = Awaited<ReturnType<typeof createTestApi>>['api'];

/** Saves an assessment as the editor does, on the version it has open: the stored one (issue 17: no lost update). */
export async function saveAssessmentOnLatest(api: TestApi, input: Omit<Parameters<TestApi['saveAssessment']>[0], 'version'>) {
  return api.saveAssessment({ ...input, version: (await api.getAssessment({ regulationId: input.regulationId })).version });
}
