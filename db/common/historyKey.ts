// This installation's history key (historySeal.ts), kept outside the database so that someone who can write the
// database — a copy of the file, a PostgreSQL role that owns the tables — cannot make a seal that verifies. A file of
// 32 random bytes (hex), readable by its owner only (0600), in the app's data folder of the machine that writes the
// history: the desktop user's for SQLite, the team server host's for PostgreSQL (TTHC_HISTORY_KEY_FILE names another
// place, which several team servers of one database must share). It does not stop the machine's own administrator:
// they hold the key too.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const KEY_BYTES = 32;

/** The key in `file`, made there (0600, its folder 0700) the first time. */
export function readOrCreateHistoryKey(file: string): Buffer {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`history key file ${file} does not hold ${KEY_BYTES} bytes in hex`);
  // A key another tool copied with a wider mode is narrowed back to its owner.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return Buffer.from(text, 'hex');
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
