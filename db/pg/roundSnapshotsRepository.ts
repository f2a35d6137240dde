import type { Assessment, Components } from '../../shared/domain/dossier';
import type { OpinionStage } from '../../shared/domain/vocabulary';
import type { DraftRound, RoundSnapshotsRepository } from '../port';
import type { PgSession } from './session';

type RoundRow = { round: number; stage: string; taken_at: string };
type SnapshotRow = { round: number; name: string; components: Components; assessment: Assessment | null };

const toRound = (row: RoundRow): DraftRound => ({ round: row.round, stage: row.stage as OpinionStage, takenAt: row.taken_at });

/** Copies of a draft's regulations as they were at each submission; written once per round, never changed. */
export function createPgRoundSnapshotsRepository(session: PgSession): RoundSnapshotsRepository {
  const roundsOf = (draftId: string) => session.rows<RoundRow>('SELECT round, stage, taken_at FROM draft_rounds WHERE draft_id = $1 ORDER BY round', [draftId]);
  return {
    async addRound(draftId, stage, takenAt) {
      // The round and its copy of the draft's live regulations (in list order) in one statement, in SQL from the stored rows.
      const added = await session.row<{ round: number; copied: number }>(
        `WITH added AS (
           INSERT INTO draft_rounds (draft_id, round, stage, taken_at)
           SELECT $1, coalesce(max(round), 0) + 1, $2, $3 FROM draft_rounds WHERE draft_id = $1
           RETURNING round),
         copied AS (
           INSERT INTO regulation_snapshots (draft_id, round, regulation_id, name, components, assessment)
           SELECT r.draft_id, added.round, r.id, r.name, r.components, r.assessment FROM regulations r, added
           WHERE r.draft_id = $1 AND r.deleted_at IS NULL ORDER BY r.position
           RETURNING 1)
         SELECT round, (SELECT count(*)::integer FROM copied) AS copied FROM added`,
        [draftId, stage, takenAt],
      );
      return added!.round;
    },
    async listRounds(draftId) {
      return (await roundsOf(draftId)).map(toRound);
    },
    async listRegulationRounds(draftId, regulationId) {
      const copies = new Map(
        (await session.rows<SnapshotRow>('SELECT round, name, components, assessment FROM regulation_snapshots WHERE regulation_id = $1 ORDER BY round', [regulationId])).map(
          (row) => [row.round, row],
        ),
      );
      return (await roundsOf(draftId)).map((row) => {
        const copy = copies.get(row.round);
        return { ...toRound(row), snapshot: copy ? { name: copy.name, components: copy.components, assessment: copy.assessment } : null };
      });
    },
  };
}
