import type { Database } from 'better-sqlite3';
import type { OpinionResponse } from '../../shared/domain/dossier';
import type { ResponseDecision } from '../../shared/domain/vocabulary';
import type { Edit } from '../port';

type ResponseRow = { opinion_id: string; decision: string; text: string; responded_at: string };

const toResponse = (row: ResponseRow): OpinionResponse => ({
  decision: row.decision as ResponseDecision,
  text: row.text,
  at: row.responded_at,
});

/** The drafting agency's answer to each opinion: one per opinion, replaced when the drafter changes it. */
export function createOpinionResponsesRepository(db: Database) {
  const upsert = db.prepare(
    `INSERT INTO opinion_responses (opinion_id, decision, text, responded_at) VALUES (@opinionId, @decision, @text, @at)
     ON CONFLICT (opinion_id) DO UPDATE SET decision = excluded.decision, text = excluded.text, responded_at = excluded.responded_at, version = opinion_responses.version + 1, changed_at = excluded.responded_at, changed_by = ''`,
  );
  const first = db.prepare(
    `INSERT INTO opinion_responses (opinion_id, decision, text, responded_at, changed_at, changed_by)
     VALUES (@opinionId, @decision, @text, @at, @at, @by) ON CONFLICT (opinion_id) DO NOTHING`,
  );
  const onVersion = db.prepare(
    `UPDATE opinion_responses SET decision = @decision, text = @text, responded_at = @at, version = version + 1, changed_at = @at, changed_by = @by
     WHERE opinion_id = @opinionId AND version = @onVersion`,
  );
  const byOpinion = db.prepare<[string], ResponseRow>(
    'SELECT opinion_id, decision, text, responded_at FROM opinion_responses WHERE opinion_id = ?',
  );
  const byRegulation = db.prepare<[string], ResponseRow>(
    `SELECT r.opinion_id, r.decision, r.text, r.responded_at
     FROM opinions o JOIN opinion_responses r ON r.opinion_id = o.id WHERE o.regulation_id = ?`,
  );

  const byDraft = db.prepare<[string], ResponseRow>(
    `SELECT r.opinion_id, r.decision, r.text, r.responded_at
     FROM regulations g JOIN opinions o ON o.regulation_id = g.id JOIN opinion_responses r ON r.opinion_id = o.id WHERE g.draft_id = ?`,
  );

  return {
    save(opinionId: string, response: OpinionResponse): void {
      upsert.run({ opinionId, ...response });
    },
    /** The drafter's answer written on the version it was read at (none: there was no answer); false when another is stored. */
    answer(opinionId: string, response: OpinionResponse, edit: Edit): boolean {
      const values = { opinionId, ...response, by: edit.by };
      return (edit.onVersion === undefined ? first.run(values) : onVersion.run({ ...values, onVersion: edit.onVersion })).changes === 1;
    },
    findByOpinion(opinionId: string): OpinionResponse | undefined {
      const row = byOpinion.get(opinionId);
      return row ? toResponse(row) : undefined;
    },
    /** Responses to the opinions of one regulation, keyed by opinion id. */
    mapByRegulation(regulationId: string): Map<string, OpinionResponse> {
      return new Map(byRegulation.all(regulationId).map((row) => [row.opinion_id, toResponse(row)]));
    },
    /** Responses to the opinions of every regulation of a draft, keyed by opinion id. */
    mapByDraft(draftId: string): Map<string, OpinionResponse> {
      return new Map(byDraft.all(draftId).map((row) => [row.opinion_id, toResponse(row)]));
    },
  };
}
export type OpinionResponsesRepository = ReturnType<typeof createOpinionResponsesRepository>;
