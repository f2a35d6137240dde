import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError } from '../port';
import { backupFolder, listBackups, pruneBackups, restoreDatabaseFile, takeDailyBackup, writeVerifiedBackup } from './backups';
import { DatabaseDamagedError, migrate, openDatabase } from './connection';
import { CHAIN_START, eventHash } from '../common/eventChain';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'tthc-backup-')), 'tthc.sqlite');

/** A database with `drafts` drafts, closed. */
function databaseWith(path: string, drafts: number): void {
  const db = openDatabase(path);
  const insert = db.prepare(
    "INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, created_at, updated_at) VALUES (?, 'nghi_dinh', ?, 'Bộ Tư pháp', 0, 'x', 'x')",
  );
  for (let index = 0; index < drafts; index += 1) insert.run(`draft-${path}-${index}`, `Nghị định số ${index} ${'về hộ tịch '.repeat(20)}`);
  db.close();
}

const draftCount = (path: string): number => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

const pause = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // The copies are named to the millisecond; let the clock move on.
  }
};

describe('pre-migration backups', () => {
  it('keep the last three however often a failing migration is retried', () => {
    const path = tempFile();
    const raw = new BetterSqlite3(path);
    migrate(raw, MIGRATIONS, 10);
    // A table that migration 20 creates: every attempt to migrate fails, as a real failing upgrade would.
    raw.exec('CREATE TABLE opinion_responses (x INTEGER) STRICT');
    raw.close();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(() => openDatabase(path)).toThrow(/already exists/);
      pause(3);
    }
    const copies = readdirSync(backupFolder(path));
    expect(copies).toHaveLength(3);
    for (const name of copies) expect(name).toMatch(/^pre-migration-v10-.*\.bak$/);
  });

  it('never leave a file named like a backup that is not a whole database', () => {
    const path = tempFile();
    databaseWith(path, 3);
    const db = openDatabase(path);
    const target = join(backupFolder(path), 'manual-2024-01-01T000000-000.bak');
    // VACUUM INTO cannot run inside a transaction: a copy that fails half-way leaves neither target nor partial file.
    db.exec('BEGIN');
    expect(() => writeVerifiedBackup(db, target)).toThrow();
    db.exec('ROLLBACK');
    expect(readdirSync(backupFolder(path))).toEqual([]);
    writeVerifiedBackup(db, target);
    db.close();
    expect(draftCount(target)).toBe(3);
    expect(readdirSync(backupFolder(path)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

describe('pruning', () => {
  it('keeps seven daily copies, takes one per day, and removes what a dead process left half-written', () => {
    const path = tempFile();
    databaseWith(path, 1);
    const folder = backupFolder(path);
    mkdirSync(folder, { recursive: true });
    for (let day = 1; day <= 9; day += 1) writeFileSync(join(folder, `daily-2024-01-0${day}.bak`), 'old');
    writeFileSync(join(folder, 'daily-2024-02-01.bak.999999999.partial'), 'half');
    const db = openDatabase(path);
    expect(takeDailyBackup(db, path, new Date(2024, 1, 2, 9))).toBe(true);
    expect(takeDailyBackup(db, path, new Date(2024, 1, 2, 17))).toBe(false);
    db.close();
    const names = readdirSync(folder).sort();
    expect(names).toEqual(['daily-2024-01-04.bak', 'daily-2024-01-05.bak', 'daily-2024-01-06.bak', 'daily-2024-01-07.bak', 'daily-2024-01-08.bak', 'daily-2024-01-09.bak', 'daily-2024-02-02.bak']);
    expect(draftCount(join(folder, 'daily-2024-02-02.bak'))).toBe(1);
    pruneBackups(path, 'daily', 2);
    expect(listBackups(path).map((backup) => backup.name)).toHaveLength(2);
  });
});

describe('opening a damaged file', () => {
  function corrupt(path: string, offset: number, length: number): void {
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
    closeSync(fd);
  }

  it('is refused with a Vietnamese message naming the backups, and the file is left as it was', () => {
    const path = tempFile();
    databaseWith(path, 400);
    const pages = statSync(path).size / 4096;
    expect(pages).toBeGreaterThan(4);
    corrupt(path, 4096 * 2, 4096 * 2);
    const before = readFileSync(path);
    let error: unknown;
    try {
      openDatabase(path).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as Error).message).toMatch(/bị hỏng.*tthc restore.*-backups/s);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('is refused the same way when it is not a database at all', () => {
    const path = tempFile();
    writeFileSync(path, 'Đây không phải là cơ sở dữ liệu. '.repeat(200));
    expect(() => openDatabase(path)).toThrow(DatabaseDamagedError);
  });
});

describe('restoreDatabaseFile', () => {
  it('replaces the database, keeping the one it replaced as a checked copy', async () => {
    const path = tempFile();
    const source = join(mkdtempSync(join(tmpdir(), 'tthc-source-')), 'copy.bak');
    databaseWith(path, 2);
    const db = openDatabase(path);
    writeVerifiedBackup(db, source);
    db.prepare("INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, created_at, updated_at) VALUES ('later', 'luat', 'Luật', '', 0, 'x', 'x')").run();
    db.close();
    expect(draftCount(path)).toBe(3);
    const result = await restoreDatabaseFile(path, source, new Date(2024, 0, 1));
    expect(draftCount(path)).toBe(2);
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(draftCount(result.keptCopy!)).toBe(3);
    const reopened = openDatabase(path);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  });

  it.each([
    ['from a newer app', (file: string) => new BetterSqlite3(file).pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`), /phiên bản mới hơn/],
    ['that is some other SQLite file', (file: string) => new BetterSqlite3(file).exec('CREATE TABLE t (x)'), /không phải bản sao lưu/],
    ['that is not SQLite', (file: string) => writeFileSync(file, 'x'.repeat(5000)), /không phải cơ sở dữ liệu/],
  ])('refuses a file %s and leaves the database untouched', async (_name, make, message) => {
    const path = tempFile();
    databaseWith(path, 2);
    const file = join(mkdtempSync(join(tmpdir(), 'tthc-source-')), 'other.bak');
    const made = make(file);
    if (made && typeof made === 'object' && 'close' in made) (made as BetterSqlite3.Database).close();
    const before = readFileSync(path);
    await expect(restoreDatabaseFile(path, file, new Date())).rejects.toThrow(message);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('moves a damaged database aside and puts the copy in its place', async () => {
    const path = tempFile();
    databaseWith(path, 300);
    const source = join(mkdtempSync(join(tmpdir(), 'tthc-source-')), 'copy.bak');
    const db = openDatabase(path);
    writeVerifiedBackup(db, source);
    db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 8192);
    closeSync(fd);
    expect(() => openDatabase(path)).toThrow(DatabaseDamagedError);
    const result = await restoreDatabaseFile(path, source, new Date());
    expect(existsSync(result.keptCopy!)).toBe(true);
    openDatabase(path).close();
    expect(draftCount(path)).toBe(300);
  });
});

// Issue 23, "What broke" 2: three empty tables named drafts, regulations and events at user_version=130 were
// "restored", a good backup at user_version=-1 replaced the database before failing, and a backup whose history was
// edited was restored without a word. The class: a sound backup of ours with one thing changed outside the app.
describe('restore checks a copy of the candidate before it replaces anything', () => {
  const RELEASED = MIGRATIONS.map((migration) => migration.version);

  /** A sound backup with `drafts` drafts and a chained history of three events each. */
  function goodBackup(drafts: number): string {
    const path = tempFile();
    databaseWith(path, drafts);
    const db = openDatabase(path);
    const insert = db.prepare('INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    let previous = CHAIN_START;
    for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM drafts ORDER BY id').all()) {
      for (const [step, action] of ['create', 'submit_for_appraisal', 'complete_appraisal'].entries()) {
        const event = { draftId: id, at: `2026-01-0${step + 1}T08:00:00.000Z`, atEpochMs: Date.UTC(2026, 0, step + 1, 8), action, actor: 'Nguyễn Văn A', role: 'drafter', note: `bước ${step}` };
        previous = eventHash(previous, event);
        insert.run(event.draftId, event.at, event.atEpochMs, event.action, event.actor, event.role, event.note, previous);
      }
    }
    const backup = join(mkdtempSync(join(tmpdir(), 'tthc-source-')), 'copy.bak');
    writeVerifiedBackup(db, backup);
    db.close();
    return backup;
  }

  const namesOf = (db: BetterSqlite3.Database, type: string) =>
    db.prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type);

  /** Runs `edit` with the history's guards lifted, then puts them back exactly as they were. */
  const behindTheTriggers = (db: BetterSqlite3.Database, edit: () => void) => {
    const triggers = namesOf(db, 'trigger');
    for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
    edit();
    for (const { sql } of triggers) db.exec(sql);
  };

  type Tamper = { kind: string; apply: (file: string) => void };
  const tamper: fc.Arbitrary<Tamper> = fc.oneof(
    fc.constantFrom(...RELEASED).map((version) => ({
      kind: `three empty tables at user_version ${version}`,
      apply: (file: string) => {
        writeFileSync(file, '');
        const db = new BetterSqlite3(file);
        db.exec('CREATE TABLE drafts (id TEXT); CREATE TABLE regulations (id TEXT); CREATE TABLE events (id TEXT);');
        db.pragma(`user_version = ${version}`);
        db.close();
      },
    })),
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((version) => !RELEASED.includes(version)).map((version) => ({
      kind: `user_version ${version}`,
      apply: (file: string) => {
        const db = new BetterSqlite3(file);
        db.pragma(`user_version = ${version}`);
        db.close();
      },
    })),
    ...(['index', 'trigger'] as const).map((type) =>
      fc.nat().map((pick) => ({
        kind: `one ${type} dropped`,
        apply: (file: string) => {
          const db = new BetterSqlite3(file);
          const objects = namesOf(db, type);
          db.exec(`DROP ${type.toUpperCase()} ${objects[pick % objects.length]!.name}`);
          db.close();
        },
      })),
    ),
    fc.nat().map((pick) => ({
      kind: 'a column added',
      apply: (file: string) => {
        const db = new BetterSqlite3(file);
        const all = namesOf(db, 'table');
        const virtual = all.filter(({ sql }) => /^CREATE VIRTUAL/i.test(sql)).map(({ name }) => name);
        // A virtual table and its shadow tables belong to SQLite, not to a schema anyone alters.
        const tables = all.filter(({ name }) => !virtual.some((owner) => name === owner || name.startsWith(`${owner}_`)));
        db.exec(`ALTER TABLE ${tables[pick % tables.length]!.name} ADD COLUMN added_elsewhere TEXT`);
        db.close();
      },
    })),
    fc.constant({
      kind: 'a table added',
      apply: (file: string) => {
        const db = new BetterSqlite3(file);
        db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)');
        db.close();
      },
    }),
    fc.tuple(fc.nat(), fc.constantFrom('note', 'actor', 'action', 'delete')).map(([pick, edit]) => ({
      kind: `an event's ${edit} edited behind the triggers`,
      apply: (file: string) => {
        const db = new BetterSqlite3(file);
        const seqs = db.prepare<[], { seq: number }>('SELECT seq FROM events ORDER BY seq').all();
        // Not the newest: a plain chain cannot tell a truncated end (the keyed chain of item 3 can).
        const seq = seqs[pick % (seqs.length - 1)]!.seq;
        behindTheTriggers(db, () => {
          if (edit === 'delete') db.prepare('DELETE FROM events WHERE seq = ?').run(seq);
          else db.prepare(`UPDATE events SET ${edit} = ${edit} || ' (sửa)' WHERE seq = ?`).run(seq);
        });
        db.close();
      },
    })),
  );

  it('refuses every tampered backup with its reason, leaving the database byte for byte and no staged copy behind', async () => {
    await fc.assert(
      fc.asyncProperty(tamper, fc.integer({ min: 1, max: 4 }), async ({ kind, apply }, drafts) => {
        const path = tempFile();
        databaseWith(path, 2);
        const backup = goodBackup(drafts);
        apply(backup);
        const before = readFileSync(path);
        await expect(restoreDatabaseFile(path, backup, new Date()), kind).rejects.toThrow(BackupError);
        await expect(restoreDatabaseFile(path, backup, new Date()), kind).rejects.toThrow(/^Tệp copy\.bak (không phải|bị hỏng|do phiên bản mới hơn)/);
        expect(readFileSync(path).equals(before), kind).toBe(true);
        expect(existsSync(backupFolder(path)) ? readdirSync(backupFolder(path)) : [], kind).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('restores an untouched backup of every released schema version, migrated', async () => {
    for (const version of RELEASED) {
      const source = join(mkdtempSync(join(tmpdir(), 'tthc-source-')), `v${version}.bak`);
      const old = new BetterSqlite3(source);
      migrate(old, MIGRATIONS, version);
      old.close();
      const path = tempFile();
      databaseWith(path, 1);
      const result = await restoreDatabaseFile(path, source, new Date());
      expect(result.schemaVersion).toBe(version);
      const restored = openDatabase(path);
      expect(restored.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      restored.close();
      expect(draftCount(path)).toBe(0);
    }
  }, 120_000);
});
