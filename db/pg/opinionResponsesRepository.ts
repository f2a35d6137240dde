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
         ON CONFLICT (opinion_id) DO UPDATE SET decision = excluded.decision, text = excluded.text, responded_at = excluded.responded_at`,
        [opinionId, response.decision, response.text, response.at],
      );
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
