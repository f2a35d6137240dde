// The history's hash chains on PostgreSQL: the same per-draft links as on SQLite (db/common/eventChain.ts), the events
// walked in write order through a cursor, so that `tthc verify` holds a page of events at a time however long the
// history; then each draft's head, and the triggers that keep the history append-only.
import Cursor from 'pg-cursor';
import type pg from 'pg';
import { createChainWalk, type ChainCheck, type StoredEventRow } from '../common/eventChain';

const PAGE = 2_000;

/** Every draft's chain and head: the first broken event by write order, a draft's newest events removed included. */
export async function checkPgEventChain(client: pg.ClientBase): Promise<ChainCheck> {
  const walk = createChainWalk();
  const cursor = client.query(
    new Cursor<StoredEventRow>('SELECT seq, draft_id, at, at_epoch_ms::float8 AS at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq'),
  );
  try {
    for (let rows = await cursor.read(PAGE); rows.length > 0; rows = await cursor.read(PAGE)) for (const row of rows) walk.event(row);
  } finally {
    await cursor.close();
  }
  const { rows: heads } = await client.query<{ draft_id: string; last_seq: number; hash: string }>('SELECT draft_id, last_seq, hash FROM event_chain_heads');
  return walk.finish(heads.map((head) => ({ draftId: head.draft_id, lastSeq: head.last_seq, hash: head.hash })));
}

/**
 * The triggers that keep the history append-only and opinions once written (migration 0130): one dropped or disabled
 * lets events be changed, or an issued opinion edited, without the database refusing it.
 */
const HISTORY_GUARDS: ReadonlyArray<[string, string]> = [
  ['events_refuse_update', 'lịch sử xử lý không còn được cơ sở dữ liệu giữ chỉ-ghi-thêm'],
  ['events_refuse_delete', 'lịch sử xử lý không còn được cơ sở dữ liệu giữ chỉ-ghi-thêm'],
  ['events_refuse_truncate', 'lịch sử xử lý không còn được cơ sở dữ liệu giữ chỉ-ghi-thêm'],
  ['opinions_refuse_delete', 'ý kiến đã ghi không còn được cơ sở dữ liệu giữ lại'],
  ['opinions_refuse_truncate', 'ý kiến đã ghi không còn được cơ sở dữ liệu giữ lại'],
  ['issued_opinions_refuse_update', 'ý kiến đã ban hành không còn được cơ sở dữ liệu giữ nguyên'],
];

/** A Vietnamese line for each history guard missing or disabled. */
export async function missingPgHistoryGuards(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ tgname: string; tgenabled: string }>(
    "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid IN ('events'::regclass, 'opinions'::regclass) AND NOT tgisinternal",
  );
  const enabled = new Set(rows.filter((row) => row.tgenabled !== 'D').map((row) => row.tgname));
  return HISTORY_GUARDS.filter(([name]) => !enabled.has(name)).map(([name, lost]) => `Thiếu trigger ${name} (hoặc đã bị tắt): ${lost}.`);
}
