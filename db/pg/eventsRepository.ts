import type { WorkflowEvent } from '../../shared/domain/dossier';
import { TRASH_ACTIONS } from '../../shared/domain/regulationTrash';
import type { Role, WorkflowAction } from '../../shared/domain/vocabulary';
import type { EventsRepository, LocalEvent } from '../port';
import { CHAIN_START, eventHash } from '../sqlite/eventChain';
import type { PgSession } from './session';

type EventRow = { at: string; action: string; actor: string; role: string; note: string };

/** The advisory lock every append holds until its transaction ends: "tthc" + 1 in ASCII order. */
export const CHAIN_LOCK = 0x74746864;

const LOCAL_ACTIONS = TRASH_ACTIONS.map((action) => `'${action}'`).join(', ');

/**
 * The history of a draft, append-only (the triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained as on SQLite:
 * each event links to the last one written. Concurrent writers would fork that chain, so an append first takes a
 * transaction-wide advisory lock, making appends one at a time (the chain per draft of issue 17 item 4 will lift it).
 */
export function createPgEventsRepository(session: PgSession): EventsRepository {
  async function write(draftId: string, event: WorkflowEvent | LocalEvent): Promise<void> {
    await session.rows('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const last = await session.row<{ hash: string }>('SELECT hash FROM events ORDER BY seq DESC LIMIT 1');
    const row = { draftId, ...event, atEpochMs: Date.parse(event.at) };
    await session.run(
      `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [draftId, event.at, row.atEpochMs, event.action, event.actor, event.role, event.note, eventHash(last?.hash ?? CHAIN_START, row)],
    );
  }
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
