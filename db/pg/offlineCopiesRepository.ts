import type { OfflineCopiesRepository } from '../port';
import { COPY_OUT, offlineCopy, offlineCopyRecord, type OfflineCopyRow } from '../common/offlineCopyRow';
import type { PgSession } from './session';

/** Team drafts taken to work offline, as db/sqlite/offlineCopiesRepository.ts keeps them. */
export function createPgOfflineCopiesRepository(session: PgSession): OfflineCopiesRepository {
  return {
    async take({ base, ...taken }) {
      const written = await session.run(
        `INSERT INTO offline_copies (id, draft_id, taken_by, taken_by_name, taken_at, base) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
         ON CONFLICT DO NOTHING`,
        [taken.id, taken.draftId, taken.takenBy, taken.takenByName, taken.takenAt, JSON.stringify(base)],
      );
      return written === 1;
    },
    async out(draftId) {
      const row = await session.row<OfflineCopyRow>(`SELECT * FROM offline_copies WHERE draft_id = $1 AND ${COPY_OUT}`, [draftId]);
      return row && offlineCopy(row);
    },
    async listOut() {
      return (await session.rows<OfflineCopyRow>(`SELECT * FROM offline_copies WHERE ${COPY_OUT} ORDER BY taken_at DESC, id`)).map(offlineCopy);
    },
    async latestTakenBy(draftId, takenBy) {
      const row = await session.row<OfflineCopyRow>('SELECT * FROM offline_copies WHERE draft_id = $1 AND taken_by = $2 ORDER BY taken_at DESC, id LIMIT 1', [draftId, takenBy]);
      return row && offlineCopyRecord(row, row.base);
    },
    async markReturned(id, at) {
      return (await session.run('UPDATE offline_copies SET returned_at = $1 WHERE id = $2 AND returned_at IS NULL', [at, id])) === 1;
    },
    async release(id, at, by) {
      return (await session.run(`UPDATE offline_copies SET released_at = $1, released_by = $2 WHERE id = $3 AND ${COPY_OUT}`, [at, by, id])) === 1;
    },
  };
}
