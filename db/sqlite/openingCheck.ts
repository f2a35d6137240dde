// Whether opening a database file must first read it whole for damage (PRAGMA quick_check). The check costs about
// 0,6 s per 50 MB on this machine, so seconds at every start with 100.000 regulations. It runs when the file was not
// checked today, or when the file is not as this app left it at its last clean close (another program wrote to it, a
// sync tool or a copy replaced it). A file checked today and untouched since is opened without being read again.
// An app that ended without closing the file (a crash, kill -9) leaves the next opening to check. A page damaged
// without any trace on the file's size or time is found by the next day's first opening, by every backup (each copy
// is checked) and by `tthc verify`.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { backupDay } from '../common/backupShelf';

/** The file as it was left: its size and its last change to the millisecond. */
type FileState = { size: number; changedAtMs: number };
type OpeningNote = { checkedOn: string; closedAs?: FileState };

/** Beside the file, as SQLite's own -wal and -shm are: the backups folder holds backups only. */
const notePath = (databasePath: string) => `${databasePath}-opening-check.json`;

function fileState(databasePath: string): FileState {
  const stat = statSync(databasePath);
  return { size: stat.size, changedAtMs: Math.round(stat.mtimeMs) };
}

function readNote(databasePath: string): OpeningNote | undefined {
  try {
    const note = JSON.parse(readFileSync(notePath(databasePath), 'utf8')) as Partial<OpeningNote>;
    return typeof note.checkedOn === 'string' ? (note as OpeningNote) : undefined;
  } catch {
    return undefined;
  }
}

/** A note that cannot be written (a full disk, a read-only folder) only means the next opening checks again. */
function writeNote(databasePath: string, note: OpeningNote): void {
  try {
    writeFileSync(notePath(databasePath), JSON.stringify(note));
  } catch {
    // Nothing is lost: without a note the file is checked.
  }
}

/**
 * Whether the file must be checked before this opening writes to it. When it need not, the note forgets how the file
 * was left: it is open now, and only the app's own close says again how it was left (an app that ended without
 * closing it leaves the next opening to check).
 */
export function mustCheckOnOpening(databasePath: string, now: Date): boolean {
  const note = readNote(databasePath);
  if (!note?.closedAs || note.checkedOn !== backupDay(now)) return true;
  const state = fileState(databasePath);
  if (state.size !== note.closedAs.size || state.changedAtMs !== note.closedAs.changedAtMs) return true;
  writeNote(databasePath, { checkedOn: note.checkedOn });
  return false;
}

/** After a check found nothing: checked today, and open. */
export function noteCheckedOnOpening(databasePath: string, now: Date): void {
  writeNote(databasePath, { checkedOn: backupDay(now) });
}

/** After the connection was closed by the app: the file as it was left, for the next opening to compare. */
export function noteClosedCleanly(databasePath: string): void {
  const note = readNote(databasePath);
  if (note) writeNote(databasePath, { checkedOn: note.checkedOn, closedAs: fileState(databasePath) });
}
