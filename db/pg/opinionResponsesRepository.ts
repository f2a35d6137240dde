import type { OpinionResponse } from '../../shared/domain/dossier';
import type { ResponseDecision } from '../../shared/domain/vocabulary';
import type { OpinionResponsesRepository } from '../port';
import type { PgSession } from './session';

type ResponseRow = { opinion_id: string; decision: string; text: string; responded_at: string };

const toResponse = (row: ResponseRow): OpinionResponse => ({ decision: row.decision as ResponseDecision, text: row.text, at: row.responded_at });
const byOpinionId = (rows: ResponseRow[]) => new Map(rows.map((row) => [row.opinion_id, toResponse(row)]));

/** The drafting agency's answer to each opinion: one per opinion, replaced when the drafter changes it. */
export function createPgOpinionResponsesRepository(session: PgSession): OpinionResponsesRepository {
  return {
    async save(opinionId, response) {
      await session.run(
        `INSERT INTO opinion_responses (opinion_id, decision, text, responded_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (opinion_id) DO UPDATE SET decision = excluded.decision, text = excluded.text, responded_at = excluded.responded_at, version = opinion_responses.version + 1, changed_at = excluded.responded_at, changed_by = ''`,
        [opinionId, response.decision, response.text, response.at],
      );
    },
    async answer(opinionId, response, edit) {
      const values = [opinionId, response.decision, response.text, response.at, edit.by];
      const written =
        edit.onVersion === undefined
          ? await session.rows(
              `INSERT INTO opinion_responses (opinion_id, decision, text, responded_at, changed_at, changed_by) VALUES ($1, $2, $3, $4, $4, $5)
               ON CONFLICT (opinion_id) DO NOTHING RETURNING opinion_id`,
              values,
            )
          : await session.rows(
              `UPDATE opinion_responses SET decision = $2, text = $3, responded_at = $4, version = version + 1, changed_at = $4, changed_by = $5
               WHERE opinion_id = $1 AND version = $6 RETURNING opinion_id`,
              [...values, edit.onVersion],
            );
      return written.length === 1;
    },
    async findByOpinion(opinionId) {
      const row = await session.row<ResponseRow>('SELECT opinion_id, decision, text, responded_at FROM opinion_responses WHERE opinion_id = $1', [opinionId]);
      return row ? toResponse(row) : undefined;
    },
    async mapByRegulation(regulationId) {
      return byOpinionId(
        await session.rows<ResponseRow>(
          `SELECT r.opinion_id, r.decision, r.text, r.responded_at FROM opinions o JOIN opinion_responses r ON r.opinion_id = o.id WHERE o.regulation_id = $1`,
          [regulationId],
        ),
      );
    },
    async mapByDraft(draftId) {
      return byOpinionId(
        await session.rows<ResponseRow>(
          `SELECT r.opinion_id, r.decision, r.text, r.responded_at
           FROM regulations g JOIN opinions o ON o.regulation_id = g.id JOIN opinion_responses r ON r.opinion_id = o.id WHERE g.draft_id = $1`,
          [draftId],
        ),
      );
    },
  };
}
