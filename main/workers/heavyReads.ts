// Issue 23, item 10: the calls that read the whole database — the period report, the dashboard, the dossier export of
// every draft — run in a worker thread on a read connection of its own (SQLite's file opened read-only beside the
// host's connection, or a PostgreSQL client of its own), so that the thread serving every officer's calls answers a
// 2 ms call in a few ms while a report is being counted. A write stays on the host's connection, in its turn.
import type { ApiHandlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { formatInteger } from '../../shared/i18n/format';
import { openReadContext } from '../app';
import { actingAs, type ActingPerson } from '../services/actingPerson';
import type { ServiceContext } from '../services/context';
import { createHandlers } from '../services/handlers';
import { WorkerPool } from './pool';

export const HEAVY_READS = ['periodReport', 'dashboard', 'exportDossier'] as const;
export type HeavyRead = (typeof HEAVY_READS)[number];

/** One call, as the worker receives it: where the database is, the key its history is sealed with, and who calls. */
export type HeavyReadRequest = { database: string; historyKey: Uint8Array; method: HeavyRead; input: unknown; person?: ActingPerson };

/** The worker's side: one read connection per database, opened on its first call and kept while the worker lives. */
const contexts = new Map<string, Promise<ServiceContext>>();

export async function runHeavyRead({ database, historyKey, method, input, person }: HeavyReadRequest): Promise<unknown> {
  let opened = contexts.get(database);
  if (!opened) {
    opened = openReadContext(database, Buffer.from(historyKey));
    contexts.set(database, opened);
    opened.catch(() => contexts.delete(database));
  }
  const ctx = await opened;
  const handlers = createHandlers(person ? actingAs(ctx, person) : ctx);
  return (handlers[method] as (input: unknown) => Promise<unknown>)(input);
}

/**
 * The host's side: one worker (this machine has two cores, and the host's own thread is the other's), a time limit
 * far above any report's, and a heap as large as the host's own; either exceeded is said of the call, not of a file.
 */
export function createHeavyReadPool(): WorkerPool {
  return new WorkerPool({
    size: 1,
    timeLimitMs: 10 * 60_000,
    heapMb: 4096,
    refusals: {
      tooLong: (ms) => new ApiError('busy', `Việc tổng hợp quá ${formatInteger(Math.round(ms / 60_000))} phút nên đã dừng. Hãy thu hẹp khoảng thời gian hoặc số dự thảo rồi thử lại; không có gì được ghi.`),
      tooMuchMemory: () => new ApiError('busy', 'Việc tổng hợp cần quá nhiều bộ nhớ nên đã dừng. Hãy thu hẹp khoảng thời gian hoặc số dự thảo rồi thử lại; không có gì được ghi.'),
    },
  });
}

/** `handlers` whose heavy reads run in `pool`'s worker, against the database at `database`, as `person` when given. */
export function withHeavyReadsIn(pool: WorkerPool, handlers: ApiHandlers, database: string, historyKey: Buffer, person?: ActingPerson): ApiHandlers {
  const offloaded: Partial<ApiHandlers> = {};
  for (const method of HEAVY_READS) {
    (offloaded as Record<HeavyRead, (input: unknown) => Promise<unknown>>)[method] = (input) =>
      pool.run('heavyRead', { database, historyKey: new Uint8Array(historyKey), method, input, person });
  }
  return { ...handlers, ...offloaded };
}
