import type { ClientBase } from 'pg';
import { BrokenHistoryError, firstBrokenOfGlobalChain, linkPerDraft, type StoredEventRow } from '../../common/eventChain';

/**
 * SQLite's 0170-draft-chains: one hash chain per draft and event_chain_heads, the row an append locks with
 * SELECT … FOR UPDATE, so that concurrent writers on different drafts neither wait for each other nor fork a chain.
 * Events already stored (a database copied in) are verified on the old single chain, refused when broken, and re-linked within their drafts, the append-only trigger lifted for
 * that statement alone.
 */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE event_chain_heads (
      draft_id text COLLATE "C" PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
      last_seq integer NOT NULL,
      hash text COLLATE "C" NOT NULL
    );
  `);
  const { rows } = await client.query<StoredEventRow>(
    'SELECT seq, draft_id, at, at_epoch_ms::float8 AS at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq',
  );
  if (rows.length === 0) return;
  const broken = firstBrokenOfGlobalChain(rows);
  if (broken) throw new BrokenHistoryError(broken);
  const { links, heads } = linkPerDraft(rows);
  await client.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update');
  await client.query(
    'UPDATE events SET hash = linked.hash FROM unnest($1::int[], $2::text[]) AS linked (seq, hash) WHERE events.seq = linked.seq',
    [links.map((link) => link.seq), links.map((link) => link.hash)],
  );
  await client.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update');
  await client.query('INSERT INTO event_chain_heads (draft_id, last_seq, hash) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])', [
    heads.map((head) => head.draftId),
    heads.map((head) => head.lastSeq),
    heads.map((head) => head.hash),
  ]);
}
