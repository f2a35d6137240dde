import type { Database } from 'better-sqlite3';
import type { ConflictKind, ConflictStatus, ImportConflict } from '../../shared/contract/exchangeApi';
import type { Role } from '../../shared/domain/vocabulary';

type ConflictRow = {
  id: string;
  draft_id: string;
  kind: string;
  entity_id: string;
  path: string;
  message: string;
  incoming: string;
  current: string | null;
  sender_agency: string;
  sender_role: string;
  received_at: string;
  status: string;
  resolved_at: string | null;
};

const COLUMNS =
  'id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at, status, resolved_at';

function toRecord(row: ConflictRow): ImportConflict {
  return {
    id: row.id,
    draftId: row.draft_id,
    kind: row.kind as ConflictKind,
    entityId: row.entity_id,
    path: row.path,
    message: row.message,
    incoming: JSON.parse(row.incoming) as unknown,
    current: row.current === null ? null : (JSON.parse(row.current) as unknown),
    senderAgency: row.sender_agency,
    senderRole: row.sender_role as Role,
    receivedAt: row.received_at,
    status: row.status as ConflictStatus,
    resolvedAt: row.resolved_at,
  };
}

/** Incoming changes an import did not apply. Rows are only ever added and resolved, never deleted. */
export function createImportConflictsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO import_conflicts (id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at)
     VALUES (@id, @draftId, @kind, @entityId, @path, @message, @incoming, @current, @senderAgency, @senderRole, @receivedAt)`,
  );
  const resolve = db.prepare(
    "UPDATE import_conflicts SET status = @status, resolved_at = @resolvedAt, current = @current WHERE id = @id AND status = 'pending'",
  );
  const byId = db.prepare<[string], ConflictRow>(`SELECT ${COLUMNS} FROM import_conflicts WHERE id = ?`);
  const byEntity = db.prepare<[string, string], ConflictRow>(
    `SELECT ${COLUMNS} FROM import_conflicts WHERE kind = ? AND entity_id = ? ORDER BY seq`,
  );
  const byDraft = db.prepare<[string], ConflictRow>(`SELECT ${COLUMNS} FROM import_conflicts WHERE draft_id = ? ORDER BY seq`);
  const byDraftStatus = db.prepare<[string, string], ConflictRow>(
    `SELECT ${COLUMNS} FROM import_conflicts WHERE draft_id = ? AND status = ? ORDER BY seq`,
  );
  const byStatus = db.prepare<[string], ConflictRow>(`SELECT ${COLUMNS} FROM import_conflicts WHERE status = ? ORDER BY seq`);
  const all = db.prepare<[], ConflictRow>(`SELECT ${COLUMNS} FROM import_conflicts ORDER BY seq`);
  const byDrafts = db.prepare<[string], ConflictRow>(
    `SELECT ${COLUMNS} FROM import_conflicts WHERE draft_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  );

  return {
    insert(conflict: Omit<ImportConflict, 'status' | 'resolvedAt'>): void {
      insert.run({
        ...conflict,
        incoming: JSON.stringify(conflict.incoming),
        current: conflict.current === null || conflict.current === undefined ? null : JSON.stringify(conflict.current),
      });
    },
    /** Marks a pending conflict resolved, keeping the value it met; false when it was not pending. */
    resolve(id: string, status: Exclude<ConflictStatus, 'pending'>, resolvedAt: string, current: unknown): boolean {
      const result = resolve.run({ id, status, resolvedAt, current: current === undefined ? null : JSON.stringify(current) });
      return result.changes === 1;
    },
    findById(id: string): ImportConflict | undefined {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    listByEntity(kind: ConflictKind, entityId: string): ImportConflict[] {
      return byEntity.all(kind, entityId).map(toRecord);
    },
    list(filter: { draftId?: string; status?: ConflictStatus }): ImportConflict[] {
      const { draftId, status } = filter;
      const rows =
        draftId !== undefined
          ? status !== undefined
            ? byDraftStatus.all(draftId, status)
            : byDraft.all(draftId)
          : status !== undefined
            ? byStatus.all(status)
            : all.all();
      return rows.map(toRecord);
    },
    /** Every conflict of the drafts, in the order they were held. */
    listByDrafts(draftIds: readonly string[]): ImportConflict[] {
      return byDrafts.all(JSON.stringify(draftIds)).map(toRecord);
    },
  };
}
export type ImportConflictsRepository = ReturnType<typeof createImportConflictsRepository>;
