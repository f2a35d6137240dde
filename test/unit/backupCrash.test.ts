// Crash trials at small scale: a child writing a backup, migrating or restoring is killed with SIGKILL while it
// writes. Afterwards every file named like a backup must open whole, and the database must be intact.
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, inspectDatabaseFile, writeVerifiedBackup } from '../../db/sqlite/backups';
import { migrate, openDatabase } from '../../db/sqlite/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/sqlite/migrations/index';

const DRAFTS = 6000;
const CHILD = join(import.meta.dirname, 'backupCrashChild.ts');

function fill(db: BetterSqlite3.Database, drafts: number, tag: string): void {
  const insert = db.prepare(
    "INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, created_at, updated_at) VALUES (?, 'nghi_dinh', ?, 'Bộ Tư pháp', 0, 'x', 'x')",
  );
  db.transaction(() => {
    for (let index = 0; index < drafts; index += 1) insert.run(`${tag}-${index}`, `Nghị định ${index} ${'quy định về đăng ký hộ tịch '.repeat(30)}`);
  })();
}

const folder = mkdtempSync(join(tmpdir(), 'tthc-crash-'));
/** A template at schema 10 (for migration trials) and one at the latest schema, each with DRAFTS drafts. */
const oldTemplate = join(folder, 'old.sqlite');
const latestTemplate = join(folder, 'latest.sqlite');
const restoreSource = join(folder, 'source.bak');
{
  const old = new BetterSqlite3(oldTemplate);
  migrate(old, MIGRATIONS, 10);
  fill(old, DRAFTS, 'd');
  old.close();
  const latest = openDatabase(latestTemplate);
  fill(latest, DRAFTS, 'd');
  latest.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  latest.close();
  const source = openDatabase(join(folder, 'source.sqlite'));
  fill(source, DRAFTS / 2, 's');
  writeVerifiedBackup(source, restoreSource);
  source.close();
}

/**
 * Starts the child and kills it as soon as a partial copy appears in `watch` once `wholeFirst` copies are there (or
 * after `fallbackMs`).
 */
function killMidWrite(args: string[], watch: string, fallbackMs: number, wholeFirst = 0): Promise<{ killedMidWrite: boolean; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let finished = false;
    let killedMidWrite = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (finished ||= chunk.toString().includes('done')));
    const started = Date.now();
    const poll = setInterval(() => {
      const names = existsSync(watch) ? readdirSync(watch) : [];
      const writing = names.some((name) => name.endsWith('.partial')) && names.filter((name) => name.endsWith('.bak')).length >= wholeFirst;
      if (writing || Date.now() - started > fallbackMs) {
        killedMidWrite = writing;
        child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 1);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal !== 'SIGKILL' && !finished) reject(new Error(`child ended by itself (${code}): ${stderr}`));
      else resolve({ killedMidWrite, finished });
    });
  });
}

function draftsIn(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Every file named like a backup opens whole; returns how many there were. */
function assertBackupsWhole(databasePath: string, expectedDrafts: number[]): number {
  const dir = backupFolder(databasePath);
  const backups = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.bak')) : [];
  for (const name of backups) {
    expect(inspectDatabaseFile(join(dir, name)).problems, name).toEqual([]);
    expect(expectedDrafts).toContain(draftsIn(join(dir, name)));
  }
  return backups.length;
}

function assertDatabaseIntact(databasePath: string, expectedDrafts: number[]): void {
  const db = openDatabase(databasePath); // quick_check on open, then any pending migration
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(expectedDrafts).toContain((db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  } finally {
    db.close();
  }
}

describe('kill -9 while writing', () => {
  const trials: Array<{ mode: string; midWrite: boolean; backups: number }> = [];

  it.each([0, 2])('a backup, after %i whole copies', async (wholeFirst) => {
    const path = join(folder, `backup-${wholeFirst}.sqlite`);
    copyFileSync(latestTemplate, path);
    const { killedMidWrite } = await killMidWrite(['backup', path], backupFolder(path), 8000, wholeFirst);
    const backups = assertBackupsWhole(path, [DRAFTS]);
    assertDatabaseIntact(path, [DRAFTS]);
    if (killedMidWrite) expect(backups).toBe(wholeFirst);
    trials.push({ mode: 'backup', midWrite: killedMidWrite, backups });
  }, 20_000);

  it.each([1, 2])('a migration with its pre-migration copy (trial %i)', async (trial) => {
    const path = join(folder, `migrate-${trial}.sqlite`);
    copyFileSync(oldTemplate, path);
    const { killedMidWrite } = await killMidWrite(['migrate', path], backupFolder(path), 8000);
    const backups = assertBackupsWhole(path, [DRAFTS]);
    assertDatabaseIntact(path, [DRAFTS]);
    trials.push({ mode: 'migrate', midWrite: killedMidWrite, backups });
  }, 20_000);

  it.each([1])('a restore (trial %i)', async (trial) => {
    const path = join(folder, `restore-${trial}.sqlite`);
    copyFileSync(latestTemplate, path);
    // The copy of the current file is written first, then the restore proper; kill at a random point of either.
    const { killedMidWrite } = await killMidWrite(['restore', path, restoreSource], backupFolder(path), 1500 + trial * 400);
    assertBackupsWhole(path, [DRAFTS, DRAFTS / 2]);
    assertDatabaseIntact(path, [DRAFTS, DRAFTS / 2]);
    trials.push({ mode: 'restore', midWrite: killedMidWrite, backups: 0 });
  }, 20_000);

  it('killed at least some of the backups while a copy was being written', () => {
    console.log('crash trials', JSON.stringify(trials));
    expect(trials.filter((trial) => trial.mode === 'backup' && trial.midWrite).length).toBeGreaterThan(0);
  });
});
