// The PostgreSQL store: a pool of connections, one per transaction. A `tx` is BEGIN ISOLATION LEVEL SERIALIZABLE …
// COMMIT, so concurrent use cases behave as if they ran one after the other, as on SQLite's single writer; the losers
// of a conflict fail with 40001 (or 40P01 on a deadlock), which the dispatcher tries again (failures.isBusy). Within
// one process the write transactions take turns (writerTurns): PostgreSQL's serializable checks lock index and heap
// pages, not rows, so officers writing their own drafts side by side kept failing each other's commits — 470 such
// failures in 30 s of the 50-officer bench (npm run bench:team) and answers of «busy» after 10 s of retries. Waiting
// for a turn holds no connection, so reads go on meanwhile; writers of two server processes still meet PostgreSQL's
// checks and are tried again. A `read` is one REPEATABLE READ, READ ONLY snapshot, which takes part in no such check.
// A `tx` or `read` called from inside open work joins it (a nested `tx` as a savepoint), as on SQLite.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { DatabaseCheck } from '../../shared/contract/safekeepingApi';
import type { ChangeAuthor, CheckpointMode, Repositories, StorageRefusal, Store, StoreFailures } from '../port';
import { pgStoreBackups } from './backups';
import { authorStatement, pgChangeFeed } from './changeFeed';
import { checkpointedBackups, historyCheckpointProblems, writeHistoryCheckpoint, CHAIN_HEADS_QUERY, type ChainHead, type ChainReader, type StoredChainEvent } from '../common/historyCheckpoint';
import { defaultHistoryKey } from '../common/historyKey';
import { checkPgEventChain, missingPgHistoryGuards } from './eventChain';
import { pgSealProblems, sealPgDrafts, sealPgOnFirstOpen } from './historySeal';
import { migratePostgres } from './migrate';
import { createPgRepositories } from './repositories';

/** The SQLSTATEs of a transaction that lost to another one and may simply be tried again. */
const RETRYABLE = new Set(['40001', '40P01']);
/** Data or index pages the server found damaged. */
const DAMAGE = new Set(['XX001', 'XX002']);
/** triggered_action_exception: the schema's guards (db/pg/migrations/0130-baseline.ts tthc_refuse_change). */
const GUARD = '09000';

const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping, restarting or starting up. */
const SERVER_GOING = new Set(['57P01', '57P02', '57P03']);
/** The socket could not be opened or was cut. */
const NETWORK_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What pg says, without a code, of a connection that ended under a query or a client no longer usable. */
const CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error|Client was closed|terminating connection)/;

/**
 * disk_full; read_only_sql_transaction, what a standby, a server in recovery or default_transaction_read_only answers
 * a write with.
 */
const STORAGE_REFUSALS: ReadonlyMap<string, StorageRefusal> = new Map([
  ['53100', 'full'],
  ['25006', 'read_only'],
]);
/** lock_not_available: a lock another session holds was not granted within lock_timeout. */
const LOCK_TIMEOUT = '55P03';

export const pgFailures: StoreFailures = {
  isBusy: (error) => RETRYABLE.has(sqlState(error) ?? '') || sqlState(error) === LOCK_TIMEOUT,
  isDamage: (error) => DAMAGE.has(sqlState(error) ?? ''),
  isGuardRefusal: (error) => sqlState(error) === GUARD,
  isUnavailable(error) {
    const code = sqlState(error);
    if (code) return code.startsWith('08') || SERVER_GOING.has(code);
    const errno = (error as { code?: unknown } | null)?.code;
    return (typeof errno === 'string' && NETWORK_ERRNO.has(errno)) || (error instanceof Error && CONNECTION_LOST.test(error.message));
  },
  storageRefusal: (error) => STORAGE_REFUSALS.get(sqlState(error) ?? ''),
};

/** bigint (count(*), instants in ms) as a JavaScript number: every such value here is far below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `appended`: the drafts whose history this transaction appended to, sealed before it commits (db/pg/historySeal.ts). */
type OpenTransaction = { client: pg.PoolClient; repos: Repositories; writes: boolean; open: boolean; savepoints: number; written: number; appended: Set<string> };

export type PgStoreOptions = {
  poolSize?: number;
  /** How long an idle pooled connection is kept (pg's default: 10 s). */
  idleTimeoutMillis?: number;
  /** Where copies taken on request are kept (pg_dump files); without it the store offers no copies. */
  backupFolder?: string;
  /**
   * How long a statement waits for a lock another session holds before failing with 55P03, which the dispatcher tries
   * again like SQLite's SQLITE_BUSY and, past its wait, answers `busy` in Vietnamese (instead of hanging unseen).
   */
  lockTimeoutMs?: number;
  /** How long a write waits for its turn in this process before failing as a lock not granted (default 10 s). */
  writeTurnWaitMs?: number;
  /** This installation's history key (db/common/historyKey.ts); without it, a key of this process. */
  historyKey?: Buffer;
  /** Where this installation keeps the history's checkpoint of this database (db/common/historyCheckpoint.ts); without it, none. */
  historyCheckpointFile?: string;
};

const DEFAULT_LOCK_TIMEOUT_MS = 2_000;
/** As long as the dispatcher keeps trying a busy call before answering «busy»: in line, a writer keeps its place. */
const DEFAULT_WRITE_TURN_WAIT_MS = 10_000;

/** The chain heads and the events a checkpoint names, read on a PostgreSQL connection. */
function pgChainReader(client: pg.ClientBase): ChainReader {
  return {
    heads: async () => (await client.query<ChainHead>(CHAIN_HEADS_QUERY)).rows,
    eventsAt: async (seqs) => (await client.query<StoredChainEvent>('SELECT seq, draft_id AS "draftId", hash FROM events WHERE seq = ANY ($1::bigint[])', [seqs])).rows,
  };
}

/** What a writer gets that waited `waitMs` for its turn in vain: a lock not granted, which the dispatcher answers as `busy`. */
export class WriteTurnTimeout extends Error {
  readonly code = LOCK_TIMEOUT;
  constructor(waitMs: number) {
    super(`no write turn within ${waitMs} ms`);
  }
}

/**
 * Turns taken one at a time, in the order asked: `take` resolves to the function that ends the turn. A writer waits
 * at most `waitMs` in line, so a long write (an import of a whole catalogue) makes the others answer «busy» as a held
 * lock would, instead of holding every officer's save without end.
 */
function turnTaking(waitMs: number): { take(): Promise<() => void> } {
  let turnTaken = false;
  const waiting: (() => void)[] = [];
  const end = () => {
    const next = waiting.shift();
    if (next) next();
    else turnTaken = false;
  };
  return {
    take() {
      if (!turnTaken) {
        turnTaken = true;
        return Promise.resolve(end);
      }
      return new Promise((resolve, reject) => {
        const granted = () => {
          clearTimeout(timer);
          resolve(end);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(granted), 1);
          reject(new WriteTurnTimeout(waitMs));
        }, waitMs);
        waiting.push(granted);
      });
    },
  };
}

/** Connects to `url`, migrates the database (refusing one newer than the app), and answers the port over a pool. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<Store> {
  const historyKey = options.historyKey ?? defaultHistoryKey();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: options.idleTimeoutMillis,
    types: TYPES,
    lock_timeout: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
  });
  // An idle pooled connection the server drops (a restart, a network cut) is reported here and removed from the pool;
  // unheard, the 'error' event would end the process. The next transaction opens a fresh connection.
  pool.on('error', () => undefined);
  try {
    const setup = await pool.connect();
    try {
      // Migrating waits for another server's migration (its advisory lock) however long it takes, not lock_timeout.
      await setup.query('SET lock_timeout = 0');
      await migratePostgres(setup);
      // A history stored before seals existed (or restored from such a copy) is sealed the first time it meets a key.
      await sealPgOnFirstOpen(setup, historyKey, new Date());
      await setup.query('RESET lock_timeout');
    } finally {
      setup.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const transaction = new AsyncLocalStorage<OpenTransaction>();
  let committedRows = 0;
  /** The rows committed by the API call running in this async context (Store.withinCall). */
  const call = new AsyncLocalStorage<{ committedRows: number; author?: ChangeAuthor }>();
  const changes = pgChangeFeed(url);
  // One set of repositories per pooled connection, as SQLite has one per database: built once, and the rows their
  // writes change are counted for the transaction open on it.
  const connections = new WeakMap<pg.PoolClient, { repos: Repositories; open: OpenTransaction | undefined }>();
  const connectionOf = (client: pg.PoolClient) => {
    let connection = connections.get(client);
    if (!connection) {
      const created: { repos: Repositories; open: OpenTransaction | undefined } = { repos: undefined as never, open: undefined };
      created.repos = createPgRepositories(
        client,
        (rows) => {
          if (created.open) created.open.written += rows;
        },
        (draftIds) => {
          for (const draftId of draftIds) created.open?.appended.add(draftId);
        },
      );
      connections.set(client, (connection = created));
    }
    return connection;
  };

  const writerTurns = turnTaking(options.writeTurnWaitMs ?? DEFAULT_WRITE_TURN_WAIT_MS);

  async function outermost<T>(writes: boolean, work: (repos: Repositories) => Promise<T>): Promise<T> {
    if (!writes) return inTransaction(false, work);
    const endTurn = await writerTurns.take();
    try {
      return await inTransaction(true, work);
    } finally {
      endTurn();
    }
  }

  async function inTransaction<T>(writes: boolean, work: (repos: Repositories) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const connection = connectionOf(client);
    const open: OpenTransaction = { client, repos: connection.repos, writes, open: true, savepoints: 0, written: 0, appended: new Set() };
    connection.open = open;
    let broken = false;
    try {
      const author = writes ? call.getStore()?.author : undefined;
      // The person the changes are made for travels with the BEGIN, in the same round trip (db/pg/changeFeed.ts).
      await client.query(
        !writes ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : author ? `BEGIN ISOLATION LEVEL SERIALIZABLE; ${authorStatement(client, author)}` : 'BEGIN ISOLATION LEVEL SERIALIZABLE',
      );
      const result = await transaction.run(open, () => work(open.repos));
      // Every draft this transaction appended to gets its checkpoint in the same commit; its head is already locked.
      await sealPgDrafts(client, historyKey, [...open.appended].sort());
      await client.query('COMMIT');
      committedRows += open.written;
      const thisCall = call.getStore();
      if (thisCall) thisCall.committedRows += open.written;
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      // A session made read-only (default_transaction_read_only, a standby) stays so: the next call gets a fresh one,
      // which writes again once the cause is gone.
      if (pgFailures.storageRefusal(error)) broken = true;
      throw error;
    } finally {
      open.open = false;
      connection.open = undefined;
      client.release(broken);
    }
  }

  async function nested<T>(open: OpenTransaction, work: (repos: Repositories) => Promise<T>): Promise<T> {
    const name = `nested_${(open.savepoints += 1)}`;
    const writtenBefore = open.written;
    await open.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work(open.repos);
      await open.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await open.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await open.client.query(`RELEASE SAVEPOINT ${name}`);
      open.written = writtenBefore;
      throw error;
    } finally {
      open.savepoints -= 1;
    }
  }

  const checkpointFile = options.historyCheckpointFile;
  /** The heads read in one snapshot, so that a write committing meanwhile is wholly in the checkpoint or not at all. */
  const checkpoint = async (at: Date, mode: CheckpointMode): Promise<boolean> => {
    if (!checkpointFile) return false;
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const written = await writeHistoryCheckpoint(checkpointFile, historyKey, pgChainReader(client), at, mode);
      await client.query('COMMIT');
      return written;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const store: Store = {
    engine: 'postgres',
    tx(work) {
      const open = transaction.getStore();
      if (!open?.open) return outermost(true, work);
      if (!open.writes) return Promise.reject(new Error('A write transaction cannot start inside a read: use tx for the whole use case.'));
      return nested(open, work);
    },
    read(work) {
      const open = transaction.getStore();
      return open?.open ? work(open.repos) : outermost(false, work);
    },
    async verify(): Promise<DatabaseCheck> {
      // The server enforces every foreign key on write, so no row can point at nothing; its pages are checksummed
      // by the server itself (pg_amcheck is a separate tool, not needed for that). What it cannot see is the history
      // changed by someone holding the table's owner role: the chains and their triggers are checked here.
      const client = await pool.connect();
      try {
        // One snapshot, so that a write committing meanwhile is either wholly seen (events, head and seal) or not at all.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const outsideCheckpoint = checkpointFile ? await historyCheckpointProblems(checkpointFile, historyKey, pgChainReader(client)) : [];
        const history = { ...(await checkPgEventChain(client)), sealProblems: [...(await pgSealProblems(client, historyKey)), ...outsideCheckpoint] };
        const integrityProblems = await missingPgHistoryGuards(client);
        await client.query('COMMIT');
        return {
          integrityProblems,
          foreignKeyProblems: [],
          history,
          ok: history.firstBroken === null && history.sealProblems.length === 0 && integrityProblems.length === 0,
        };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    checkpointHistory: (at, mode = 'extend') => checkpoint(at, mode),
    backups: options.backupFolder ? checkpointedBackups(pgStoreBackups(url, options.backupFolder), checkpoint) : undefined,
    failures: pgFailures,
    // Committed rows only: a transaction rolled back leaves nothing behind, so the dispatcher may try its call again.
    writeCount: () => call.getStore()?.committedRows ?? committedRows,
    withinCall: (work, author) => call.run({ committedRows: 0, author }, work),
    changes,
    close: async () => {
      await changes.close();
      await pool.end();
    },
  };
  return store;
}
