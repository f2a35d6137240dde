// A row of offline_copies (migration 0330) as both adapters read it: `base` is text in SQLite, jsonb in PostgreSQL.
import type { OfflineCopy, OfflineCopyRecord } from '../port';

export type OfflineCopyRow = {
  id: string;
  draft_id: string;
  taken_by: string;
  taken_by_name: string;
  taken_at: string;
  base: unknown;
  returned_at: string | null;
  released_at: string | null;
  released_by: string | null;
};

/** A copy out to work offline: neither sent back nor released. */
export const COPY_OUT = 'returned_at IS NULL AND released_at IS NULL';

/**
 * A draft's copy that is out, as one JSON column `copy_out` of a query over `drafts d` (null when none is out), so a
 * write reads the draft and its hold in one statement; `jsonObject` is the engine's own (json_build_object, json_object).
 */
export const copyOutColumn = (jsonObject: 'json_build_object' | 'json_object'): string =>
  `(SELECT ${jsonObject}('id', o.id, 'draft_id', o.draft_id, 'taken_by', o.taken_by, 'taken_by_name', o.taken_by_name, 'taken_at', o.taken_at)
    FROM offline_copies o WHERE o.draft_id = d.id AND ${COPY_OUT}) AS copy_out`;

export const offlineCopy = (row: Pick<OfflineCopyRow, 'id' | 'draft_id' | 'taken_by' | 'taken_by_name' | 'taken_at'>): OfflineCopy => ({ id: row.id, draftId: row.draft_id, takenBy: row.taken_by, takenByName: row.taken_by_name, takenAt: row.taken_at });

export const offlineCopyRecord = (row: OfflineCopyRow, base: unknown): OfflineCopyRecord => ({
  ...offlineCopy(row),
  base,
  returnedAt: row.returned_at,
  releasedAt: row.released_at,
  releasedBy: row.released_by,
});
