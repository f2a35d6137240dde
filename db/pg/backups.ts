// Copies of a PostgreSQL database: pg_dump's custom format, written under a temporary name, read back whole by
// pg_restore --list and only then renamed, so a file named as a copy is always whole; a restore checks the copy and
// its schema version first, then replaces the database in one transaction. Without pg_dump/pg_restore on the machine
// it says so in Vietnamese, naming what to install.
import { execFile } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { listShelf, pruneShelf, shelfPath, type BackupShelf } from '../common/backupShelf';
import { BackupError, type StoreBackups } from '../port';
import { PG_LATEST_SCHEMA_VERSION } from './migrations/index';
import { findPostgresTools } from './tools';

const run = promisify(execFile);
const MAX_OUTPUT = 64 * 1024 * 1024;

/** A copy could not be taken or restored; the message says why, in Vietnamese. */
export class PgBackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgBackupError';
  }
}

function tools(): { dump: string; restore: string } {
  const folder = findPostgresTools(['pg_dump', 'pg_restore']);
  if (!folder) {
    throw new PgBackupError(
      'Máy này không có pg_dump và pg_restore của PostgreSQL nên không sao lưu hay khôi phục được cơ sở dữ liệu PostgreSQL. ' +
        'Hãy cài gói postgresql-client (apt-get install postgresql-client) hoặc đặt biến TTHC_PG_BIN chỉ tới thư mục chứa chúng.',
    );
  }
  return { dump: join(folder, 'pg_dump'), restore: join(folder, 'pg_restore') };
}

const failure = (error: unknown): string => ((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n').slice(0, 3).join(' ');

/** The schema version the copy was taken at, read from its schema_migrations data without restoring anything. */
async function copyVersion(restore: string, source: string): Promise<number> {
  let listing: string;
  try {
    ({ stdout: listing } = await run(restore, ['--list', source], { maxBuffer: MAX_OUTPUT }));
  } catch (error) {
    throw new PgBackupError(`Tệp ${source} không phải là một bản sao lưu PostgreSQL đọc được (${failure(error)}).`);
  }
  if (!/TABLE DATA \S+ schema_migrations /.test(listing)) throw new PgBackupError(`Tệp ${source} không phải là bản sao lưu của ứng dụng này (không có bảng schema_migrations).`);
  const { stdout } = await run(restore, ['--data-only', '--table=schema_migrations', '--file=-', source], { maxBuffer: MAX_OUTPUT });
  const rows = stdout.split('COPY ')[1]?.split('\n\\.')[0]?.split('\n').slice(1) ?? [];
  return Math.max(0, ...rows.map((row) => Number(row.split('\t')[0])).filter(Number.isFinite));
}

/** Writes a checked copy of the database at `url` to `target` (custom format). */
export async function dumpPgDatabase(url: string, target: string): Promise<void> {
  const { dump, restore } = tools();
  // The process id in the name lets a later rotation remove what a killed process left behind (backupShelf).
  const partial = `${target}.${process.pid}.partial`;
  mkdirSync(dirname(target), { recursive: true });
  try {
    await run(dump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`], { maxBuffer: MAX_OUTPUT });
    await copyVersion(restore, partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof PgBackupError) throw error;
    throw new PgBackupError(`Không sao lưu được cơ sở dữ liệu PostgreSQL (${failure(error)}).`);
  }
}

/**
 * Replaces the database at `url` with the copy at `source`, in one transaction (a failure leaves it as it was).
 * A copy from a newer app, or a file that is not such a copy, is refused before anything changes. Returns the copy's
 * schema version; the caller migrates it when older.
 */
export async function restorePgDatabase(url: string, source: string): Promise<number> {
  const { restore } = tools();
  const version = await copyVersion(restore, source);
  if (version > PG_LATEST_SCHEMA_VERSION) {
    throw new PgBackupError(`Bản sao lưu có phiên bản ${version}, mới hơn phiên bản ${PG_LATEST_SCHEMA_VERSION} mà ứng dụng này hiểu. Hãy cập nhật ứng dụng.`);
  }
  try {
    await run(restore, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, source], {
      maxBuffer: MAX_OUTPUT,
    });
  } catch (error) {
    throw new PgBackupError(`Không khôi phục được bản sao lưu ${source}; cơ sở dữ liệu được giữ nguyên (${failure(error)}).`);
  }
  return version;
}

/** PostgreSQL's copy failures as the port's BackupError, which every transport already explains. */
export async function asBackupError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof PgBackupError ? new BackupError(error.message) : error;
  }
}

/**
 * The copies the app keeps of a PostgreSQL database, in `folder` on the machine that serves it: taken on request and
 * written to a chosen file like SQLite's. Two things differ on purpose, because the database is the whole unit's:
 * - no copy of the day at every start: every officer's app would dump the unit's database into their own folder each
 *   morning; the unit's server is backed up by its administrator (README, team mode: pg_dump from cron);
 * - no restore from a screen: replacing the unit's database under every officer's open work is the administrator's
 *   act, with the servers stopped (`tthc restore --database …`), never one officer's click.
 */
export function pgStoreBackups(url: string, folder: string): StoreBackups {
  const shelf: BackupShelf = { folder, suffix: '.dump' };
  return {
    folder,
    list: async () => listShelf(shelf),
    async take(kind, at) {
      const target = shelfPath(shelf, kind, at);
      await asBackupError(() => dumpPgDatabase(url, target));
      pruneShelf(shelf, kind);
      const listed = listShelf(shelf).find((backup) => backup.path === target);
      if (!listed) throw new Error(`the backup just written is not listed: ${target}`);
      return listed;
    },
    takeDaily: async () => false,
    writeTo: (target) => asBackupError(() => dumpPgDatabase(url, target)),
    restore: async () => {
      throw new BackupError(
        'Cơ sở dữ liệu PostgreSQL dùng chung của cả đơn vị không khôi phục từ màn hình này, để không thay dữ liệu khi đồng nghiệp đang làm việc. ' +
          'Quản trị viên dừng máy chủ rồi chạy: tthc restore --database <địa chỉ cơ sở dữ liệu> <tệp sao lưu>.',
      );
    },
  };
}

