import type { ConflictKind, ConflictStatus, ImportConflict } from '../../shared/contract/exchangeApi';
import type { Role } from '../../shared/domain/vocabulary';
import type { ImportConflictsRepository } from '../port';
import type { PgSession } from './session';

type ConflictRow = {
  id: string;
  draft_id: string;
  kind: string;
  entity_id: string;
  path: string;
  message: string;
  incoming: unknown;
  current: unknown;
  sender_agency: string;
  sender_role: string;
  received_at: string;
  status: string;
  resolved_at: string | null;
};

const COLUMNS = 'id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at, status, resolved_at';

const toRecord = (row: ConflictRow): ImportConflict => ({
  id: row.id,
  draftId: row.draft_id,
  kind: row.kind as ConflictKind,
  entityId: row.entity_id,
  path: row.path,
  message: row.message,
  incoming: row.incoming,
  current: row.current,
  senderAgency: row.sender_agency,
  senderRole: row.sender_role as Role,
  receivedAt: row.received_at,
  status: row.status as ConflictStatus,
  resolvedAt: row.resolved_at,
});

/** JSON text for a jsonb parameter; null stays SQL NULL. */
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Incoming changes an import did not apply. Rows are only ever added and resolved, never deleted. */
export function createPgImportConflictsRepository(session: PgSession): ImportConflictsRepository & {
  insert(conflict: Omit<ImportConflict, 'status' | 'resolvedAt'>): Promise<void>;
  listByDrafts(draftIds: readonly string[]): Promise<ImportConflict[]>;
} {
  const select = (where: string, values: unknown[]) => session.rows<ConflictRow>(`SELECT ${COLUMNS} FROM import_conflicts ${where} ORDER BY seq`, values);
  return {
    async insert(conflict) {
      await session.run(
        `INSERT INTO import_conflicts (id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)`,
        [conflict.id, conflict.draftId, conflict.kind, conflict.entityId, conflict.path, conflict.message, JSON.stringify(conflict.incoming), json(conflict.current),
          conflict.senderAgency, conflict.senderRole, conflict.receivedAt],
      );
    },
    async resolve(id, status, resolvedAt, current) {
      const changed = await session.run(
        "UPDATE import_conflicts SET status = $2, resolved_at = $3, current = $4::jsonb WHERE id = $1 AND status = 'pending'",
        [id, status, resolvedAt, json(current)],
      );
      return changed === 1;
    },
    async findById(id) {
      const [row] = await select('WHERE id = $1', [id]);
      return row ? toRecord(row) : undefined;
    },
    async list({ draftId, status }) {
      const rows =
        draftId !== undefined
          ? status !== undefined
            ? await select('WHERE draft_id = $1 AND status = $2', [draftId, status])
            : await select('WHERE draft_id = $1', [draftId])
          : status !== undefined
            ? await select('WHERE status = $1', [status])
            : await select('', []);
      return rows.map(toRecord);
    },
    /** Every conflict of the drafts, in the order they were held. */
    async listByDrafts(draftIds) {
      return (await select('WHERE draft_id = ANY ($1::text[])', [draftIds])).map(toRecord);
    },
  };
}
