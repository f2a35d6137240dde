// The history's hash chains read and written on SQLite (the links themselves: db/common/eventChain.ts).
import type { Database } from 'better-sqlite3';
import { CHAIN_START, createChainWalk, eventHash, toChained, type ChainCheck, type StoredEventRow } from '../common/eventChain';

const EVENT_COLUMNS = 'seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash';

/** Every draft's chain and head, in write order. */
export function checkEventChain(db: Database): ChainCheck {
  const walk = createChainWalk();
  for (const row of db.prepare<[], StoredEventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY seq`).iterate()) walk.event(row);
  const heads = db.prepare<[], { draft_id: string; last_seq: number; hash: string }>('SELECT draft_id, last_seq, hash FROM event_chain_heads').all();
  return walk.finish(heads.map((head) => ({ draftId: head.draft_id, lastSeq: head.last_seq, hash: head.hash })));
}

/** Fills the chain over events written before it existed, in write order (migration 0060: then one chain for all drafts). */
export function backfillEventChain(db: Database): void {
  const fill = db.prepare('UPDATE events SET hash = ? WHERE seq = ?');
  let previous = CHAIN_START;
  const rows = db.prepare<[], StoredEventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY seq`).all();
  for (const row of rows) {
    previous = eventHash(previous, toChained(row));
    fill.run(previous, row.seq);
  }
}
