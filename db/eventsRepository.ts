import type { Database } from 'better-sqlite3';
import type { WorkflowEvent } from '../shared/domain/dossier';
import type { Role, WorkflowAction } from '../shared/domain/vocabulary';

type EventRow = { at: string; action: string; actor: string; role: string; note: string };

/** The history of a draft, in time order: append-only, there is no update or delete. */
export function createEventsRepository(db: Database) {
  const append = db.prepare(
    `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note)
     VALUES (@draftId, @at, @atEpochMs, @action, @actor, @role, @note)`,
  );
  // Timestamps from other agencies carry other offsets, so order by the instant, not the text.
  const byDraft = db.prepare<[string], EventRow>(
    'SELECT at, action, actor, role, note FROM events WHERE draft_id = ? ORDER BY at_epoch_ms, seq',
  );

  return {
    append(draftId: string, event: WorkflowEvent): void {
      append.run({ draftId, ...event, atEpochMs: Date.parse(event.at) });
    },
    listByDraft(draftId: string): WorkflowEvent[] {
      return byDraft.all(draftId).map((row) => ({
        at: row.at,
        action: row.action as WorkflowAction,
        actor: row.actor,
        role: row.role as Role,
        note: row.note,
      }));
    },
  };
}
export type EventsRepository = ReturnType<typeof createEventsRepository>;
