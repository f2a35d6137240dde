// Internal errors: the user gets one line with a short id, the stack goes to a log file next to the database.
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { transportText } from '../../shared/i18n/transportMessages';
import { defaultDataDir, isDatabaseUrl } from '../dataPaths';

/** Records one internal error and returns the id the user is shown, so a report can be matched to its stack. */
export type ErrorLog = (error: unknown, context?: string) => string;

export const newErrorId = (): string => randomBytes(4).toString('hex');

/**
 * The ids of errors whose log could not be written, most recent last: their message must not say the details were
 * logged (issue 23, item 5). Bounded: an id is only looked up right after it was made.
 */
const unlogged: string[] = [];
const UNLOGGED_KEPT = 100;

export const internalErrorMessage = (id: string): string => (unlogged.includes(id) ? transportText.internalUnlogged : transportText.internal).replace('{{id}}', id);

/** `<db>.log` beside the database file (for a PostgreSQL database, in the user's data folder); an in-memory database keeps no log. */
export function errorLogPath(databasePath: string): string | undefined {
  if (isDatabaseUrl(databasePath)) return join(defaultDataDir(), 'tthc-postgres.log');
  return databasePath === ':memory:' || databasePath === '' ? undefined : `${databasePath}.log`;
}

export function createErrorLog(path: string | undefined): ErrorLog {
  return (error, context) => {
    const id = newErrorId();
    if (path === undefined) return id;
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    try {
      appendFileSync(path, `${new Date().toISOString()} [${id}]${context ? ` ${context}` : ''}\n${detail}\n\n`);
    } catch {
      // A log that cannot be written (read-only folder, full disk) must not turn one error into two; the message says so.
      unlogged.push(id);
      if (unlogged.length > UNLOGGED_KEPT) unlogged.shift();
    }
    return id;
  };
}
