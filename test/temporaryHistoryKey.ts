// Every test file's setup: this installation's history key, with the checkpoints written beside it
// (db/common/historyCheckpoint.ts), in a folder of the test file's own that is removed after it. Without it every
// backend a test opened, and every CLI it started, wrote a checkpoint file into the user's data folder
// (~/.config/ban-tham-dinh-tthc/history-checkpoints), one per temporary database, never removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'tthc-test-key-'));
process.env.TTHC_HISTORY_KEY_FILE = join(folder, 'history.key');

afterAll(() => rmSync(folder, { recursive: true, force: true }));
