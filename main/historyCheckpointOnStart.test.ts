// Issue 23, item 3: the history's checkpoint is written on each day's first start, beside this installation's key —
// in a test, the test file's own temporary folder (test/temporaryHistoryKey.ts), never the user's data folder.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyCheckpointFile } from '../db/common/historyCheckpoint';
import { openBackend } from './app';
import { historyKeyFile } from './dataPaths';

afterEach(() => vi.useRealTimers());

/** Starts the app on `path` at `at` and closes it again, as an officer opening it once. */
async function startAt(path: string, at: Date): Promise<void> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  const backend = await openBackend(path, { logError: (error) => { throw error; } });
  await backend.close();
  vi.useRealTimers();
}

describe('the checkpoint a start writes', () => {
  it('goes beside the test’s own key, not into the user’s data folder', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tthc-start-')), 'tthc.sqlite');
    await startAt(path, new Date(2026, 11, 7, 8));
    const file = historyCheckpointFile(historyKeyFile(), path);
    expect(existsSync(file)).toBe(true);
    expect(dirname(dirname(file))).toBe(dirname(process.env.TTHC_HISTORY_KEY_FILE!));
    expect(file.startsWith(join(homedir(), '.config'))).toBe(false);
  });

  it('is written on the day’s first start only, and moved on the next day’s', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tthc-start-')), 'tthc.sqlite');
    const writtenAt = () => JSON.parse(readFileSync(historyCheckpointFile(historyKeyFile(), path), 'utf8')).at;
    await startAt(path, new Date(2026, 11, 7, 8));
    expect(writtenAt()).toBe(new Date(2026, 11, 7, 8).toISOString());
    await startAt(path, new Date(2026, 11, 7, 13));
    await startAt(path, new Date(2026, 11, 7, 17, 30));
    expect(writtenAt()).toBe(new Date(2026, 11, 7, 8).toISOString());
    await startAt(path, new Date(2026, 11, 8, 7, 45));
    expect(writtenAt()).toBe(new Date(2026, 11, 8, 7, 45).toISOString());
  });
});
