import type { WorkflowEvent } from '../../shared/domain/dossier';
import { TRASH_ACTIONS } from '../../shared/domain/regulationTrash';
import type { Role, WorkflowAction } from '../../shared/domain/vocabulary';
import type { EventsRepository, LocalEvent } from '../port';
import { CHAIN_START, eventHash } from '../common/eventChain';
import type { PgSession } from './session';

type EventRow = { at: string; action: string; actor: string; role: string; note: string };

const LOCAL_ACTIONS = TRASH_ACTIONS.map((action) => `'${action}'`).join(', ');

const column = <T>(rows: readonly T[], value: (row: T) => unknown) => rows.map(value);

/**
 * Appends events, each linked to the previous event of its own draft (db/common/eventChain.ts), in the order given.
 * The heads of the drafts written are locked first (SELECT … FOR UPDATE, in draft order so that two writers never
 * wait for each other in a circle; a draft's head inserted when it has none yet), so two writers of one draft append
 * one after the other while writers of different drafts never wait for each other, and no chain forks. The heads then
 * move to the last event written of each draft.
 */
export async function appendChained(session: PgSession, batch: ReadonlyArray<{ draftId: string; event: WorkflowEvent | LocalEvent }>): Promise<void> {
  if (batch.length === 0) return;
  const draftIds = [...new Set(batch.map(({ draftId }) => draftId))].sort();
  await session.run(
    'INSERT INTO event_chain_heads (draft_id, last_seq, hash) SELECT draft_id, 0, $2 FROM unnest($1::text[]) AS input (draft_id) ON CONFLICT (draft_id) DO NOTHING',
    [draftIds, CHAIN_START],
  );
  const heads = await session.rows<{ draft_id: string; hash: string }>(
    'SELECT draft_id, hash FROM event_chain_heads WHERE draft_id = ANY ($1::text[]) ORDER BY draft_id FOR UPDATE',
    [draftIds],
  );
  const previous = new Map(heads.map((head) => [head.draft_id, head.hash]));
  const rows = batch.map(({ draftId, event }) => {
    const row = { draftId, ...event, atEpochMs: Date.parse(event.at) };
    const hash = eventHash(previous.get(draftId) ?? CHAIN_START, row);
    previous.set(draftId, hash);
    return { ...row, hash };
  });
  const inserted = await session.returning<{ seq: number; draft_id: string }>(
    `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash)
     SELECT draft_id, at, at_epoch_ms, action, actor, role, note, hash
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
       AS input (draft_id, at, at_epoch_ms, action, actor, role, note, hash, n)
     ORDER BY n
     RETURNING seq, draft_id`,
    [
      column(rows, (row) => row.draftId),
      column(rows, (row) => row.at),
      column(rows, (row) => row.atEpochMs),
      column(rows, (row) => row.action),
      column(rows, (row) => row.actor),
      column(rows, (row) => row.role),
      column(rows, (row) => row.note),
      column(rows, (row) => row.hash),
    ],
  );
  // Sequence numbers rise in insertion order: each draft's highest is its last event.
  const lastSeq = new Map<string, number>();
  for (const { seq, draft_id } of inserted) lastSeq.set(draft_id, Math.max(seq, lastSeq.get(draft_id) ?? 0));
  await session.run(
    `UPDATE event_chain_heads SET last_seq = input.last_seq, hash = input.hash
     FROM unnest($1::text[], $2::integer[], $3::text[]) AS input (draft_id, last_seq, hash) WHERE event_chain_heads.draft_id = input.draft_id`,
    [draftIds, draftIds.map((draftId) => lastSeq.get(draftId)), draftIds.map((draftId) => previous.get(draftId))],
  );
  session.appended(draftIds);
}

/**
 * The history of a draft, append-only (the triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained per draft as
 * on SQLite, each append holding its draft's chain head (appendChained).
 */
export function createPgEventsRepository(session: PgSession): EventsRepository {
  const write = (draftId: string, event: WorkflowEvent | LocalEvent) => appendChained(session, [{ draftId, event }]);
  return {
    append: write,
    appendLocal: write,
    async listByDraft(draftId) {
      const rows = await session.rows<EventRow>(
        `SELECT at, action, actor, role, note FROM events WHERE draft_id = $1 AND action NOT IN (${LOCAL_ACTIONS}) ORDER BY at_epoch_ms, seq`,
        [draftId],
      );
      return rows.map((row) => ({ at: row.at, action: row.action as WorkflowAction, actor: row.actor, role: row.role as Role, note: row.note }));
    },
    async latestSteps() {
      const rows = await session.rows<{ draft_id: string; at: string }>(
        `SELECT DISTINCT ON (draft_id) draft_id, at FROM events WHERE action NOT IN (${LOCAL_ACTIONS}) ORDER BY draft_id, at_epoch_ms DESC, seq DESC`,
      );
      return new Map(rows.map((row) => [row.draft_id, row.at]));
    },
  };
}
