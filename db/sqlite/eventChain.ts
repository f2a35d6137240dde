// The history as a hash chain: each event stores the SHA-256 of its own content and of the event before it, in the
// order they were written, so an event edited, removed or reordered outside the app breaks the chain from there on.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';

export type ChainedEvent = { draftId: string; at: string; atEpochMs: number; action: string; actor: string; role: string; note: string };

/** The link of the first event. */
export const CHAIN_START = '';

export function eventHash(previous: string, event: ChainedEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([previous, event.draftId, event.at, event.atEpochMs, event.action, event.actor, event.role, event.note]))
    .digest('hex');
}

type StoredEventRow = { seq: number; draft_id: string; at: string; at_epoch_ms: number; action: string; actor: string; role: string; note: string; hash: string };

const toChained = (row: StoredEventRow): ChainedEvent => ({
  draftId: row.draft_id,
  at: row.at,
  atEpochMs: row.at_epoch_ms,
  action: row.action,
  actor: row.actor,
  role: row.role,
  note: row.note,
});

export type ChainCheck = { checkedEvents: number; firstBroken: { seq: number; draftId: string; at: string; action: string } | null };

/** Walks every event in write order and reports the first whose stored hash does not follow from the ones before. */
export function checkEventChain(db: Database): ChainCheck {
  let previous = CHAIN_START;
  let checkedEvents = 0;
  for (const row of db.prepare<[], StoredEventRow>('SELECT seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq').iterate()) {
    checkedEvents += 1;
    const expected = eventHash(previous, toChained(row));
    if (row.hash !== expected) {
      return { checkedEvents, firstBroken: { seq: row.seq, draftId: row.draft_id, at: row.at, action: row.action } };
    }
    previous = row.hash;
  }
  return { checkedEvents, firstBroken: null };
}

/** Fills the chain over events written before it existed, in write order (migration 0060). */
export function backfillEventChain(db: Database): void {
  const fill = db.prepare('UPDATE events SET hash = ? WHERE seq = ?');
  let previous = CHAIN_START;
  const rows = db.prepare<[], StoredEventRow>('SELECT seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq').all();
  for (const row of rows) {
    previous = eventHash(previous, toChained(row));
    fill.run(previous, row.seq);
  }
}
