import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../port';
import { migrate, openDatabase, schemaVersion } from './connection';
import { backupFolder, inspectDatabaseFile } from './backups';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'tthc-db-')), 'test.sqlite');

describe('openDatabase', () => {
  it('builds the latest schema with foreign keys on and WAL for files', () => {
    const path = tempFile();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database written by a newer version of the app, and leaves it alone', () => {
    const path = tempFile();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    const again = new BetterSqlite3(path);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 10);
    again.close();
  });

  it('copies an existing database aside before migrating it', () => {
    const path = tempFile();
    const db = new BetterSqlite3(path);
    migrate(db, MIGRATIONS, MIGRATIONS[0]!.version);
    db.close();
    const upgraded = openDatabase(path);
    upgraded.close();
    const backups = readdirSync(backupFolder(path));
    expect(backups).toEqual([expect.stringMatching(/^pre-migration-v10-.*\.bak$/)]);
    expect(inspectDatabaseFile(join(backupFolder(path), backups[0]!))).toEqual({ schemaVersion: 10, problems: [] });
    expect(existsSync(path)).toBe(true);
  });

  it('rolls a failing migration back whole', () => {
    const db = new BetterSqlite3(':memory:');
    const failing = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 10,
        name: 'broken',
        up: (database: BetterSqlite3.Database) => {
          database.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing, LATEST_SCHEMA_VERSION + 10)).toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
  });
});

describe('migrations', () => {
  it('are numbered in multiples of 10, in increasing order', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.version % 10).toBe(0);
      expect(migration.version).toBeGreaterThan(MIGRATIONS[index - 1]?.version ?? 0);
    });
  });

  it.each(MIGRATIONS.map((migration) => [migration.version, migration.name, migration] as const))(
    'migration %i (%s) applies on top of the previous one and leaves STRICT tables',
    (version, _name, migration) => {
      const db = new BetterSqlite3(':memory:');
      migrate(db, MIGRATIONS, version - 10);
      migrate(db, [migration], version);
      expect(schemaVersion(db)).toBe(version);
      const tables = db
        .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'")
        .all();
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
    },
  );
});
