// Issue 23, item 5 (defect 6): on a full disk the host answered every write «Lỗi nội bộ (mã lỗi …)», and the log the id
// pointed to was empty (it could not be written either). Each cause is made for real on a serving host, a child
// `tthc serve`: a file size limit (ulimit -f, lifted while it runs with prlimit), a database file the host's user may
// not write (the host runs as nobody; the file is then given to it), a second process holding the write lock. Each
// write is answered in Vietnamese, saying what to do; nothing stored changes; and once the cause is gone the same
// write succeeds on the same running host.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { holdWriteLock } from '../../test/unit/foreignWriter';
import { transportText } from '../../shared/i18n/transportMessages';
import { openBackend } from '../app';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/tthc.js');
const NOBODY = 65534;
const NEW_DRAFT = { docType: 'thong_tu', title: 'Thông tư về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false };

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
type Host = { child: ChildProcess; post: (method: string, body: unknown) => Promise<Answer> };

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

// Builds the CLI bundle now, as root and without limits, so that the hosts below only run it.
beforeAll(() => {
  const built = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 180_000);

async function freshDatabase(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-storage-'));
  chmodSync(dir, 0o777); // the read-only case runs the host as nobody: its WAL index and log are written here
  const path = join(dir, 'tthc.sqlite');
  await (await openBackend(path)).close(); // migrated, and today's copy taken, before the host opens it
  return path;
}

/**
 * A history key file another user may make and read: the host run as `uid` has no data folder of its own (nobody's
 * home is /nonexistent), and root's is not theirs.
 */
function historyKeyFileOf(uid: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'tthc-key-'));
  chownSync(folder, uid, uid);
  return join(folder, 'history.key');
}

async function serve(databasePath: string, how: { fileSizeKb?: number; uid?: number }): Promise<Host> {
  const command = [process.execPath, CLI, '--db', databasePath, 'serve', '--port', '0'];
  const child =
    how.fileSizeKb === undefined
      ? spawn(command[0]!, command.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...(how.uid ? { uid: how.uid, gid: how.uid, env: { ...process.env, TTHC_HISTORY_KEY_FILE: historyKeyFileOf(how.uid) } } : {}) })
      : spawn('sh', ['-c', `ulimit -S -f ${how.fileSizeKb} && exec "$0" "$@"`, ...command], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  const url = await new Promise<URL>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(new URL(match[1]!));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the host ended (${code}):\n${output}`)));
  });
  const token = url.hash.slice('#token='.length);
  const post = async (method: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tthc-token': token, origin: url.origin },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Answer;
  };
  return { child, post };
}

const draftTitles = async (host: Host): Promise<string[]> => {
  const answer = await host.post('listDrafts', {});
  expect(answer.ok).toBe(true);
  return (answer.value as { items: Array<{ title: string }> }).items.map((draft) => draft.title).sort();
};

describe('a write the storage cannot take (SQLite, a running host)', () => {
  it('a full disk: said in Vietnamese, nothing stored changes, and the same write succeeds once there is room', async () => {
    const path = await freshDatabase();
    // 1 MB per file: the host opens and checks the database (282 KB), then its write-ahead log, where every write goes
    // first, fills up after a few hundred drafts.
    const host = await serve(path, { fileSizeKb: 1024 });
    let refused: Answer | undefined;
    let before: string[] = [];
    for (let serial = 1; serial <= 2_000 && !refused; serial += 1) {
      const draft = { ...NEW_DRAFT, title: `${NEW_DRAFT.title} số ${serial} ${'…'.repeat(400)}` };
      const answer = await host.post('createDraft', draft);
      if (answer.ok) continue;
      refused = answer;
      before = await draftTitles(host);
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', message: transportText.diskFull } });
    expect(refused!.error!.message).toContain('Hãy giải phóng dung lượng ổ đĩa rồi lưu lại');
    expect(before.length).toBeGreaterThan(0);
    const refusedAgain = await host.post('createDraft', { ...NEW_DRAFT, title: 'Thông tư sau khi đầy' });
    expect(refusedAgain.error?.code).toBe('storage');
    expect(await draftTitles(host)).toEqual(before);
    // Not an internal error: nothing was sent to a log that could not be written either.
    expect(existsSync(`${path}.log`)).toBe(false);

    // The disk has room again (the limit lifted on the running host).
    const lifted = spawnSync('prlimit', ['--pid', String(host.child.pid), '--fsize=unlimited:'], { encoding: 'utf8' });
    expect(lifted.status, lifted.stderr).toBe(0);
    const retried = await host.post('createDraft', { ...NEW_DRAFT, title: 'Thông tư sau khi đầy' });
    expect(retried.error?.message).toBeUndefined();
    expect(await draftTitles(host)).toEqual([...before, 'Thông tư sau khi đầy'].sort());
  }, 120_000);

  it('a read-only database file: said in Vietnamese, nothing stored changes, and writes succeed once it is writable', async () => {
    const path = await freshDatabase();
    // Root writes any file whatever its mode: as root the host runs as nobody on root's file; otherwise the file's mode
    // takes write access away from its owner.
    const asRoot = process.getuid?.() === 0;
    chmodSync(path, asRoot ? 0o644 : 0o444);
    const host = await serve(path, asRoot ? { uid: NOBODY } : {});
    const before = await draftTitles(host);
    const refused = await host.post('createDraft', NEW_DRAFT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', message: transportText.readOnly } });
    expect(refused.error!.message).toContain('Hãy cấp lại quyền ghi rồi lưu lại');
    expect(await draftTitles(host)).toEqual(before);

    // Write access given back, the host still running.
    if (asRoot) chownSync(path, NOBODY, NOBODY);
    else chmodSync(path, 0o644);
    const retried = await host.post('createDraft', NEW_DRAFT);
    expect(retried.error?.message).toBeUndefined();
    expect(await draftTitles(host)).toEqual([...before, NEW_DRAFT.title].sort());
  }, 120_000);

  it('a write lock another process holds: the write waits, is said to be busy in Vietnamese past its wait, then succeeds', async () => {
    const path = await freshDatabase();
    const host = await serve(path, {});
    const writer = await holdWriteLock(path);
    try {
      // The host waits DEFAULT_BUSY_WAIT_MS (10 s) before it answers busy.
      const refused = await host.post('createDraft', NEW_DRAFT);
      expect(refused).toMatchObject({ ok: false, error: { code: 'busy', message: transportText.busy } });
    } finally {
      await writer.release();
    }
    expect((await host.post('createDraft', NEW_DRAFT)).ok).toBe(true);
    expect(await draftTitles(host)).toEqual([NEW_DRAFT.title]);
  }, 120_000);
});

describe('opening a database on a disk that is already full (SQLite, the command line)', () => {
  /** One command run under a file size limit in KB (ulimit -f): the disk as full as the limit makes it. */
  const runUnderLimit = (fileSizeKb: number, databasePath: string, args: string[]) =>
    spawnSync('sh', ['-c', `ulimit -S -f ${fileSizeKb} && exec "$0" "$@"`, process.execPath, CLI, '--db', databasePath, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  // 0 KB: the write-ahead log's shared-memory file cannot be given its first bytes (SQLITE_IOERR_SHMOPEN); 8 KB: it
  // cannot grow past its first page (SQLITE_IOERR_SHMSIZE). Both ended in «Lỗi nội bộ» with a stack in the log.
  for (const fileSizeKb of [0, 8]) {
    for (const args of [['search', 'hộ tịch'], ['verify'], ['serve', '--port', '0']]) {
      it(`tthc ${args[0]} with ${fileSizeKb} KB to write: said in Vietnamese, nothing written, and it opens once there is room`, async () => {
        const path = await freshDatabase();
        const host = await openBackend(path);
        await host.dispatch('createDraft', NEW_DRAFT);
        await host.close();
        for (const companion of ['-wal', '-shm']) rmSync(`${path}${companion}`, { force: true });
        const before = readFileSync(path);

        const refused = runUnderLimit(fileSizeKb, path, args);
        expect(refused.status).toBe(1);
        expect(refused.stderr.trim()).toBe(`Lỗi: ${transportText.openDiskFull}`);
        expect(refused.stdout).toBe('');
        expect(readFileSync(path).equals(before)).toBe(true);
        expect(existsSync(`${path}.log`)).toBe(false);

        if (args[0] === 'serve') return; // serving with room is the tests above
        const opened = runUnderLimit(10_240, path, args);
        expect(opened.stderr).toBe('');
        expect(opened.status).toBe(0);
      }, 120_000);
    }
  }
});

describe('a history key that cannot be made or read (the command line)', () => {
  /** `tthc search` run as nobody when root (root writes any folder), with the data folder at `dataFolder` and no key file named. */
  const searchWithDataFolder = (databasePath: string, dataFolder: string, env: NodeJS.ProcessEnv = {}) => {
    const asRoot = process.getuid?.() === 0;
    const { TTHC_HISTORY_KEY_FILE: _named, ...inherited } = process.env;
    return spawnSync(process.execPath, [CLI, '--db', databasePath, 'search', 'hộ tịch'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...inherited, XDG_CONFIG_HOME: dataFolder, ...env },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
  };

  /** A data folder nobody (or, not as root, its owner) may not write: the key cannot be made in it. */
  const unwritableDataFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'tthc-config-'));
    chmodSync(folder, 0o555);
    return folder;
  };

  it('an unwritable data folder: the key file and TTHC_HISTORY_KEY_FILE are named in Vietnamese, nothing is written, and a named key file opens it', async () => {
    const path = await freshDatabase();
    for (const companion of ['-wal', '-shm']) rmSync(`${path}${companion}`, { force: true });
    const before = readFileSync(path);
    const dataFolder = unwritableDataFolder();
    const keyFile = join(dataFolder, 'ban-tham-dinh-tthc', 'history.key');

    const refused = searchWithDataFolder(path, dataFolder);
    expect(refused.stderr.trim()).toBe(`Lỗi: ${transportText.historyKeyUnwritable.replace('{{file}}', keyFile)}`);
    expect(refused.stderr).toContain('TTHC_HISTORY_KEY_FILE');
    expect(refused.stderr).not.toContain('Lỗi nội bộ');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.log`)).toBe(false);

    // The way out the message gives: a key file where the user may write.
    const opened = searchWithDataFolder(path, dataFolder, { TTHC_HISTORY_KEY_FILE: historyKeyFileOf(process.getuid?.() === 0 ? NOBODY : (process.getuid?.() ?? 0)) });
    expect(opened.stderr).toBe('');
    expect(opened.status).toBe(0);
  }, 120_000);

  it('a key file that does not hold a key: said in Vietnamese, and the file is neither replaced nor the database written', async () => {
    const path = await freshDatabase();
    for (const companion of ['-wal', '-shm']) rmSync(`${path}${companion}`, { force: true });
    const before = readFileSync(path);
    const keyFile = historyKeyFileOf(process.getuid?.() === 0 ? NOBODY : (process.getuid?.() ?? 0));
    writeFileSync(keyFile, 'không phải khóa\n', { mode: 0o644 });
    chmodSync(keyFile, 0o644);

    const refused = searchWithDataFolder(path, unwritableDataFolder(), { TTHC_HISTORY_KEY_FILE: keyFile });
    expect(refused.stderr.trim()).toBe(`Lỗi: ${transportText.historyKeyMalformed.replace('{{file}}', keyFile)}`);
    expect(refused.status).toBe(1);
    expect(readFileSync(keyFile, 'utf8')).toBe('không phải khóa\n');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.log`)).toBe(false);
  }, 120_000);
});
