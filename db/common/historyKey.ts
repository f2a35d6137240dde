// This installation's history key (historySeal.ts), kept outside the database so that someone who can write the
// database — a copy of the file, a PostgreSQL role that owns the tables — cannot make a seal that verifies. A file of
// 32 random bytes (hex), readable by its owner only (0600), in the app's data folder of the machine that writes the
// history: the desktop user's for SQLite, the team server host's for PostgreSQL (TTHC_HISTORY_KEY_FILE names another
// place, which several team servers of one database must share). It does not stop the machine's own administrator:
// they hold the key too.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HistoryKeyError } from '../port';

const KEY_BYTES = 32;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/**
 * The key in `file`, made there (0600, its folder 0700) the first time. A key that cannot be made or read is a
 * HistoryKeyError naming the file, said before any database is opened.
 */
export function readOrCreateHistoryKey(file: string): Buffer {
  createKeyFileOnce(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new HistoryKeyError(errorCode(error) === 'ENOENT' ? 'unwritable' : 'unreadable', file);
  }
  // A damaged key is never replaced: the seals made with it could no longer be checked.
  if (!/^[0-9a-f]{64}$/.test(text)) throw new HistoryKeyError('malformed', file);
  narrowToOwner(file);
  return Buffer.from(text, 'hex');
}

/**
 * Writes a new key whole under a temporary name, then links it to `file` only if there is none yet: a disk that
 * fills up half-way leaves no key file cut short (which would read as a damaged key), and two processes starting at
 * once keep the one that was there first.
 */
function createKeyFileOnce(file: string): void {
  if (existsSync(file)) return;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600 });
    linkSync(temporary, file);
  } catch (error) {
    // A key already there (its folder may well be read-only) is read as it is.
    if (errorCode(error) !== 'EEXIST' && !existsSync(file)) throw new HistoryKeyError('unwritable', file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** A key another tool copied with a wider mode is narrowed back to its owner; one of another owner, or on a read-only disk, keeps its mode. */
function narrowToOwner(file: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    if (errorCode(error) !== 'EPERM' && errorCode(error) !== 'EROFS') throw error;
  }
}

let processKey: Buffer | undefined;

/**
 * The key of a store opened without one (tests and tools that open a store directly): the file TTHC_HISTORY_KEY_FILE
 * names, else one made for this process, so such a store seals and verifies consistently while the process runs.
 */
export function defaultHistoryKey(): Buffer {
  const file = process.env.TTHC_HISTORY_KEY_FILE;
  if (file) return readOrCreateHistoryKey(file);
  return (processKey ??= randomBytes(KEY_BYTES));
}
