import type { Database } from 'better-sqlite3';
import type { WorkflowEvent } from '../../shared/domain/dossier';
import { TRASH_ACTIONS } from '../../shared/domain/regulationTrash';
import type { Role, WorkflowAction } from '../../shared/domain/vocabulary';
import type { LocalEvent } from '../port';
import { CHAIN_START, eventHash } from '../common/eventChain';

type EventRow = { at: string; action: string; actor: string; role: string; note: string };

/**
 * The history of a draft, in time order: append-only (the database refuses UPDATE and DELETE), each row chained to the
 * draft's one before by its hash (db/sqlite/eventChain.ts). Workflow steps and this installation's own trash events share the chain.
 */
export function createEventsRepository(db: Database) {
  const append = db.prepare(
    `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash)
     VALUES (@draftId, @at, @atEpochMs, @action, @actor, @role, @note, @hash)`,
  );
  // Each draft's chain: the new link follows its draft's head, which then moves to it (SQLite's single writer holds
  // BEGIN IMMEDIATE around the whole use case, so no other append can come between the two).
  const headOf = db.prepare<[string], { hash: string }>('SELECT hash FROM event_chain_heads WHERE draft_id = ?');
  const moveHead = db.prepare(
    `INSERT INTO event_chain_heads (draft_id, last_seq, hash) VALUES (?, ?, ?)
     ON CONFLICT (draft_id) DO UPDATE SET last_seq = excluded.last_seq, hash = excluded.hash`,
  );
  const localActions = TRASH_ACTIONS.map((action) => `'${action}'`).join(', ');
  // Timestamps from other agencies carry other offsets, so order by the instant, not the text.
  const byDraft = db.prepare<[string], EventRow>(
    `SELECT at, action, actor, role, note FROM events WHERE draft_id = ? AND action NOT IN (${localActions}) ORDER BY at_epoch_ms, seq`,
  );

  const latest = db.prepare<[], { draft_id: string; at: string }>(
    `SELECT draft_id, at FROM (
       SELECT draft_id, at, row_number() OVER (PARTITION BY draft_id ORDER BY at_epoch_ms DESC, seq DESC) AS rank
       FROM events WHERE action NOT IN (${localActions}))
     WHERE rank = 1`,
  );

  function write(draftId: string, event: WorkflowEvent | LocalEvent): void {
    const row = { draftId, ...event, atEpochMs: Date.parse(event.at) };
    const hash = eventHash(headOf.get(draftId)?.hash ?? CHAIN_START, row);
    const { lastInsertRowid } = append.run({ ...row, hash });
    moveHead.run(draftId, lastInsertRowid, hash);
  }

  return {
    /** Callers hold a write transaction, so no other writer can slip an event between the draft's head and this one. */
    append(draftId: string, event: WorkflowEvent): void {
      write(draftId, event);
    },
    appendLocal(draftId: string, event: LocalEvent): void {
      write(draftId, event);
    },
    /** The workflow history exchanged in dossiers and shown as the draft's steps. */
    listByDraft(draftId: string): WorkflowEvent[] {
      return byDraft.all(draftId).map((row) => ({
        at: row.at,
        action: row.action as WorkflowAction,
        actor: row.actor,
        role: row.role as Role,
        note: row.note,
      }));
    },
    latestSteps(): Map<string, string> {
      return new Map(latest.all().map((row) => [row.draft_id, row.at]));
    },
  };
}
export type EventsRepository = ReturnType<typeof createEventsRepository>;
