// Builds the whole back end over one database; every transport starts from here. This is the composition root: the
// only place (with the tests' helpers) that picks a storage engine; everything past it sees the port (db/port.ts).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pruneShelf, shelfPath, type BackupShelf } from '../db/common/backupShelf';
import { historyCheckpointFile } from '../db/common/historyCheckpoint';
import { readOrCreateHistoryKey } from '../db/common/historyKey';
import { historyRefusalReason, restoreRefusal } from '../db/common/restoreRefusal';
import { asBackupError, dumpPgDatabase, restorePgDatabase } from '../db/pg/backups';
import { openPgStore } from '../db/pg/store';
import type { BackupError, ChangeAuthor, RestoreResult, Store } from '../db/port';
import { openSqliteStore, openSqliteStoreForReading, restoreSqliteFile } from '../db/sqlite/store';
import { defaultDataDir, historyKeyFile, isDatabaseUrl } from './dataPaths';
import { actingAs, type ActingPerson } from './services/actingPerson';
import { createServiceContext, type ServiceContext } from './services/context';
import { createHandlers } from './services/handlers';
import { createDownloads } from './services/downloads';
import { createDispatcher, createDownloadOpener, type Dispatch, type OpenDownload } from './transports/dispatcher';
import { createErrorLog, errorLogPath, type ErrorLog } from './transports/errorLog';
import type { InputReader } from './transports/jsonInput';
import { inputReaderIn } from './workers/heavyInputs';
import { createHeavyReadPool, withHeavyDownloadsIn, withHeavyReadsIn } from './workers/heavyReads';
import { ApiError } from '../shared/contract/errors';

export type Backend = {
  readonly store: Store;
  readonly ctx: ServiceContext;
  dispatch: Dispatch;
  /** The calls whose file is streamed rather than answered whole (shared/contract/downloads). */
  download: OpenDownload;
  /** The same calls acting as a signed-in person of the team server (main/services/actingPerson.ts). */
  actingAs: (person: ActingPerson) => { dispatch: Dispatch; download: OpenDownload };
  logError: ErrorLog;
  /** With heavyReadsInWorker: the web host reads the body of a dossier import in the same worker (main/workers/heavyInputs.ts). */
  readInput?: InputReader;
  /** Waits for the calls under way, then closes the database. */
  close: () => Promise<void>;
};

export type BackendOptions = {
  /** Where internal errors go; by default `<db>.log` beside the database file. */
  logError?: ErrorLog;
  /** How long one call keeps retrying while another process writes, before it answers `busy`. */
  busyWaitMs?: number;
  /** Called when a call starts waiting for another process's write. */
  onBusyWait?: () => void;
  /**
   * Only reads will be made (a search, an export to a file): the file is opened read-only, so start-up pays neither the
   * integrity check of the whole file nor the daily copy. A database that still needs migrating is opened as usual.
   */
  readOnly?: boolean;
  /**
   * The period report, the dashboard and the dossier export run in a worker thread on a read connection of its own
   * (main/workers/heavyReads.ts), so that one officer's report does not hold up every other officer's calls: for a
   * host serving several (tthc serve, the team server, the desktop window). A database in memory has no other
   * connection, so its calls always run in place.
   */
  heavyReadsInWorker?: boolean;
};

/**
 * The calls on the copies this machine keeps of its database, served to no signed-in person of a team server: any
 * officer could otherwise download the unit's whole database (password hashes and all) or replace it with a file of
 * theirs. The server's administrator takes and restores copies on the server itself (tthc backup, tthc restore).
 */
const MACHINE_COPIES = new Set(['listBackups', 'createBackup', 'downloadBackup', 'restoreBackup']);
const MACHINE_COPIES_REFUSAL = new ApiError(
  'forbidden',
  'Trên máy chủ của đơn vị, việc sao lưu và khôi phục cơ sở dữ liệu chung do người quản trị máy chủ làm trên chính máy chủ, không làm từ trình duyệt.',
).toPayload();

/** The connection's own (blocking) wait for a lock; the rest of the waiting is asynchronous, in the dispatcher. */
const LOCK_POLL_MS = 25;
export const DEFAULT_BUSY_WAIT_MS = 10_000;

/** Where this machine keeps the copies of a PostgreSQL database it takes (the one it serves, or the one it restores). */
const pgBackupFolder = (): string => join(defaultDataDir(), 'postgres-backups');

/** This installation's history key, and where it keeps the checkpoint of the history at `databasePath` (beside the key). */
function historyOptions(databasePath: string): { historyKey: Buffer; historyCheckpointFile: string | undefined } {
  const keyFile = historyKeyFile();
  return { historyKey: readOrCreateHistoryKey(keyFile), historyCheckpointFile: databasePath === ':memory:' ? undefined : historyCheckpointFile(keyFile, databasePath) };
}

/**
 * The store for a database location (a SQLite file, or a PostgreSQL URL: a unit's shared database), and whether it was
 * opened only to read.
 */
async function openStore(databasePath: string, readOnly: boolean): Promise<{ store: Store; readOnly: boolean; historyKey: Buffer }> {
  const history = historyOptions(databasePath);
  const { historyKey } = history;
  if (isDatabaseUrl(databasePath)) return { store: await openPgStore(databasePath, { backupFolder: pgBackupFolder(), ...history }), readOnly, historyKey };
  const options = { busyTimeoutMs: LOCK_POLL_MS, ...history };
  const reader = readOnly ? openSqliteStoreForReading(databasePath, options) : undefined;
  return reader ? { store: reader, readOnly: true, historyKey } : { store: openSqliteStore(databasePath, options), readOnly: false, historyKey };
}

/**
 * A worker thread's read connection to the database a host has open (main/workers/heavyReads.ts): the SQLite file
 * opened read-only (the host has migrated it), or a PostgreSQL client of its own.
 */
export async function openReadContext(databasePath: string, historyKey: Buffer): Promise<ServiceContext> {
  if (isDatabaseUrl(databasePath)) return createServiceContext(await openPgStore(databasePath, { poolSize: 1, historyKey }));
  const store = openSqliteStoreForReading(databasePath, { busyTimeoutMs: LOCK_POLL_MS, historyKey });
  if (!store) throw new Error(`no current database to read at ${databasePath}`);
  return createServiceContext(store);
}

export async function openBackend(databasePath: string, options: BackendOptions = {}): Promise<Backend> {
  const isFile = databasePath !== ':memory:' && !isDatabaseUrl(databasePath);
  const logError = options.logError ?? createErrorLog(errorLogPath(databasePath));
  if (isFile) mkdirSync(dirname(databasePath), { recursive: true });
  const { store, readOnly, historyKey } = await openStore(databasePath, isFile && options.readOnly === true);
  const ctx = createServiceContext(store);
  const heavyReads = options.heavyReadsInWorker && databasePath !== ':memory:' ? createHeavyReadPool(databasePath, historyKey) : undefined;
  const handlersOf = (context: ServiceContext, person?: ActingPerson) =>
    heavyReads ? withHeavyReadsIn(heavyReads, createHandlers(context), databasePath, historyKey, person) : createHandlers(context);
  const transportsOf = (context: ServiceContext, author?: ChangeAuthor, person?: ActingPerson) => ({
    dispatch: createDispatcher(handlersOf(context, person), {
      failures: store.failures,
      onInternalError: logError,
      busy: { writeCount: () => store.writeCount(), withinCall: (work) => store.withinCall(work, author), maxWaitMs: options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS, onWait: options.onBusyWait },
      outputs: 'untrusted',
    }),
    download: createDownloadOpener(heavyReads ? withHeavyDownloadsIn(heavyReads, createDownloads(context), databasePath, historyKey, person) : createDownloads(context), { failures: store.failures, onInternalError: logError }),
  });
  const { dispatch, download } = transportsOf(ctx);
  if (!readOnly) {
    await takeFirstBackupOfTheDay(store, logError);
    await moveHistoryCheckpoint(store, logError);
  }
  const teamTransports = (person: ActingPerson) => {
    const acting = transportsOf(actingAs(ctx, person), { login: person.login, fullName: person.fullName }, person);
    const refused = async () => ({ ok: false as const, error: MACHINE_COPIES_REFUSAL });
    return {
      dispatch: (method: string, input: unknown) => (MACHINE_COPIES.has(method) ? refused() : acting.dispatch(method, input)),
      download: (method: string, input: unknown) => (MACHINE_COPIES.has(method) ? refused() : acting.download(method, input)),
    };
  };
  const close = async () => {
    await heavyReads?.close();
    await store.close();
  };
  return { store, ctx, dispatch, download, actingAs: teamTransports, logError, ...(heavyReads ? { readInput: inputReaderIn(heavyReads) } : {}), close };
}

/**
 * `tthc restore`: replaces the database with the checked copy at `source` while nothing has it open (the current one
 * may be too damaged to open), keeping the replaced one; an older copy is then brought up to this version.
 */
export async function restoreDatabase(databasePath: string, source: string, at: Date): Promise<RestoreResult> {
  // The key first: a restore must not replace the database and only then find it cannot seal what it brought back.
  const history = historyOptions(databasePath);
  if (!isDatabaseUrl(databasePath)) return restoreSqliteFile(databasePath, source, at, history);
  // PostgreSQL: the database as it is now is dumped first (kept in the user's data folder), then replaced in one
  // transaction, then brought up to this version.
  const shelf: BackupShelf = { folder: pgBackupFolder(), suffix: '.dump' };
  const keptCopy = shelfPath(shelf, 'before-restore', at);
  const schemaVersion = await asBackupError(async () => {
    await dumpPgDatabase(databasePath, keptCopy);
    return restorePgDatabase(databasePath, source);
  });
  pruneShelf(shelf, 'before-restore');
  // pg_restore cannot stop before its commit, so the copy is checked once in place — brought up to this version and
  // its history checked as SQLite checks its candidate — and, refused, the database is put back from the dump just
  // taken; the servers are stopped meanwhile (README), so no officer sees the copy.
  const refusal = await restoredPgRefusal(databasePath, source, history.historyKey);
  if (refusal) {
    await asBackupError(() => restorePgDatabase(databasePath, keptCopy));
    throw refusal;
  }
  const store = await openPgStore(databasePath, { poolSize: 1, ...history });
  try {
    // The history brought back is now the one this installation vouches for.
    await store.checkpointHistory(at, 'replace');
  } finally {
    await store.close();
  }
  return { keptCopy, schemaVersion };
}

/** Why the copy of `source` just restored at `url` is not kept: it does not migrate, or its history does not vouch for itself. */
async function restoredPgRefusal(url: string, source: string, historyKey: Buffer): Promise<BackupError | null> {
  let store: Store;
  try {
    store = await openPgStore(url, { poolSize: 1, historyKey });
  } catch {
    return restoreRefusal(source, 'cấu trúc dữ liệu của nó không nâng cấp được lên phiên bản này');
  }
  try {
    const { history } = await store.verify();
    const reason = historyRefusalReason(history.firstBroken, history.sealProblems);
    return reason ? restoreRefusal(source, reason) : null;
  } finally {
    await store.close();
  }
}

/** `tthc backup`: a checked copy of the database at `target` (SQLite's online backup, or pg_dump's custom format). */
export async function backUpDatabase(databasePath: string, target: string): Promise<void> {
  if (isDatabaseUrl(databasePath)) return asBackupError(() => dumpPgDatabase(databasePath, target));
  const backend = await openBackend(databasePath);
  try {
    // A file-backed database always has its backups (only an in-memory one has none).
    await backend.store.backups!.writeTo(target);
  } finally {
    await backend.close();
  }
}

/** A copy on the first start of each day; a failure (a full disk) is logged and never stops the app from opening. */
async function takeFirstBackupOfTheDay(store: Store, logError: ErrorLog): Promise<void> {
  if (!store.backups) return;
  const hasData = (await store.read((repos) => repos.drafts.count())) > 0;
  if (!hasData) return;
  try {
    await store.backups.takeDaily(new Date());
  } catch (error) {
    logError(error, 'daily backup');
  }
}

/**
 * The history's checkpoint moved forward on each day's first start that may write; a failure (a full disk) is logged
 * and never stops the app from opening, and a database that no longer carries it forward keeps it (verify names the gap).
 */
async function moveHistoryCheckpoint(store: Store, logError: ErrorLog): Promise<void> {
  try {
    await store.checkpointHistory(new Date(), 'daily');
  } catch (error) {
    logError(error, 'history checkpoint');
  }
}
