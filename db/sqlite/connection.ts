// Opening the database: pragmas, migrations under PRAGMA user_version and the ledger of applied migrations, and a
// backup before touching an existing file.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DatabaseStorageError, DatabaseTooNewError, DatabaseUnusableError, type StorageRefusal } from '../port';
import { backupFolder, integrityProblems, takeAutomaticBackup } from './backups';
import { applyAndRecord, checkedLedger } from './migrationLedger';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { mustCheckOnOpening, noteCheckedOnOpening, noteClosedCleanly } from './openingCheck';

/** The file is not a sound SQLite database: nothing is written to it, and the user is told where the backups are. */
export class DatabaseDamagedError extends DatabaseUnusableError {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(
      `Tệp cơ sở dữ liệu ${path} bị hỏng (${problems.slice(0, 3).join('; ')}); ứng dụng không ghi gì vào tệp này. ` +
        `Hãy khôi phục một bản sao lưu: tthc restore TỆP (các bản sao lưu tự động nằm trong ${backupFolder(path)}).`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);
export const isDamage = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && DAMAGED_CODES.has((error as { code?: string }).code ?? '');

/** The SQLite result code an error carries (better-sqlite3's SqliteError), if any. */
export const sqliteCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
};

/** A write the storage refused for a cause outside the app (StoreFailures.storageRefusal). */
export function sqliteStorageRefusal(error: unknown): StorageRefusal | undefined {
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  // SQLITE_FULL: the disk is full (ENOSPC) or max_page_count is reached; SQLITE_IOERR_WRITE: a write the system
  // refused, as it does past the file size a process may write (ulimit -f, EFBIG) or on a quota; SQLITE_IOERR_SHMOPEN
  // and SQLITE_IOERR_SHMSIZE: the shared-memory file of the write-ahead log, made on opening, could not be given its
  // first bytes or grow, for the same causes.
  if (['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_SHMOPEN', 'SQLITE_IOERR_SHMSIZE'].includes(code)) return 'full';
  // SQLITE_READONLY_*: the file or its folder cannot be written (permissions, a read-only disk, a file replaced).
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return 'read_only';
  return undefined;
}

/** What opening failed with, said for a person: damage, or a storage that takes no write, or as it was. */
function explainedOpeningFailure(path: string, error: unknown): unknown {
  if (isDamage(error)) return new DatabaseDamagedError(path, [error.message]);
  const refusal = sqliteStorageRefusal(error);
  return refusal ? new DatabaseStorageError(refusal) : error;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each in its own transaction with its line in the ledger (migrationLedger.ts), stopping
 * at `target` (tests use it to check one step). The ledger is checked first: a database whose version it does not
 * account for is refused before anything is written.
 */
/** Closes a connection the app opened for writing, noting the file as left so that the next opening may skip its check. */
export function closeDatabase(db: Database, path: string): void {
  db.close();
  if (path !== ':memory:' && path !== '' && !db.readonly) noteClosedCleanly(path);
}

export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = LATEST_SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
  checkedLedger(db, current);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      applyAndRecord(db, migration);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * `readonly` is for callers that only read: no migration, no WAL switch, and no integrity check at open (it reads the
 * whole file: seconds for a large database), since reading cannot spread damage; SQLite reports a damaged page it
 * reads (SQLITE_CORRUPT), and the transports explain that. A writer checks at its opening when openingCheck.ts says
 * so; `now` is the day that decides it (tests move it).
 */
export type OpenOptions = { readonly?: boolean; now?: Date };

export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const isFile = path !== ':memory:' && path !== '';
  const existed = isFile && existsSync(path);
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  } catch (error) {
    throw explainedOpeningFailure(path, error);
  }
  try {
    // Checked before anything is written, so a damaged file is never migrated or mixed with new data.
    const now = options.now ?? new Date();
    if (existed && !options.readonly && mustCheckOnOpening(path, now)) {
      const problems = integrityProblems(db, true);
      if (problems.length > 0) throw new DatabaseDamagedError(path, problems);
      noteCheckedOnOpening(path, now);
    }
    db.pragma('foreign_keys = ON');
    if (isFile && !options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const current = schemaVersion(db);
    if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
    if (!options.readonly && current < LATEST_SCHEMA_VERSION) {
      if (existed && current > 0) takeAutomaticBackup(db, path, 'pre-migration', new Date(), `v${current}`);
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw explainedOpeningFailure(path, error);
  }
}
