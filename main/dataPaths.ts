// Where the app keeps its data, computed without Electron so the desktop app, the web host and the CLI agree.
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'ban-tham-dinh-tthc';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/** `--db` wins, then TTHC_DB, then the OS user-data directory. */
export function resolveDatabasePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.TTHC_DB ?? join(defaultDataDir(env), 'tthc.sqlite');
}
