import type { Database } from 'better-sqlite3';
import type { Assessment, Components } from '../../shared/domain/dossier';
import type { OpinionStage } from '../../shared/domain/vocabulary';
import type { DraftRound, RegulationRound } from '../port';

type RoundRow = { round: number; stage: string; taken_at: string };
type SnapshotRow = { round: number; name: string; components: string; assessment: string | null };

const toRound = (row: RoundRow): DraftRound => ({ round: row.round, stage: row.stage as OpinionStage, takenAt: row.taken_at });

/** Copies of a draft's regulations as they were at each submission; written once per round, never changed. */
export function createRoundSnapshotsRepository(db: Database) {
  const nextRound = db.prepare<[string], { next: number }>(
    'SELECT coalesce(max(round), 0) + 1 AS next FROM draft_rounds WHERE draft_id = ?',
  );
  const insertRound = db.prepare('INSERT INTO draft_rounds (draft_id, round, stage, taken_at) VALUES (?, ?, ?, ?)');
  // The copy is taken in SQL from the stored rows (the draft's live regulations, in list order): nothing is parsed
  // and written back in JavaScript.
  const copyRegulations = db.prepare(
    `INSERT INTO regulation_snapshots (draft_id, round, regulation_id, name, components, assessment)
     SELECT draft_id, @round, id, name, components, assessment FROM regulations
     WHERE draft_id = @draftId AND deleted_at IS NULL ORDER BY position`,
  );
  const roundsOfDraft = db.prepare<[string], RoundRow>(
    'SELECT round, stage, taken_at FROM draft_rounds WHERE draft_id = ? ORDER BY round',
  );
  const snapshotsOfRegulation = db.prepare<[string], SnapshotRow>(
    'SELECT round, name, components, assessment FROM regulation_snapshots WHERE regulation_id = ? ORDER BY round',
  );

  return {
    /** Records a new round with a copy of each of the draft's regulations as stored now; returns its number (1 for the first submission). */
    addRound(draftId: string, stage: OpinionStage, takenAt: string): number {
      const round = nextRound.get(draftId)?.next ?? 1;
      insertRound.run(draftId, round, stage, takenAt);
      copyRegulations.run({ draftId, round });
      return round;
    },
    listRounds(draftId: string): DraftRound[] {
      return roundsOfDraft.all(draftId).map(toRound);
    },
    /** Every round of the regulation's draft, with the regulation's copy in it (null in rounds before it existed). */
    listRegulationRounds(draftId: string, regulationId: string): RegulationRound[] {
      const copies = new Map(snapshotsOfRegulation.all(regulationId).map((row) => [row.round, row]));
      return roundsOfDraft.all(draftId).map((row) => {
        const copy = copies.get(row.round);
        return {
          ...toRound(row),
          snapshot: copy
            ? {
                name: copy.name,
                components: JSON.parse(copy.components) as Components,
                assessment: copy.assessment === null ? null : (JSON.parse(copy.assessment) as Assessment),
              }
            : null,
        };
      });
    },
  };
}
export type RoundSnapshotsRepository = ReturnType<typeof createRoundSnapshotsRepository>;
