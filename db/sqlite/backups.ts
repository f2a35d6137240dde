// Backups a user can trust: a copy is written under a temporary name, checked, flushed and only then renamed, so a
// file that looks like a backup always opens whole. Automatic copies live beside the database and are rotated.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BackupError, type BackupKind, type RestoreResult, type StoredBackup } from '../port';
import { migrate } from './connection';
import { checkEventChain } from './eventChain';
import { createSqliteSealer } from './historySeal';
import { backupStamp, listShelf, pruneShelf, shelfPath, type BackupShelf } from '../common/backupShelf';
import { defaultHistoryKey } from '../common/historyKey';
import { historyRefusalReason, restoreRefusal } from '../common/restoreRefusal';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { fingerprintDifference, schemaFingerprint, type SchemaFingerprint } from './schemaFingerprint';

const BACKUP_SUFFIX = '.bak' as const;
// A copy being written never ends in ".bak": a crash leaves a ".partial" file nobody mistakes for a backup.
const PARTIAL_SUFFIX = '.partial';

/** The folder of automatic copies of the database at `databasePath`. */
export function backupFolder(databasePath: string): string {
  return `${databasePath}-backups`;
}

/** Problems SQLite finds in the file; empty when it is sound. `quick` skips the slower index-content checks. */
export function integrityProblems(db: Database, quick = false): string[] {
  const rows = db.pragma(quick ? 'quick_check' : 'integrity_check') as Array<Record<string, string>>;
  const messages = rows.map((row) => String(Object.values(row)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

function flushToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename is durable only once the folder entry is on disk; not every platform lets a folder be synced. */
function flushFolder(folder: string): void {
  try {
    flushToDisk(folder);
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  }
}

export type BackupFileFacts = { schemaVersion: number; problems: string[] };

/** Opens a candidate file read-only and reports its schema version and integrity; throws when it is not SQLite at all. */
export function inspectDatabaseFile(path: string, quick = false): BackupFileFacts {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return { schemaVersion: db.pragma('user_version', { simple: true }) as number, problems: integrityProblems(db, quick) };
  } finally {
    db.close();
  }
}

/**
 * Copies the open database to `target` through a temporary file: VACUUM INTO, integrity check of the copy, fsync,
 * then an atomic rename. Whatever happens before the rename, `target` is either absent or the previous good copy.
 */
export function writeVerifiedBackup(db: Database, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}${PARTIAL_SUFFIX}`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const facts = inspectDatabaseFile(partial);
    const expected = db.pragma('user_version', { simple: true }) as number;
    if (facts.problems.length > 0 || facts.schemaVersion !== expected) {
      throw new BackupError(`Bản sao vừa ghi không đọc lại được nguyên vẹn (${facts.problems.slice(0, 3).join('; ') || `phiên bản ${facts.schemaVersion}`}).`);
    }
    flushToDisk(partial);
    renameSync(partial, target);
    flushFolder(dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The database's folder of copies, listed and rotated as every store's (db/common/backupShelf.ts). */
const shelfOf = (databasePath: string): BackupShelf => ({ folder: backupFolder(databasePath), suffix: BACKUP_SUFFIX });

/** The automatic and manual copies of one database, newest first. */
export function listBackups(databasePath: string): StoredBackup[] {
  return listShelf(shelfOf(databasePath));
}

/** Removes copies of `kind` beyond the newest `keep`, and partial files left by processes that no longer run. */
export function pruneBackups(databasePath: string, kind: BackupKind, keep?: number): void {
  pruneShelf(shelfOf(databasePath), kind, keep);
}

/** Writes an automatic copy of `kind` into the database's backup folder and rotates that kind; returns its path. */
export function takeAutomaticBackup(db: Database, databasePath: string, kind: BackupKind, date: Date, label = ''): string {
  const target = shelfPath(shelfOf(databasePath), kind, date, label);
  writeVerifiedBackup(db, target);
  pruneBackups(databasePath, kind);
  return target;
}

/** One copy per calendar day, taken the first time the day's first start opens the file; false when today's exists. */
export function takeDailyBackup(db: Database, databasePath: string, date: Date): boolean {
  const today = shelfPath(shelfOf(databasePath), 'daily', date);
  if (existsSync(today)) return false;
  takeAutomaticBackup(db, databasePath, 'daily', date);
  return true;
}

/** Why `path` cannot be restored into this app, or null when it can: damaged, from a newer version, or at a schema version this app never wrote. */
export function backupRefusal(path: string): string | null {
  const name = basename(path);
  let facts: BackupFileFacts;
  try {
    facts = inspectDatabaseFile(path);
  } catch {
    return `Tệp ${name} không phải cơ sở dữ liệu SQLite hoặc không đọc được.`;
  }
  if (facts.problems.length > 0) return `Tệp ${name} bị hỏng (${facts.problems.slice(0, 3).join('; ')}), không khôi phục từ tệp này.`;
  if (facts.schemaVersion > LATEST_SCHEMA_VERSION) {
    return `Tệp ${name} do phiên bản mới hơn của ứng dụng ghi (lược đồ ${facts.schemaVersion}, ứng dụng này hiểu tới ${LATEST_SCHEMA_VERSION}). Hãy cập nhật ứng dụng trước khi khôi phục.`;
  }
  if (!MIGRATIONS.some((migration) => migration.version === facts.schemaVersion)) {
    return `Tệp ${name} không phải bản sao lưu của Bàn thẩm định TTHC (phiên bản lược đồ ${facts.schemaVersion} không do ứng dụng nào ghi).`;
  }
  return null;
}

let currentFingerprint: SchemaFingerprint | undefined;

/** The schema this app's migrations build, from an empty database. */
function expectedFingerprint(): SchemaFingerprint {
  if (!currentFingerprint) {
    const db = new BetterSqlite3(':memory:');
    try {
      migrate(db);
      currentFingerprint = schemaFingerprint(db);
    } finally {
      db.close();
    }
  }
  return currentFingerprint;
}


/**
 * A copy of the candidate, brought to this app's schema and checked: the candidate itself is only ever read. The
 * copy is refused unless its migrations run, its schema is this app's (tables, columns, indexes, triggers) and its
 * history chain holds; on refusal nothing of it is left behind.
 */
function stagedCandidate(source: string, folder: string, date: Date, historyKey: Buffer): string {
  const staged = join(folder, `restore-candidate-${backupStamp(date)}.${process.pid}${PARTIAL_SUFFIX}`);
  mkdirSync(folder, { recursive: true });
  rmSync(staged, { force: true });
  const refuse = (reason: string): never => {
    rmSync(staged, { force: true });
    throw restoreRefusal(source, reason);
  };
  const sourceDb = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    sourceDb.prepare('VACUUM INTO ?').run(staged);
  } finally {
    sourceDb.close();
  }
  const db = new BetterSqlite3(staged, { fileMustExist: true });
  let problem: string | null = null;
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    try {
      migrate(db);
    } catch {
      problem = `cấu trúc dữ liệu không khớp với phiên bản lược đồ ${version} nên không nâng cấp được`;
    }
    problem ??= fingerprintDifference(schemaFingerprint(db), expectedFingerprint());
    if (problem === null) {
      const broken = checkEventChain(db).firstBroken;
      // The seals as opening the copy would make and check them.
      const sealer = createSqliteSealer(db, historyKey);
      if (!broken) sealer.sealOnFirstOpen(date);
      problem = historyRefusalReason(broken, broken ? [] : sealer.problems());
    }
  } finally {
    db.close();
  }
  if (problem !== null) refuse(problem);
  return staged;
}

function isSound(path: string): boolean {
  try {
    return inspectDatabaseFile(path, true).problems.length === 0;
  } catch {
    return false;
  }
}

/**
 * Replaces the database at `databasePath` with the copy at `source` once a migrated copy of it has passed every check
 * (stagedCandidate); until then nothing is written but that staged copy. The caller has closed its own connection. A sound current file is first copied aside, then overwritten through SQLite's backup API in one write
 * transaction (other connections see the old or the new file, a crash leaves the old one); a damaged current file is
 * moved aside with its WAL and the copy is renamed into place.
 */
export async function restoreDatabaseFile(databasePath: string, source: string, date: Date, historyKey: Buffer = defaultHistoryKey()): Promise<RestoreResult> {
  const refusal = backupRefusal(source);
  if (refusal) throw new BackupError(refusal);
  const schemaVersion = inspectDatabaseFile(source, true).schemaVersion;
  const folder = backupFolder(databasePath);
  const staged = stagedCandidate(source, folder, date, historyKey);
  const stagedDb = new BetterSqlite3(staged, { readonly: true, fileMustExist: true });
  try {
    if (!existsSync(databasePath)) {
      writeVerifiedBackup(stagedDb, databasePath);
      return { keptCopy: null, schemaVersion };
    }
    if (isSound(databasePath)) {
      const current = new BetterSqlite3(databasePath, { fileMustExist: true });
      let keptCopy: string;
      try {
        keptCopy = takeAutomaticBackup(current, databasePath, 'before-restore', date);
      } finally {
        current.close();
      }
      // One step for every page: the destination stays locked from the first page to the commit.
      await stagedDb.backup(databasePath, { progress: () => 0x7fffffff });
      return { keptCopy, schemaVersion };
    }
    const keptCopy = join(folder, `before-restore-damaged-${backupStamp(date)}.sqlite`);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, keptCopy + suffix);
    }
    renameSync(databasePath, keptCopy);
    writeVerifiedBackup(stagedDb, databasePath);
    return { keptCopy, schemaVersion };
  } finally {
    stagedDb.close();
    rmSync(staged, { force: true });
  }
}
