// Builds the whole back end over one database file; every transport starts from here.
import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { takeDailyBackup } from '../db/sqlite/backups';
import { openDatabase, schemaVersion } from '../db/sqlite/connection';
import { LATEST_SCHEMA_VERSION } from '../db/sqlite/migrations/index';
import { createServiceContext, type DatabaseStorage, type ServiceContext } from './services/context';
import { createHandlers } from './services/handlers';
import { createDownloads } from './services/downloads';
import { createDispatcher, createDownloadOpener, type Dispatch, type OpenDownload } from './transports/dispatcher';
import { createErrorLog, errorLogPath, type ErrorLog } from './transports/errorLog';

/** `db` and `ctx` are the current ones: a restore replaces them. */
export type Backend = {
  readonly db: Database;
  readonly ctx: ServiceContext;
  dispatch: Dispatch;
  /** The calls whose file is streamed rather than answered whole (shared/contract/downloads). */
  download: OpenDownload;
  logError: ErrorLog;
  close: () => void;
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
};

/** The connection's own (blocking) wait for a lock; the rest of the waiting is asynchronous, in the dispatcher. */
const LOCK_POLL_MS = 25;
export const DEFAULT_BUSY_WAIT_MS = 10_000;

export function openBackend(databasePath: string, options: BackendOptions = {}): Backend {
  const isFile = databasePath !== ':memory:';
  const logError = options.logError ?? createErrorLog(errorLogPath(databasePath));
  if (isFile) mkdirSync(dirname(databasePath), { recursive: true });
  let ctx!: ServiceContext;
  let dispatchCurrent!: Dispatch;
  let downloadCurrent!: OpenDownload;
  // Calls that arrive while the file is being replaced wait for the reopened services.
  let replacing: Promise<unknown> = Promise.resolve();

  const storage: DatabaseStorage | undefined = isFile
    ? {
        path: databasePath,
        replace: <T>(work: () => Promise<T>): Promise<T> => {
          const run = (async () => {
            ctx.db.close();
            try {
              return await work();
            } finally {
              build(openDatabase(databasePath));
            }
          })();
          replacing = run.catch(() => undefined);
          return run;
        },
      }
    : undefined;

  function build(db: Database): void {
    db.pragma(`busy_timeout = ${LOCK_POLL_MS}`);
    ctx = createServiceContext(db, storage ? { storage } : {});
    const totalChanges = db.prepare('SELECT total_changes()').pluck();
    dispatchCurrent = createDispatcher(createHandlers(ctx), logError, {
      totalChanges: () => totalChanges.get() as number,
      maxWaitMs: options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS,
      onWait: options.onBusyWait,
    }, 'untrusted');
    downloadCurrent = createDownloadOpener(createDownloads(ctx), logError);
  }

  const readOnly = isFile && options.readOnly === true && existsSync(databasePath) && openReadOnlyIfCurrent(databasePath);
  build(readOnly || openDatabase(databasePath));
  if (isFile && !readOnly) takeFirstBackupOfTheDay(ctx.db, databasePath, logError);
  return {
    get db() {
      return ctx.db;
    },
    get ctx() {
      return ctx;
    },
    dispatch: async (method, input) => {
      await replacing;
      return dispatchCurrent(method, input);
    },
    download: async (method, input) => {
      await replacing;
      return downloadCurrent(method, input);
    },
    logError,
    close: () => ctx.db.close(),
  };
}

/** The file read-only when its schema is current; false when it must be migrated first (by a normal open). */
function openReadOnlyIfCurrent(databasePath: string): Database | false {
  const db = openDatabase(databasePath, { readonly: true });
  if (schemaVersion(db) === LATEST_SCHEMA_VERSION) return db;
  db.close();
  return false;
}

/** A copy on the first start of each day; a failure (a full disk) is logged and never stops the app from opening. */
function takeFirstBackupOfTheDay(db: Database, databasePath: string, logError: ErrorLog): void {
  const hasData = (db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n > 0;
  if (!hasData) return;
  try {
    takeDailyBackup(db, databasePath, new Date());
  } catch (error) {
    logError(error, 'daily backup');
  }
}
