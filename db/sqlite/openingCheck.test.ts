import { closeSync, mkdtempSync, openSync, statSync, utimesSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { backupDay } from '../common/backupShelf';
import { listBackups, takeDailyBackup } from './backups';
import { closeDatabase, DatabaseDamagedError, openDatabase } from './connection';
import { mustCheckOnOpening } from './openingCheck';

const MONDAY = new Date(2026, 11, 7, 9, 0);
const MONDAY_EVENING = new Date(2026, 11, 7, 18, 0);
const TUESDAY = new Date(2026, 11, 8, 8, 0);

/** A database of 400 drafts, opened and closed by the app on `day` (checked at its second opening, then left). */
function databaseLeftOn(day: Date): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tthc-opening-')), 'tthc.sqlite');
  const created = openDatabase(path, { now: day });
  const insert = created.prepare(
    "INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, created_at, updated_at) VALUES (?, 'nghi_dinh', ?, 'Bộ Tư pháp', 0, 'x', 'x')",
  );
  for (let index = 0; index < 400; index += 1) insert.run(`draft-${index}`, `Nghị định số ${index} ${'về hộ tịch '.repeat(20)}`);
  closeDatabase(created, path);
  closeDatabase(openDatabase(path, { now: day }), path);
  return path;
}

/**
 * Overwrites two pages in the middle of the file, as another program would a second later; `keepTrace: false` puts
 * the file's time back as it was, as a failing disk would leave it.
 */
function damagePages(path: string, { keepTrace }: { keepTrace: boolean }): void {
  const before = statSync(path);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 8192);
  closeSync(fd);
  const changedAt = keepTrace ? new Date(before.mtimeMs + 1000) : new Date(Math.round(before.mtimeMs));
  utimesSync(path, before.atime, changedAt);
  expect(statSync(path).size).toBe(before.size);
}

const openingFails = (path: string, now: Date) => {
  try {
    openDatabase(path, { now }).close();
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('the integrity check at opening', () => {
  it('is not repeated the same day on a file left as the app closed it', () => {
    const path = databaseLeftOn(MONDAY);
    damagePages(path, { keepTrace: false });
    // Opened without reading the file whole: the damage leaves no trace the opening looks at.
    expect(openingFails(path, MONDAY_EVENING)).toBeUndefined();
  });

  it('runs at the next day’s first opening, and finds what the same day did not read', () => {
    const path = databaseLeftOn(MONDAY);
    damagePages(path, { keepTrace: false });
    expect(openingFails(path, TUESDAY)).toBeInstanceOf(DatabaseDamagedError);
  });

  it('runs the same day when another program wrote to the file after the app closed it', () => {
    const path = databaseLeftOn(MONDAY);
    damagePages(path, { keepTrace: true });
    expect(openingFails(path, MONDAY_EVENING)).toBeInstanceOf(DatabaseDamagedError);
  });

  it('runs when the app did not close the file itself', () => {
    const path = databaseLeftOn(MONDAY);
    openDatabase(path, { now: MONDAY }).close(); // checked, then closed without the app's note (as a crash would)
    damagePages(path, { keepTrace: false });
    expect(openingFails(path, MONDAY_EVENING)).toBeInstanceOf(DatabaseDamagedError);
  });

  it('turns the day with the daily backup, at the machine’s midnight rather than UTC’s (one backupDay)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh'; // UTC+7: both instants fall on 7 December in UTC
    try {
      const lateEvening = new Date('2026-12-07T16:59:00Z'); // 23:59 on 7 December in Hà Nội
      const pastMidnight = new Date('2026-12-07T17:00:30Z'); // 00:00:30 on 8 December
      expect([backupDay(lateEvening), backupDay(pastMidnight)]).toEqual(['2026-12-07', '2026-12-08']);
      const path = databaseLeftOn(lateEvening);
      expect(mustCheckOnOpening(path, pastMidnight)).toBe(true);
      expect(mustCheckOnOpening(path, lateEvening)).toBe(false);
      const db = new BetterSqlite3(path);
      try {
        expect([takeDailyBackup(db, path, lateEvening), takeDailyBackup(db, path, lateEvening), takeDailyBackup(db, path, pastMidnight)]).toEqual([true, false, true]);
      } finally {
        db.close();
      }
      expect(listBackups(path).filter((backup) => backup.kind === 'daily').map((backup) => backup.name)).toEqual(['daily-2026-12-08.bak', 'daily-2026-12-07.bak']);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
