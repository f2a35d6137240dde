// Migrations known by id (issue 23, item 6 / defect 9): a database at schema 80 written by an earlier build skipped
// migration 0060 (80 ≥ 60) and then failed at 0130, and every later command ended in an internal error. Now the runner
// keeps a ledger of applied migrations with checksums and refuses, in words and without writing, a database whose
// version its ledger (or, for a file from before the ledger, its schema) does not account for.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationLedgerError, migrationId } from '../common/migrationLedger';
import { migrate, openDatabase, schemaVersion } from './connection';
import { fingerprintDifference, schemaFingerprint } from './schemaFingerprint';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'tthc-ledger-')), 'test.sqlite');

/** Everything a database holds, as data: its schema, its version and every row of every table. */
function contents(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const objects = db.prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    const rows = objects
      .filter((object) => object.type === 'table' && !/^sqlite_|_search/.test(object.name))
      .map((table) => [table.name, db.prepare(`SELECT * FROM "${table.name}"`).raw().all()]);
    return JSON.stringify({ version: db.pragma('user_version', { simple: true }), objects, rows });
  } finally {
    db.close();
  }
}

/** A file as a build without the ledger wrote it: the given migrations run, the version set, nothing recorded. */
function writtenByAnEarlierBuild(path: string, applied: readonly Migration[], version: number): void {
  const db = new BetterSqlite3(path);
  try {
    db.transaction(() => {
      for (const migration of applied) migration.up(db);
      db.pragma(`user_version = ${version}`);
    })();
  } finally {
    db.close();
  }
}

const ledgerIds = (db: Database): string[] => db.prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY version').all().map((row) => row.id);

describe('the ledger of applied migrations', () => {
  it('records every migration by id and checksum, the same for a database built at once or step by step', () => {
    const atOnce = openDatabase(tempFile());
    const stepwise = new BetterSqlite3(':memory:');
    for (const migration of MIGRATIONS) migrate(stepwise, MIGRATIONS, migration.version);
    const read = (db: Database) => db.prepare('SELECT version, name, id, checksum FROM schema_migrations ORDER BY version').all();
    expect(ledgerIds(atOnce)).toEqual(MIGRATIONS.map(migrationId));
    expect(read(stepwise)).toEqual(read(atOnce));
    atOnce.close();
    stepwise.close();
  });

  it('refuses the database at schema 80 that skipped 0060, in Vietnamese, and writes nothing into it', () => {
    const path = tempFile();
    writtenByAnEarlierBuild(path, MIGRATIONS.filter((migration) => migration.version <= 80 && migration.version !== 60), 80);
    const before = contents(path);
    expect(() => openDatabase(path)).toThrow(MigrationLedgerError);
    expect(() => openDatabase(path)).toThrow(/^Cơ sở dữ liệu không được nâng cấp: tệp báo phiên bản lược đồ 80 nhưng cấu trúc của nó không phải cấu trúc ứng dụng này tạo ở phiên bản đó \(thiếu .*\).*khôi phục một bản sao lưu/);
    expect(contents(path)).toBe(before);
  });

  it('takes a file from before the ledger at each released version before the latest on its schema, refuses it with any step left out', () => {
    // A file already at the latest version has nothing to migrate and is read as it is.
    const released = MIGRATIONS.map((migration) => migration.version);
    // A migration that only rewrites data (0150, 0220) leaves no mark on the schema, so a file from before the ledger
    // that skipped it alone cannot be told apart: only steps that change the schema are left out here.
    const scratch = new BetterSqlite3(':memory:');
    const schemaSteps = MIGRATIONS.filter((migration) => {
      const before = schemaFingerprint(scratch);
      migration.up(scratch);
      return fingerprintDifference(schemaFingerprint(scratch), before) !== null;
    }).map((migration) => migration.version);
    scratch.close();
    const cases = fc
      .constantFrom(...released.filter((version) => version < LATEST_SCHEMA_VERSION))
      .chain((version) => fc.record({ version: fc.constant(version), skipped: fc.subarray(schemaSteps.filter((candidate) => candidate <= version)) }));
    fc.assert(
      fc.property(cases, ({ version, skipped }) => {
        const path = tempFile();
        const applied = MIGRATIONS.filter((migration) => migration.version <= version && !skipped.includes(migration.version));
        try {
          writtenByAnEarlierBuild(path, applied, version);
        } catch {
          return; // a later step needs the skipped one: no build could have written this file
        }
        const before = contents(path);
        if (skipped.length === 0) {
          const db = openDatabase(path);
          expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
          expect(ledgerIds(db)).toEqual(MIGRATIONS.map(migrationId));
          db.close();
        } else {
          expect(() => openDatabase(path)).toThrow(MigrationLedgerError);
          expect(contents(path)).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('refuses a ledger that leaves out a migration, holds another build’s or another text of one, or runs past the version', () => {
    const spoilings: Record<string, (db: Database) => void> = {
      'a migration left out': (db) => db.prepare('DELETE FROM schema_migrations WHERE version = 60').run(),
      'another text of a migration': (db) => db.prepare("UPDATE schema_migrations SET checksum = 'x' WHERE version = 90").run(),
      'a migration of another build': (db) => db.prepare("INSERT INTO schema_migrations VALUES (65, 'other', '0065-other', 'x', '2026-01-01')").run(),
      'a migration past the version': (db) => db.pragma('user_version = 130'),
    };
    for (const [kind, spoil] of Object.entries(spoilings)) {
      // A file one step behind, so opening it migrates and checks the ledger first.
      const path = tempFile();
      const db = new BetterSqlite3(path);
      migrate(db, MIGRATIONS, 140);
      spoil(db);
      db.close();
      const before = contents(path);
      expect(() => openDatabase(path), kind).toThrow(MigrationLedgerError);
      expect(contents(path), kind).toBe(before);
    }
  });
});
