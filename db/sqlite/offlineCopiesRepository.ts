import type { Database } from 'better-sqlite3';
import type { OfflineCopy, OfflineCopyRecord } from '../port';
import { COPY_OUT, offlineCopy, offlineCopyRecord, type OfflineCopyRow } from '../common/offlineCopyRow';

/** Team drafts taken to work offline (migration 0320). */
export function createOfflineCopiesRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO offline_copies (id, draft_id, taken_by, taken_by_name, taken_at, base) VALUES (@id, @draftId, @takenBy, @takenByName, @takenAt, @base)
     ON CONFLICT DO NOTHING`,
  );
  const out = db.prepare<[string], OfflineCopyRow>(`SELECT * FROM offline_copies WHERE draft_id = ? AND ${COPY_OUT}`);
  const listOut = db.prepare<[], OfflineCopyRow>(`SELECT * FROM offline_copies WHERE ${COPY_OUT} ORDER BY taken_at DESC, id`);
  const latest = db.prepare<[string, string], OfflineCopyRow>('SELECT * FROM offline_copies WHERE draft_id = ? AND taken_by = ? ORDER BY taken_at DESC, id LIMIT 1');
  const returned = db.prepare('UPDATE offline_copies SET returned_at = ? WHERE id = ? AND returned_at IS NULL');
  const release = db.prepare(`UPDATE offline_copies SET released_at = ?, released_by = ? WHERE id = ? AND ${COPY_OUT}`);
  return {
    take({ base, ...taken }: OfflineCopy & { base: unknown }): boolean {
      return insert.run({ ...taken, base: JSON.stringify(base) }).changes === 1;
    },
    out(draftId: string): OfflineCopy | undefined {
      const row = out.get(draftId);
      return row && offlineCopy(row);
    },
    listOut(): OfflineCopy[] {
      return listOut.all().map(offlineCopy);
    },
    latestTakenBy(draftId: string, takenBy: string): OfflineCopyRecord | undefined {
      const row = latest.get(draftId, takenBy);
      return row && offlineCopyRecord(row, JSON.parse(row.base as string) as unknown);
    },
    markReturned(id: string, at: string): boolean {
      return returned.run(at, id).changes === 1;
    },
    release(id: string, at: string, by: string): boolean {
      return release.run(at, by, id).changes === 1;
    },
  };
}
