// The SQLite store: one connection, so one transaction at a time. An async mutex queues every `tx` and `read`;
// a `tx` is BEGIN IMMEDIATE … COMMIT (better-sqlite3's own transaction() refuses async functions), and a `read` takes
// the mutex too: a read run at an `await` of an open write transaction would otherwise see its uncommitted rows.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { DatabaseCheck } from '../../shared/contract/safekeepingApi';
import type { CheckpointMode, Repositories, Store, StoreBackups, StoreFailures } from '../port';
import { backupFolder, integrityProblems, listBackups, restoreDatabaseFile, takeAutomaticBackup, takeDailyBackup, writeVerifiedBackup } from './backups';
import { closeDatabase, isDamage, openDatabase, schemaVersion, sqliteCode, sqliteStorageRefusal } from './connection';
import { checkpointedBackups, historyCheckpointProblems, writeHistoryCheckpoint, CHAIN_HEADS_QUERY, type ChainHead, type ChainReader, type StoredChainEvent } from '../common/historyCheckpoint';
import { defaultHistoryKey } from '../common/historyKey';
import { checkEventChain } from './eventChain';
import { createSqliteSealer, type SqliteSealer } from './historySeal';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { createSqliteRepositories, portRepositories } from './repositories';

export type SqliteStoreOptions = {
  /**
   * How long a statement itself waits for another process's lock. It blocks the event loop, so the app keeps it short
   * and waits between whole attempts instead (the dispatcher's BusyPolicy); better-sqlite3's default is 5 s.
   */
  busyTimeoutMs?: number;
  /** This installation's history key (db/common/historyKey.ts); without it, a key of this process. */
  historyKey?: Buffer;
  /** Where this installation keeps the history's checkpoint of this database (db/common/historyCheckpoint.ts); without it, none. */
  historyCheckpointFile?: string;
};

/** Runs one piece of work at a time, in the order they asked. */
class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The transaction a piece of work runs in, so that a `tx` or `read` called from inside it joins it instead of queueing behind it. */
type OpenTransaction = { writes: boolean; open: boolean; savepoints: number };

/** A connection with the statements the store runs on it. */
type Session = {
  db: Database;
  repos: Repositories;
  beginWrite: Statement;
  beginRead: Statement;
  commit: Statement;
  rollback: Statement;
  totalChanges: Statement<[], number>;
  sealer: SqliteSealer;
};

function sessionOn(db: Database, options: SqliteStoreOptions): Session {
  if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  const session = {
    db,
    repos: portRepositories(createSqliteRepositories(db)),
    beginWrite: db.prepare('BEGIN IMMEDIATE'),
    beginRead: db.prepare('BEGIN'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    totalChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
    sealer: createSqliteSealer(db, options.historyKey ?? defaultHistoryKey()),
  };
  // A history stored before seals existed (or restored from such a copy) is sealed the first time it meets a key.
  if (!db.readonly) session.sealer.sealOnFirstOpen(new Date());
  return session;
}

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

export const sqliteFailures: StoreFailures = {
  isBusy: (error) => {
    const code = sqliteCode(error);
    return code !== undefined && (BUSY_CODES.has(code) || code.startsWith('SQLITE_BUSY_'));
  },
  isDamage,
  // The append-only history and the issued opinions are guarded by triggers that RAISE a Vietnamese message.
  isGuardRefusal: (error) => sqliteCode(error) === 'SQLITE_CONSTRAINT_TRIGGER',
  // A file on this machine: there is no server to lose.
  isUnavailable: () => false,
  storageRefusal: sqliteStorageRefusal,
};

/**
 * The triggers that keep the history append-only and opinions once written (migration 0060): one dropped lets events
 * be edited or removed, or an issued opinion changed, without the database refusing it.
 */
const HISTORY_GUARDS: ReadonlyArray<[string, string]> = [
  ['events_refuse_update', 'lịch sử xử lý không còn được cơ sở dữ liệu giữ chỉ-ghi-thêm'],
  ['events_refuse_delete', 'lịch sử xử lý không còn được cơ sở dữ liệu giữ chỉ-ghi-thêm'],
  ['opinions_refuse_delete', 'ý kiến đã ghi không còn được cơ sở dữ liệu giữ lại'],
  ['issued_opinions_refuse_update', 'ý kiến đã ban hành không còn được cơ sở dữ liệu giữ nguyên'],
];

function missingHistoryGuards(db: Database): string[] {
  const present = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all());
  return HISTORY_GUARDS.filter(([name]) => !present.has(name)).map(([name, lost]) => `Thiếu trigger ${name}: ${lost}.`);
}

/** The raw connection behind a SQLite store, for tests and tools that must reach into the file (see sqliteHandleOf). */
const handles = new WeakMap<Store, () => Database>();

/** SQLite-only: the connection a store runs on now (a restore replaces it). Throws for a store of another engine. */
export function sqliteHandleOf(store: Store): Database {
  const handle = handles.get(store);
  if (!handle) throw new Error(`sqliteHandleOf: the store runs on ${store.engine}, not on SQLite`);
  return handle();
}

function storeOn(path: string, db: Database, options: SqliteStoreOptions): Store {
  const isFile = path !== ':memory:' && path !== '';
  let session = sessionOn(db, options);
  let writtenByClosedConnections = 0;
  /**
   * A file SQLite could not open for writing is opened read-only, and stays so on that connection: after a write was
   * refused as read-only, the next write opens the file again, so it succeeds once write access is given back.
   */
  let reopenBeforeWriting = false;
  const reopen = () => {
    writtenByClosedConnections += session.totalChanges.get() ?? 0;
    session.db.close();
    session = sessionOn(openDatabase(path), options);
  };
  const mutex = new AsyncMutex();
  const transaction = new AsyncLocalStorage<OpenTransaction>();
  /** The rows committed by the API call running in this async context (Store.withinCall). */
  const call = new AsyncLocalStorage<{ committedRows: number }>();

  /** Runs `work` in a transaction of its own, under the mutex. */
  function outermost<T>(writes: boolean, work: (repos: Repositories) => Promise<T>): Promise<T> {
    const thisCall = call.getStore();
    return mutex.run(() => {
      const open: OpenTransaction = { writes, open: true, savepoints: 0 };
      return transaction.run(open, async () => {
        if (writes && reopenBeforeWriting) {
          reopenBeforeWriting = false;
          reopen();
        }
        const { db, repos, beginWrite, beginRead, commit, rollback, totalChanges, sealer } = session;
        (writes ? beginWrite : beginRead).run();
        const changesBefore = totalChanges.get() ?? 0;
        const historyEnd = writes ? sealer.mark() : 0;
        try {
          const result = await work(repos);
          // Every draft this transaction appended to gets its checkpoint in the same commit.
          if (writes) sealer.sealAppendedSince(historyEnd);
          commit.run();
          if (thisCall) thisCall.committedRows += (totalChanges.get() ?? 0) - changesBefore;
          return result;
        } catch (error) {
          if (db.inTransaction) rollback.run();
          if (writes && isFile && sqliteFailures.storageRefusal(error) === 'read_only') reopenBeforeWriting = true;
          throw error;
        } finally {
          open.open = false;
        }
      });
    });
  }

  /** A nested `tx`: a savepoint of the open transaction, so that its failure undoes only its own writes. */
  async function nested<T>(open: OpenTransaction, work: (repos: Repositories) => Promise<T>): Promise<T> {
    const name = `nested_${(open.savepoints += 1)}`;
    const { db, repos } = session;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work(repos);
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      open.savepoints -= 1;
    }
  }

  const exclusive = <T>(work: (db: Database) => T | Promise<T>): Promise<T> => mutex.run(async () => work(session.db));
  const historyKey = options.historyKey ?? defaultHistoryKey();
  const checkpointFile = options.historyCheckpointFile;
  /** Under the mutex: the heads are read as one committed state. */
  const checkpoint = (at: Date, mode: CheckpointMode): Promise<boolean> =>
    checkpointFile ? exclusive((db) => writeHistoryCheckpoint(checkpointFile, historyKey, sqliteChainReader(db), at, mode)) : Promise.resolve(false);

  const backups: StoreBackups | undefined = isFile
    ? checkpointedBackups({
        folder: backupFolder(path),
        list: async () => listBackups(path),
        take: (kind, at) =>
          exclusive((db) => {
            const written = takeAutomaticBackup(db, path, kind, at);
            const listed = listBackups(path).find((backup) => backup.path === written);
            if (!listed) throw new Error(`the backup just written is not listed: ${written}`);
            return listed;
          }),
        takeDaily: (at) => exclusive((db) => takeDailyBackup(db, path, at)),
        writeTo: (target) => exclusive((db) => writeVerifiedBackup(db, target)),
        // The connection is closed while the file is replaced, then opened again over the result (migrating an older copy).
        restore: (source, at) =>
          exclusive(async (db) => {
            writtenByClosedConnections += session.totalChanges.get() ?? 0;
            db.close();
            try {
              return await restoreDatabaseFile(path, source, at, historyKey);
            } finally {
              session = sessionOn(openDatabase(path), options);
            }
          }),
      }, checkpoint)
    : undefined;

  const store: Store = {
    engine: 'sqlite',
    tx(work) {
      const open = transaction.getStore();
      if (!open?.open) return outermost(true, work);
      if (!open.writes) return Promise.reject(new Error('A write transaction cannot start inside a read: use tx for the whole use case.'));
      return nested(open, work);
    },
    read(work) {
      const open = transaction.getStore();
      return open?.open ? work(session.repos) : outermost(false, work);
    },
    verify: () =>
      exclusive(async (db): Promise<DatabaseCheck> => {
        const integrity = [...integrityProblems(db), ...missingHistoryGuards(db)];
        const foreignKeys = (db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>).map(
          ({ table, rowid, parent }) => ({ table, rowid, parent }),
        );
        const outsideCheckpoint = checkpointFile ? await historyCheckpointProblems(checkpointFile, historyKey, sqliteChainReader(db)) : [];
        const history = { ...checkEventChain(db), sealProblems: [...session.sealer.problems(), ...outsideCheckpoint] };
        return {
          integrityProblems: integrity,
          foreignKeyProblems: foreignKeys,
          history,
          ok: integrity.length === 0 && foreignKeys.length === 0 && history.firstBroken === null && history.sealProblems.length === 0,
        };
      }),
    checkpointHistory: (at, mode = 'extend') => checkpoint(at, mode),
    backups,
    failures: sqliteFailures,
    // Queued behind one connection, another call's transaction may commit while this call's attempt waits to fail busy.
    writeCount: () => call.getStore()?.committedRows ?? writtenByClosedConnections + (session.db.open ? (session.totalChanges.get() ?? 0) : 0),
    withinCall: (work) => call.run({ committedRows: 0 }, work),
    changes: undefined,
    close: () => exclusive((db) => closeDatabase(db, path)),
  };
  handles.set(store, () => session.db);
  return store;
}

/** The chain heads and the events a checkpoint names, read from a SQLite connection. */
function sqliteChainReader(db: Database): ChainReader {
  return {
    heads: () => db.prepare<[], ChainHead>(CHAIN_HEADS_QUERY).all(),
    eventsAt: (seqs) =>
      db.prepare<[string], StoredChainEvent>('SELECT seq, draft_id AS draftId, hash FROM events WHERE seq IN (SELECT value FROM json_each(?))').all(JSON.stringify(seqs)),
  };
}

/** Opens (creating, checking and migrating as needed: db/sqlite/connection.ts) the database at `path`, or `:memory:`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  return storeOn(path, openDatabase(path), options);
}

/**
 * For callers that only read: the file opened read-only, so opening pays neither the integrity check of the whole
 * file nor a migration. Undefined when there is no file yet or its schema is not current (open it as usual then).
 */
export function openSqliteStoreForReading(path: string, options: SqliteStoreOptions = {}): Store | undefined {
  if (!existsSync(path)) return undefined;
  const db = openDatabase(path, { readonly: true });
  if (schemaVersion(db) === LATEST_SCHEMA_VERSION) return storeOn(path, db, options);
  db.close();
  return undefined;
}

/**
 * Replaces the database file at `path` with the checked copy at `source` while nothing has it open (`tthc restore`:
 * the current file may be too damaged to open), then opens it once so that an older copy is migrated.
 */
export async function restoreSqliteFile(path: string, source: string, at: Date, options: SqliteStoreOptions = {}) {
  const historyKey = options.historyKey ?? defaultHistoryKey();
  const result = await restoreDatabaseFile(path, source, at, historyKey);
  const db = openDatabase(path);
  try {
    // The history brought back is now the one this installation vouches for.
    if (options.historyCheckpointFile) await writeHistoryCheckpoint(options.historyCheckpointFile, historyKey, sqliteChainReader(db), at, 'replace');
  } finally {
    db.close();
  }
  return result;
}
