// The history's checkpoint outside the database (issue 23, item 3): what the per-draft seals (historySeal.ts) cannot
// see, because each seal vouches only for the draft it sits on. A draft removed whole — its events, its chain head
// and its seal with it — leaves no seal to fail; a database file put back from an older copy (or an older dump
// restored behind the app's back) carries old seals that all still match. So the set of drafts with a history, each
// one's chain head and event count, is written under this installation's key to a file beside the key, on each
// start that may write, with each backup and after each restore; verify then requires every draft of the checkpoint
// to be there with a history that still passes through the head it had. A checkpoint is only ever moved forward: a
// database that no longer extends it keeps it, so verify keeps naming the gap (only a restore made through the app
// replaces it). Engine-free: each adapter reads the heads and the events the checkpoint names its own way.
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckpointMode, StoreBackups } from '../port';
import { backupDay } from './backupShelf';
import { historyKeyId } from './historySeal';

/** A draft's chain as it stands: its head, and how many events the chain holds. */
export type ChainHead = { draftId: string; lastSeq: number; hash: string; eventCount: number };
/** An event the checkpoint names, as stored now. */
export type StoredChainEvent = { seq: number; draftId: string; hash: string };

/** How an adapter reads what the checkpoint is compared with. */
export type ChainReader = {
  heads(): ChainHead[] | Promise<ChainHead[]>;
  eventsAt(seqs: readonly number[]): StoredChainEvent[] | Promise<StoredChainEvent[]>;
};

type CheckpointFile = { version: 1; keyId: string; at: string; heads: Array<[draftId: string, lastSeq: number, hash: string, eventCount: number]>; seal: string };

/** Where the checkpoint of the database at `location` (a file path or a PostgreSQL URL without its password) is kept: beside the key. */
export function historyCheckpointFile(keyFile: string, location: string): string {
  const identity = /^postgres(ql)?:\/\//i.test(location) ? location : resolve(location);
  return join(dirname(keyFile), 'history-checkpoints', `${createHash('sha256').update(identity).digest('hex').slice(0, 24)}.json`);
}

const sealOf = (key: Buffer, body: Omit<CheckpointFile, 'seal'>): string =>
  createHmac('sha256', key).update(JSON.stringify(['tthc history checkpoint file v1', body.keyId, body.at, body.heads])).digest('hex');

/** The checkpoint in `file`: undefined when there is none yet, a problem when it is not one this key sealed. */
function readCheckpoint(file: string, key: Buffer): { at: string; heads: ChainHead[] } | { problem: string } | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as CheckpointFile;
    if (stored.version === 1 && stored.keyId === historyKeyId(key) && stored.seal === sealOf(key, { version: 1, keyId: stored.keyId, at: stored.at, heads: stored.heads })) {
      return { at: stored.at, heads: stored.heads.map(([draftId, lastSeq, hash, eventCount]) => ({ draftId, lastSeq, hash, eventCount })) };
    }
  } catch {
    // unreadable or not JSON: said below like a forged one
  }
  return { problem: `Điểm kiểm tra lịch sử ở tệp ${file} bị hỏng, bị sửa, hoặc được niêm phong bằng khóa khác: không đối chiếu được cơ sở dữ liệu với nó. Hãy kiểm tra tệp khóa (TTHC_HISTORY_KEY_FILE) và tệp này.` };
}

/** Vietnamese lines, one per draft of the checkpoint the database no longer carries forward. */
function gaps(checkpoint: { at: string; heads: readonly ChainHead[] }, heads: readonly ChainHead[], events: readonly StoredChainEvent[]): string[] {
  const now = new Map(heads.map((head) => [head.draftId, head]));
  const bySeq = new Map(events.map((event) => [Number(event.seq), event]));
  const when = checkpoint.at.slice(0, 10);
  const problems: string[] = [];
  for (const then of checkpoint.heads) {
    const current = now.get(then.draftId);
    const passed = bySeq.get(then.lastSeq);
    if (!current) {
      problems.push(
        `Dự thảo ${then.draftId}: điểm kiểm tra ngày ${when} ghi ${then.eventCount} sự kiện, nay không còn lịch sử xử lý nào — dự thảo đã bị xóa ngoài ứng dụng, hoặc cơ sở dữ liệu đã bị thay bằng một bản cũ hơn.`,
      );
    } else if (Number(current.eventCount) < then.eventCount || passed?.draftId !== then.draftId || passed.hash !== then.hash) {
      problems.push(
        `Dự thảo ${then.draftId}: điểm kiểm tra ngày ${when} ghi ${then.eventCount} sự kiện, nay còn ${Number(current.eventCount)} và lịch sử không còn đi qua bước #${then.lastSeq} — cơ sở dữ liệu đã bị thay bằng một bản cũ hơn, hoặc lịch sử đã bị xóa bớt ngoài ứng dụng.`,
      );
    }
  }
  return problems;
}

/** What verify says of the database against the checkpoint in `file` (nothing when there is none yet). */
export async function historyCheckpointProblems(file: string, key: Buffer, reader: ChainReader): Promise<string[]> {
  const checkpoint = readCheckpoint(file, key);
  if (!checkpoint) return [];
  if ('problem' in checkpoint) return [checkpoint.problem];
  return gaps(checkpoint, await reader.heads(), await reader.eventsAt(checkpoint.heads.map((head) => head.lastSeq)));
}

/** The local day a checkpoint was written on, when `file` holds one this key sealed. */
function checkpointDay(file: string, key: Buffer): string | undefined {
  const checkpoint = readCheckpoint(file, key);
  return checkpoint && !('problem' in checkpoint) ? backupDay(new Date(checkpoint.at)) : undefined;
}

/**
 * Writes the database's chain heads as the checkpoint in `file` (whole, under a temporary name, then renamed); false
 * when `mode` leaves it as it is (see CheckpointMode).
 */
export async function writeHistoryCheckpoint(file: string, key: Buffer, reader: ChainReader, at: Date, mode: CheckpointMode): Promise<boolean> {
  if (mode === 'daily' && checkpointDay(file, key) === backupDay(at)) return false;
  if (mode !== 'replace' && (await historyCheckpointProblems(file, key, reader)).length > 0) return false;
  const heads = [...(await reader.heads())].sort((a, b) => (a.draftId < b.draftId ? -1 : a.draftId > b.draftId ? 1 : 0));
  const body = { version: 1 as const, keyId: historyKeyId(key), at: at.toISOString(), heads: heads.map((h): CheckpointFile['heads'][number] => [h.draftId, Number(h.lastSeq), h.hash, Number(h.eventCount)]) };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, JSON.stringify({ ...body, seal: sealOf(key, body) }), { mode: 0o600 });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return true;
}

/** The heads as both engines read them: each chain's head with the events actually stored for its draft. */
export const CHAIN_HEADS_QUERY =
  'SELECT h.draft_id AS "draftId", h.last_seq AS "lastSeq", h.hash, (SELECT count(*) FROM events e WHERE e.draft_id = h.draft_id) AS "eventCount" FROM event_chain_heads h';

/**
 * `backups` whose copies also move the checkpoint forward (a copy vouches for the history it holds), and whose restore
 * replaces it with the history brought back: the one rollback made on purpose, through the app.
 */
export function checkpointedBackups(backups: StoreBackups, checkpoint: (at: Date, mode: CheckpointMode) => Promise<boolean>): StoreBackups {
  return {
    ...backups,
    async take(kind, at) {
      const taken = await backups.take(kind, at);
      await checkpoint(at, 'extend');
      return taken;
    },
    async takeDaily(at) {
      const taken = await backups.takeDaily(at);
      if (taken) await checkpoint(at, 'extend');
      return taken;
    },
    async writeTo(target) {
      await backups.writeTo(target);
      await checkpoint(new Date(), 'extend');
    },
    async restore(source, at) {
      const restored = await backups.restore(source, at);
      await checkpoint(at, 'replace');
      return restored;
    },
  };
}
