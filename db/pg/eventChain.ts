// The history's hash chain on PostgreSQL: the same links as on SQLite (db/sqlite/eventChain.ts eventHash), walked in
// write order through a cursor, so that `tthc verify` holds a page of events at a time however long the history.
import Cursor from 'pg-cursor';
import type pg from 'pg';
import { CHAIN_START, eventHash, type ChainCheck } from '../sqlite/eventChain';

type EventRow = { seq: number; draft_id: string; at: string; at_epoch_ms: number; action: string; actor: string; role: string; note: string; hash: string };

const PAGE = 2_000;

/** Reports the first event whose stored hash does not follow from the ones before it. */
export async function checkPgEventChain(client: pg.ClientBase): Promise<ChainCheck> {
  const cursor = client.query(new Cursor<EventRow>('SELECT seq, draft_id, at, at_epoch_ms::float8 AS at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq'));
  let previous = CHAIN_START;
  let checkedEvents = 0;
  try {
    for (let rows = await cursor.read(PAGE); rows.length > 0; rows = await cursor.read(PAGE)) {
      for (const row of rows) {
        checkedEvents += 1;
        const expected = eventHash(previous, {
          draftId: row.draft_id,
          at: row.at,
          atEpochMs: row.at_epoch_ms,
          action: row.action,
          actor: row.actor,
          role: row.role,
          note: row.note,
        });
        if (row.hash !== expected) return { checkedEvents, firstBroken: { seq: row.seq, draftId: row.draft_id, at: row.at, action: row.action } };
        previous = row.hash;
      }
    }
    return { checkedEvents, firstBroken: null };
  } finally {
    await cursor.close();
  }
}
