// The e2e run's history key, and the checkpoints every host writes beside it (db/common/historyCheckpoint.ts), in a
// temporary folder removed when the run ends, not in the user's data folder. Hosts inherit it from the workers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function temporaryHistoryKey(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'tthc-e2e-key-'));
  process.env.TTHC_HISTORY_KEY_FILE = join(folder, 'history.key');
  return () => rmSync(folder, { recursive: true, force: true });
}
