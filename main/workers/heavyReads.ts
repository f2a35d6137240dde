// Issue 23, item 10: the calls that read the whole database — the period report, the dashboard, the dossier export of
// every draft — run in a worker thread on a read connection of its own (SQLite's file opened read-only beside the
// host's connection, or a PostgreSQL client of its own), so that the thread serving every officer's calls answers a
// 2 ms call in a few ms while a report is being counted. A write stays on the host's connection, in its turn.
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ApiHandlers, ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { formatInteger } from '../../shared/i18n/format';
import { openReadContext } from '../app';
import { actingAs, type ActingPerson } from '../services/actingPerson';
import type { ServiceContext } from '../services/context';
import { createDownloads, type DownloadHandlers } from '../services/downloads';
import { createHandlers } from '../services/handlers';
import { JsonBytes, writeInChunks } from '../transports/jsonBytes';
import { WorkerPool } from './pool';

export const HEAVY_READS = ['periodReport', 'dashboard', 'exportDossier', 'exportPeriodReport'] as const;
export type HeavyRead = (typeof HEAVY_READS)[number];

/** One call, as the worker receives it: where the database is, the key its history is sealed with, and who calls. */
export type HeavyReadRequest = HeavyReadSource & { method: HeavyRead; input: unknown; person?: ActingPerson };

/** Where the worker reads: the database a host has open, and the key its history is sealed with. */
export type HeavyReadSource = { database: string; historyKey: Uint8Array };

/** The worker's side: one read connection per database, opened on its first call and kept while the worker lives. */
const contexts = new Map<string, Promise<ServiceContext>>();

function readContext({ database, historyKey }: HeavyReadSource): Promise<ServiceContext> {
  let opened = contexts.get(database);
  if (!opened) {
    opened = openReadContext(database, Buffer.from(historyKey));
    contexts.set(database, opened);
    opened.catch(() => contexts.delete(database));
  }
  return opened;
}

/** Opens the worker's read connection ahead of the first call, so that the first report does not wait for it. */
export async function openHeavyReads(source: HeavyReadSource): Promise<void> {
  await readContext(source);
}

export async function runHeavyRead({ database, historyKey, method, input, person }: HeavyReadRequest): Promise<unknown> {
  const ctx = await readContext({ database, historyKey });
  const handlers = createHandlers(person ? actingAs(ctx, person) : ctx);
  const value = await (handlers[method] as (input: unknown) => Promise<unknown>)(input);
  // The dossier of every draft is several megabytes: written as JSON here, the serving thread only sends the bytes.
  return method === 'exportDossier' ? { json: new TextEncoder().encode(JSON.stringify(value)) } : value;
}

/** The dossier download (the UI's «Xuất hồ sơ»), made whole here: its name, type and bytes. */
export type HeavyDownloadRequest = HeavyReadSource & { input: ApiParsedInput<'exportDossier'>; person?: ActingPerson };
export type HeavyDownload = { fileName: string; mimeType: string; bytes: Uint8Array };

export async function runHeavyDownload({ database, historyKey, input, person }: HeavyDownloadRequest): Promise<HeavyDownload> {
  const ctx = await readContext({ database, historyKey });
  const { fileName, mimeType, writeTo } = await createDownloads(person ? actingAs(ctx, person) : ctx).exportDossier(input);
  const chunks: Buffer[] = [];
  await writeTo(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  const joined = Buffer.concat(chunks);
  // A buffer of its own (Buffer.concat may answer a slice of Node's shared pool), so that it can be handed over whole.
  const bytes = new Uint8Array(joined.byteLength);
  bytes.set(joined);
  return { fileName, mimeType, bytes };
}

/** How much lower the heavy-read worker's CPU priority is than the host's: a tenth of the CPU when both want it. */
export const HEAVY_READ_NICENESS = 10;

/**
 * The host's side: one worker (this machine has two cores, and the host's own thread is the other's), a time limit
 * far above any report's, and a heap as large as the host's own; either exceeded is said of the call, not of a file.
 * The worker starts at once and opens its read connection to `database` (warm: a host's first report would otherwise
 * wait for the thread to load the services and open the file); a failure there is met again, and said, by the first
 * heavy call.
 */
export function createHeavyReadPool(database: string, historyKey: Buffer): WorkerPool {
  const pool = new WorkerPool({
    size: 1,
    timeLimitMs: 10 * 60_000,
    heapMb: 4096,
    // A cheap call is answered before the report's next slice: on two cores the report would otherwise hold one.
    niceness: HEAVY_READ_NICENESS,
    refusals: {
      tooLong: (ms) => new ApiError('busy', `Việc tổng hợp quá ${formatInteger(Math.round(ms / 60_000))} phút nên đã dừng. Hãy thu hẹp khoảng thời gian hoặc số dự thảo rồi thử lại; không có gì được ghi.`),
      tooMuchMemory: () => new ApiError('busy', 'Việc tổng hợp cần quá nhiều bộ nhớ nên đã dừng. Hãy thu hẹp khoảng thời gian hoặc số dự thảo rồi thử lại; không có gì được ghi.'),
    },
  });
  pool.run('openHeavyReads', { database, historyKey: new Uint8Array(historyKey) }).catch(() => undefined);
  return pool;
}

/** `handlers` whose heavy reads run in `pool`'s worker, against the database at `database`, as `person` when given. */
export function withHeavyReadsIn(pool: WorkerPool, handlers: ApiHandlers, database: string, historyKey: Buffer, person?: ActingPerson): ApiHandlers {
  const offloaded: Partial<ApiHandlers> = {};
  for (const method of HEAVY_READS) {
    (offloaded as Record<HeavyRead, (input: unknown) => Promise<unknown>>)[method] = async (input) => {
      const value = await pool.run('heavyRead', { database, historyKey: new Uint8Array(historyKey), method, input, person });
      return method === 'exportDossier' ? new JsonBytes((value as { json: Uint8Array }).json) : value;
    };
  }
  return { ...handlers, ...offloaded };
}

/** `downloads` whose dossier is made in `pool`'s worker; the serving thread only writes its bytes out. */
export function withHeavyDownloadsIn(pool: WorkerPool, downloads: DownloadHandlers, database: string, historyKey: Buffer, person?: ActingPerson): DownloadHandlers {
  return {
    ...downloads,
    async exportDossier(input) {
      const { fileName, mimeType, bytes } = await pool.run('heavyDownload', { database, historyKey: new Uint8Array(historyKey), input, person });
      return {
        fileName,
        mimeType,
        async writeTo(out) {
          // In slices that wait for the reader: the serving thread answers other calls between them.
          await writeInChunks(out, [bytes]);
          out.end();
          await finished(out);
        },
      };
    },
  };
}
