// Opening the database: pragmas, migrations under PRAGMA user_version, and a backup before touching an existing file.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export class DatabaseTooNewError extends Error {
  constructor(found: number) {
    super(
      `Cơ sở dữ liệu có phiên bản ${found}, mới hơn phiên bản ${LATEST_SCHEMA_VERSION} mà ứng dụng này hiểu. Hãy cập nhật ứng dụng.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations, each in its own transaction, stopping at `target` (tests use it to check one step). */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = LATEST_SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export type OpenOptions = { readonly?: boolean };

export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const isFile = path !== ':memory:' && path !== '';
  const existed = isFile && existsSync(path);
  const db = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  try {
    db.pragma('foreign_keys = ON');
    if (isFile && !options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const current = schemaVersion(db);
    if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current);
    if (current < LATEST_SCHEMA_VERSION && !options.readonly) {
      if (existed && current > 0) backupBeforeMigration(db, path, current);
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function backupBeforeMigration(db: Database, path: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  db.prepare('VACUUM INTO ?').run(`${path}.v${version}-${stamp}.bak`);
}
