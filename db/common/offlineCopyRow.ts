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

export const offlineCopy = (row: OfflineCopyRow): OfflineCopy => ({ id: row.id, draftId: row.draft_id, takenBy: row.taken_by, takenByName: row.taken_by_name, takenAt: row.taken_at });

export const offlineCopyRecord = (row: OfflineCopyRow, base: unknown): OfflineCopyRecord => ({
  ...offlineCopy(row),
  base,
  returnedAt: row.returned_at,
  releasedAt: row.released_at,
  releasedBy: row.released_by,
});
