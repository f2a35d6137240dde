// Where the app keeps its data, computed without Electron so the desktop app, the web host and the CLI agree.
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'ban-tham-dinh-tthc';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/**
 * This installation's history key (db/common/historyKey.ts): TTHC_HISTORY_KEY_FILE, else history.key in the data
 * folder — the desktop user's, or the team server host's, outside the database that the key seals.
 */
export function historyKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.TTHC_HISTORY_KEY_FILE ?? join(defaultDataDir(env), 'history.key');
}

/** A PostgreSQL connection URL (a unit's shared database) rather than the path of a SQLite file. */
export const isDatabaseUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Where the database is: a SQLite file's path or a PostgreSQL URL. `--database URL` or `--db FILE` wins, then
 * TTHC_DATABASE_URL, then TTHC_DB, then the OS user-data directory (SQLite stays the default).
 */
export function resolveDatabasePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.TTHC_DATABASE_URL ?? env.TTHC_DB ?? join(defaultDataDir(env), 'tthc.sqlite');
}

/** A URL as it may be printed: without its password. */
export function displayedLocation(location: string): string {
  if (!isDatabaseUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}
