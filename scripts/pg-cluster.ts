// A throwaway PostgreSQL cluster for tests, the bench and development: initdb into a fresh temporary folder, started
// on a free port of 127.0.0.1 with its socket in that folder, trust authentication for the `postgres` superuser,
// durability off (nothing in it outlives the run), stopped and removed at the end. Each run has its own folder and
// port, so several people can run tests on one machine at once. As root it runs initdb/pg_ctl as the `postgres` user
// (PostgreSQL refuses to run as root).
//
//   npx tsx scripts/pg-cluster.ts          starts one, creates the migrated database `tthc`, prints its URL and keeps
//                                          it until Ctrl+C (TTHC_DATABASE_URL=… npx tthc … against it)
//
// Environment: TTHC_PG_BIN names the folder of initdb and pg_ctl when they are neither on PATH nor in
// /usr/lib/postgresql/<version>/bin.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresTools } from '../db/pg/tools';

/** What a machine without PostgreSQL lacks, as the one line the tests print when they skip. */
export const POSTGRES_INSTALL_HINT = 'apt-get install postgresql postgresql-contrib';
/** The extension the schema needs (db/pg/migrations): trigram indexes, in postgresql-contrib on older releases. */
const NEEDED_EXTENSIONS = ['pg_trgm'];
const FOLDER_PREFIX = 'tthc-pg-';
const OWNER_FILE = 'owner.json';
const SUPERUSER = 'postgres';

/** The folder holding initdb and pg_ctl: TTHC_PG_BIN, then PATH, then Debian's newest /usr/lib/postgresql/N/bin. */
export const findPostgresBin = (): string | undefined => findPostgresTools(['initdb', 'pg_ctl']);

export type ThrowawayCluster = {
  /** The temporary folder: data/, the server log, and the socket. */
  folder: string;
  port: number;
  /** A connection URL for `database` over the socket, for pg, psql and pg_dump alike. */
  url(database: string): string;
  /** Stops the server at once and removes the folder; safe to call twice. */
  stop(): void;
  /** Shuts the server down (fast: open sessions are ended) and keeps its data, as an administrator's restart does. */
  shutDown(): void;
  /** Starts the shut-down server again on the same port and data; resolves once it accepts connections. */
  startAgain(): void;
};

type Runner = (command: string, args: string[]) => { status: number | null; output: string };

/** Runs PostgreSQL's tools as the `postgres` user when we are root (initdb and postgres refuse root). */
function toolRunner(): { run: Runner; owner?: { uid: number; gid: number } } {
  const direct: Runner = (command, args) => {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
  };
  if (process.getuid?.() !== 0) return { run: direct };
  const ids = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  if (ids.status !== 0) throw new Error(`Đang chạy với quyền root nhưng máy không có người dùng "${SUPERUSER}" để chạy PostgreSQL (${POSTGRES_INSTALL_HINT} tạo người dùng này).`);
  const uid = Number(ids.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).stdout.trim());
  const hasRunuser = spawnSync('runuser', ['--help'], { encoding: 'utf8' }).status === 0;
  const run: Runner = hasRunuser
    ? (command, args) => direct('runuser', ['-u', SUPERUSER, '--', command, ...args])
    : (command, args) => direct('su', [SUPERUSER, '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]);
  return { run, owner: { uid, gid } };
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Stops and removes clusters whose starting process died without its teardown (killed run): only those. */
function removeOrphans(bin: string, run: Runner): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const folder = join(tmpdir(), name);
    let owner: { pid?: number };
    try {
      owner = JSON.parse(readFileSync(join(folder, OWNER_FILE), 'utf8')) as { pid?: number };
    } catch {
      continue; // being set up right now, or not ours
    }
    if (typeof owner.pid !== 'number' || isAlive(owner.pid)) continue;
    if (existsSync(join(folder, 'data', 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['-D', join(folder, 'data'), '-m', 'immediate', 'stop']);
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Creates and starts a cluster (about 5 s). Throws, in Vietnamese, when PostgreSQL is missing or will not start,
 * naming the server log.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`Không tìm thấy initdb/pg_ctl của PostgreSQL: ${POSTGRES_INSTALL_HINT}`);
  checkExtensions(bin);
  const { run, owner } = toolRunner();
  removeOrphans(bin, run);
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  if (owner) chownSync(folder, owner.uid, owner.gid);
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    if (existsSync(join(data, 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(folder, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    // A Vietnamese ICU default collation where the server has one (PostgreSQL 15+), as a unit's server may well have:
    // it sorts unlike SQLite, so a query that pages or sorts without the schema's COLLATE "C" shows up in tests.
    const icu = run(join(bin, 'initdb'), ['--help']).output.includes('--locale-provider') ? ['--locale-provider=icu', '--icu-locale=vi'] : [];
    const init = run(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', ...icu, '--no-sync', '--no-instructions']);
    if (init.status !== 0) throw new Error(`initdb không tạo được cụm PostgreSQL tạm:\n${init.output.trim()}`);
    // Written after initdb (it wants an empty folder) and before the server starts, so an orphan is always recognised.
    writeFileSync(join(folder, OWNER_FILE), JSON.stringify({ pid: process.pid }));
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const settings = [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${folder}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
      ];
      writeFileSync(join(data, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
      if (owner) chownSync(join(data, 'postgresql.auto.conf'), owner.uid, owner.gid);
      const start = run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
      if (start.status === 0) {
        const url = (database: string) => `postgresql://${SUPERUSER}@${encodeURIComponent(folder)}:${port}/${encodeURIComponent(database)}`;
        const control = (args: string[]) => {
          const done = run(join(bin, 'pg_ctl'), ['-D', data, ...args]);
          if (done.status !== 0) throw new Error(`pg_ctl ${args.join(' ')}:\n${done.output.trim()}`);
        };
        return { folder, port, url, stop, shutDown: () => control(['-m', 'fast', '-w', 'stop']), startAgain: () => control(['-l', log, '-w', '-t', '60', 'start']) };
      }
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      // Another process may take the free port between our probe and the server's bind: try another one.
      if (attempt < 5 && /could not bind|Address already in use/i.test(serverLog)) continue;
      throw new Error(`PostgreSQL tạm không khởi động được (nhật ký: ${log}):\n${start.output.trim()}\n${serverLog.trim()}`);
    }
  } catch (error) {
    stop();
    throw error;
  }
}

/** Says what to install before a migration fails on a missing extension. */
function checkExtensions(bin: string): void {
  const shareDir = spawnSync(join(bin, 'pg_config'), ['--sharedir'], { encoding: 'utf8' }).stdout?.trim();
  if (!shareDir) return;
  const missing = NEEDED_EXTENSIONS.filter((name) => !existsSync(join(shareDir, 'extension', `${name}.control`)));
  if (missing.length > 0) throw new Error(`PostgreSQL thiếu phần mở rộng ${missing.join(', ')}: ${POSTGRES_INSTALL_HINT}`);
}

async function main(): Promise<void> {
  const { createMigratedDatabase } = await import('../db/pg/migrate');
  const cluster = await startThrowawayCluster();
  await createMigratedDatabase(cluster.url('postgres'), 'tthc');
  console.log(`PostgreSQL tạm đang chạy (Ctrl+C để dừng và xóa): ${cluster.url('tthc')}`);
  console.log(`export TTHC_DATABASE_URL='${cluster.url('tthc')}'`);
  const finish = () => {
    cluster.stop();
    process.exit(0);
  };
  process.once('SIGINT', finish);
  process.once('SIGTERM', finish);
  // Keeps the process (and so the cluster) alive until a signal.
  setInterval(() => undefined, 1 << 30);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
