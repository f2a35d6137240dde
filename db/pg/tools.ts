// Where PostgreSQL's own programs are on this machine: TTHC_PG_BIN, then PATH, then Debian's newest
// /usr/lib/postgresql/N/bin (where initdb, pg_ctl, pg_dump and pg_restore live without being on PATH).
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The folder holding every one of `programs`, or undefined when no folder has them all. */
export function findPostgresTools(programs: readonly string[]): string | undefined {
  const hasAll = (folder: string) => programs.every((program) => existsSync(join(folder, program)));
  const named = process.env.TTHC_PG_BIN;
  if (named) return hasAll(named) ? named : undefined;
  const onPath = (process.env.PATH ?? '').split(delimiter).find((folder) => folder !== '' && hasAll(folder));
  if (onPath) return onPath;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(debian, version, 'bin')).find(hasAll);
}
