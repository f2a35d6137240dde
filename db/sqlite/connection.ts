// Opening the database: pragmas, migrations under PRAGMA user_version and the ledger of applied migrations, and a
// backup before touching an existing file.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DatabaseTooNewError, DatabaseUnusableError } from '../port';
import { backupFolder, integrityProblems, takeAutomaticBackup } from './backups';
import { applyAndRecord, checkedLedger } from './migrationLedger';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

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

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each in its own transaction with its line in the ledger (migrationLedger.ts), stopping
 * at `target` (tests use it to check one step). The ledger is checked first: a database whose version it does not
 * account for is refused before anything is written.
 */
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
 * reads (SQLITE_CORRUPT), and the transports explain that.
 */
export type OpenOptions = { readonly?: boolean };

export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const isFile = path !== ':memory:' && path !== '';
  const existed = isFile && existsSync(path);
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  } catch (error) {
    throw isDamage(error) ? new DatabaseDamagedError(path, [error.message]) : error;
  }
  try {
    // Checked before anything is written, so a damaged file is never migrated or mixed with new data.
    const problems = existed && !options.readonly ? integrityProblems(db, true) : [];
    if (problems.length > 0) throw new DatabaseDamagedError(path, problems);
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
    throw isDamage(error) ? new DatabaseDamagedError(path, [error.message]) : error;
  }
}
