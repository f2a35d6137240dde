// The history's seal on PostgreSQL (the checkpoints themselves: db/common/historySeal.ts): written before each write
// transaction commits for the drafts it appended to (their heads are already locked FOR UPDATE by the append, so
// writers of other drafts never wait for it), made for every draft the first time a database meets a key, and
// checked by `verify`.
import type pg from 'pg';
import {
  checkpointSeal,
  DRAFT_SEALS_QUERY,
  EVENT_COUNTS_QUERY,
  historyKeyId,
  historySealProblems,
  opinionsByDraft,
  stateDigest,
  type Checkpoint,
  type DraftSealRow,
  type OpinionOfDraft,
} from '../common/historySeal';
import { checkPgEventChain } from './eventChain';

/** jsonb as text, so that the digest reads the same value whoever wrote it. */
const OPINIONS_OF_DRAFTS = `SELECT r.draft_id, o.id, o.stage, o.verdict, o.issued_at, o.issued_by, o.components::text AS components, o.text, o.body::text AS body, o.version
  FROM opinions o JOIN regulations r ON r.id = o.regulation_id`;

/** Seals the drafts given, in one statement per kind of row however many they are. */
export async function sealPgDrafts(client: pg.ClientBase, key: Buffer, draftIds: readonly string[]): Promise<void> {
  if (draftIds.length === 0) return;
  const { rows: heads } = await client.query<{ draft_id: string; last_seq: number; hash: string; status: string; events: number }>(
    `SELECT h.draft_id, h.last_seq, h.hash, d.status, (SELECT count(*) FROM events e WHERE e.draft_id = h.draft_id) AS events
     FROM event_chain_heads h JOIN drafts d ON d.id = h.draft_id WHERE h.draft_id = ANY ($1::text[])`,
    [draftIds],
  );
  if (heads.length === 0) return;
  const opinions = opinionsByDraft((await client.query<OpinionOfDraft>(`${OPINIONS_OF_DRAFTS} WHERE r.draft_id = ANY ($1::text[])`, [draftIds])).rows);
  const checkpoints = heads.map(
    (head): Checkpoint => ({ draftId: head.draft_id, lastSeq: head.last_seq, hash: head.hash, eventCount: head.events, stateDigest: stateDigest(head.status, opinions.get(head.draft_id) ?? []) }),
  );
  await client.query(
    `UPDATE event_chain_heads SET event_count = input.event_count, state_digest = input.state_digest, seal = input.seal
     FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[]) AS input (draft_id, event_count, state_digest, seal)
     WHERE event_chain_heads.draft_id = input.draft_id`,
    [
      checkpoints.map((checkpoint) => checkpoint.draftId),
      checkpoints.map((checkpoint) => checkpoint.eventCount),
      checkpoints.map((checkpoint) => checkpoint.stateDigest),
      checkpoints.map((checkpoint) => checkpointSeal(key, checkpoint)),
    ],
  );
}

/** The first time a database meets a key: every draft sealed, and the sealing recorded (one server does it; the others wait for it). */
export async function sealPgOnFirstOpen(client: pg.ClientBase, key: Buffer, at: Date): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tthc history seal'))");
    const { rows: sealed } = await client.query<{ key_id: string }>('SELECT key_id FROM history_seal');
    // A chain already broken is not sealed: that would vouch for the edit; verify keeps naming it.
    // Only the row migration 0270 left asks for it (see there).
    if (sealed.some((row) => row.key_id === '') && (await checkPgEventChain(client)).firstBroken === null) {
      const { rows: heads } = await client.query<{ draft_id: string }>('SELECT draft_id FROM event_chain_heads');
      await sealPgDrafts(client, key, heads.map((head) => head.draft_id));
      const { rows: events } = await client.query<{ events: number }>('SELECT count(*) AS events FROM events');
      await client.query("UPDATE history_seal SET key_id = $1, sealed_at = $2, drafts = $3, events = $4 WHERE key_id = ''", [historyKeyId(key), at.toISOString(), heads.length, events[0]!.events]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** What verify says of the seals. */
export async function pgSealProblems(client: pg.ClientBase, key: Buffer): Promise<string[]> {
  const { rows: sealed } = await client.query<{ key_id: string }>('SELECT key_id FROM history_seal');
  const { rows: counts } = await client.query<{ draft_id: string; events: number }>(EVENT_COUNTS_QUERY);
  const opinions = opinionsByDraft((await client.query<OpinionOfDraft>(OPINIONS_OF_DRAFTS)).rows);
  const { rows: drafts } = await client.query<DraftSealRow>(DRAFT_SEALS_QUERY);
  return historySealProblems(key, sealed[0]?.key_id, drafts, new Map(counts.map((row) => [row.draft_id, row.events])), opinions);
}
