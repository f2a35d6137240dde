// The folder of copies a store keeps, whatever the engine: how a copy is named by kind and time, how the folder is
// listed newest first, and how each kind is rotated. SQLite keeps `.bak` files beside its database file, PostgreSQL
// keeps pg_dump files (`.dump`) in the data folder of the machine that serves it; both are listed and rotated alike.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../shared/domain/localDate';
import type { BackupKind, StoredBackup } from '../port';

/** How many copies of each kind are kept; older ones are removed after a new one is safely written. */
export const BACKUP_RETENTION: Record<BackupKind, number> = { 'pre-migration': 3, daily: 7, 'before-restore': 3, manual: 20 };

/** A folder of copies and the file ending that marks a whole copy (a copy being written ends in ".partial"). */
export type BackupShelf = { folder: string; suffix: '.bak' | '.dump' };

/**
 * The day of `date` that names a daily copy, and that the opening check (db/sqlite/openingCheck.ts) and the daily
 * history checkpoint count «today» by: the calendar day of the machine's own time zone, as the officer's dates are
 * (localDate). The first start after local midnight takes the day's copy, and the file names read as the officer's days;
 * UTC's day would turn at 07:00 in Hà Nội, so a start at 06:30 would count as the day before.
 */
export function backupDay(date: Date): string {
  return localDate(date.toISOString());
}

/** Local date and time in a file-name-safe form, so copies sort by name in the order they were taken. */
export function backupStamp(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${backupDay(date)}T${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}-${pad(date.getMilliseconds(), 3)}`;
}

const namePattern = (suffix: string) => new RegExp(`^(pre-migration|daily|before-restore|manual)-(?:v\\d+-)?(\\d{4}-\\d{2}-\\d{2}(?:T\\d{6}-\\d{3})?)\\${suffix}$`);

/** Where a copy of `kind` taken at `date` goes: one a day for daily copies, one per millisecond for the others. */
export function shelfPath(shelf: BackupShelf, kind: BackupKind, date: Date, label = ''): string {
  const stamp = kind === 'daily' ? backupDay(date) : backupStamp(date);
  return join(shelf.folder, `${kind}-${label ? `${label}-` : ''}${stamp}${shelf.suffix}`);
}

/** The copies on the shelf, newest first. */
export function listShelf(shelf: BackupShelf): StoredBackup[] {
  if (!existsSync(shelf.folder)) return [];
  const pattern = namePattern(shelf.suffix);
  return readdirSync(shelf.folder)
    .flatMap((name): StoredBackup[] => {
      const match = pattern.exec(name);
      if (!match) return [];
      const path = join(shelf.folder, name);
      const stat = statSync(path);
      return [{ name, kind: match[1] as BackupKind, path, takenAt: stat.mtime.toISOString(), sizeBytes: stat.size }];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** Removes copies of `kind` beyond the newest `keep`, and partial files left by processes that no longer run. */
export function pruneShelf(shelf: BackupShelf, kind: BackupKind, keep: number = BACKUP_RETENTION[kind]): void {
  if (!existsSync(shelf.folder)) return;
  const pattern = namePattern(shelf.suffix);
  const ofKind = readdirSync(shelf.folder)
    .filter((name) => pattern.exec(name)?.[1] === kind)
    .sort()
    .reverse();
  for (const name of ofKind.slice(keep)) rmSync(join(shelf.folder, name), { force: true });
  for (const name of readdirSync(shelf.folder)) {
    const pid = /\.(\d+)\.partial$/.exec(name)?.[1];
    if (pid && !processIsAlive(Number(pid))) rmSync(join(shelf.folder, name), { force: true });
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
