// SQLite's ledger of applied migrations (db/common/migrationLedger.ts): schema_migrations beside PRAGMA user_version.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { checkLedger, MigrationLedgerError, migrationId, statementsChecksum, type KnownMigration, type LedgerRow } from '../common/migrationLedger';
import { MIGRATIONS, type Migration } from './migrations/index';
import { fingerprintDifference, schemaFingerprint } from './schemaFingerprint';

/** The columns PostgreSQL's schema_migrations has (db/pg/migrate.ts), in SQLite's types. */
const LEDGER_TABLE = `CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id TEXT NOT NULL UNIQUE,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

/** A connection that notes every statement handed to it, for the checksum of what a migration does. */
function recording(db: Database, statements: string[]): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'exec' || property === 'prepare') {
        return (sql: string) => {
          statements.push(sql);
          return property === 'exec' ? (target.exec(sql), receiver) : target.prepare(sql);
        };
      }
      if (property === 'pragma') {
        return (source: string, options?: { simple?: boolean }) => {
          statements.push(`PRAGMA ${source}`);
          return target.pragma(source, options);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

type Checked = KnownMigration & { checksum: string };
let appChecksums: Map<Migration, string> | undefined;

/** The checksum of each of this app's migrations from what it does to an empty database, worked out once in memory. */
function checksumsOfApp(): Map<Migration, string> {
  if (!appChecksums) {
    const db = new BetterSqlite3(':memory:');
    try {
      appChecksums = new Map(
        MIGRATIONS.map((migration) => {
          const statements: string[] = [];
          db.transaction(() => migration.up(recording(db, statements)))();
          return [migration, statementsChecksum(migration, statements)];
        }),
      );
    } finally {
      db.close();
    }
  }
  return appChecksums;
}

/**
 * Runs one migration in the caller's transaction and notes it as applied. An app migration is recorded with the
 * checksum of what it does to an empty database; one that is not the app's (a test's) with what it did here.
 */
export function applyAndRecord(db: Database, migration: Migration): void {
  const statements: string[] = [];
  migration.up(recording(db, statements));
  recordApplied(db, { version: migration.version, name: migration.name, checksum: checksumsOfApp().get(migration) ?? statementsChecksum(migration, statements) });
}

function recordApplied(db: Database, migration: Checked): void {
  db.prepare('INSERT INTO schema_migrations (version, name, id, checksum, applied_at) VALUES (?, ?, ?, ?, ?)').run(
    migration.version,
    migration.name,
    migrationId(migration),
    migration.checksum,
    new Date().toISOString(),
  );
}

/** The schema this app's migrations make at `version`, from an empty database. */
function schemaAt(version: number) {
  const db = new BetterSqlite3(':memory:');
  try {
    for (const migration of MIGRATIONS) if (migration.version <= version) migration.up(db);
    return schemaFingerprint(db);
  } finally {
    db.close();
  }
}

const hasLedger = (db: Database): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;

/**
 * Before the first migration of a run: the ledger is checked against `version`, the schema version the file reports,
 * and this app's migrations. A file from before the ledger existed is taken on its schema: only when it is exactly
 * what this app's migrations make at that version are those migrations recorded as applied.
 */
export function checkedLedger(db: Database, version: number): void {
  const known: Checked[] = [...checksumsOfApp()].map(([migration, checksum]) => ({ version: migration.version, name: migration.name, checksum }));
  if (hasLedger(db)) {
    checkLedger(version, db.prepare<[], LedgerRow>('SELECT version, id, checksum FROM schema_migrations').all(), known);
    return;
  }
  if (version > 0) {
    if (!MIGRATIONS.some((migration) => migration.version === version)) {
      throw new MigrationLedgerError(`tệp báo phiên bản lược đồ ${version}, không phải phiên bản nào ứng dụng này ghi`);
    }
    const difference = fingerprintDifference(schemaFingerprint(db), schemaAt(version));
    if (difference !== null) {
      throw new MigrationLedgerError(
        `tệp báo phiên bản lược đồ ${version} nhưng cấu trúc của nó không phải cấu trúc ứng dụng này tạo ở phiên bản đó (${difference}); có thể tệp do một bản dựng khác ghi`,
      );
    }
  }
  db.transaction(() => {
    db.exec(LEDGER_TABLE);
    for (const migration of known) if (migration.version <= version) recordApplied(db, migration);
  })();
}
