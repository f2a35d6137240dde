// An opinion's row as both engines store it. SQLite keeps `components` and `body` as JSON text, PostgreSQL as jsonb
// that `pg` hands back parsed; everything else is the same column for column, so one row type and one mapping serve
// both adapters and the history's seal.
import type { ComponentKey, OpinionStage, Verdict } from '../../shared/domain/vocabulary';
import type { OpinionRecord } from '../port';

export type OpinionRow<Components = string, Body = string> = {
  id: string;
  regulation_id: string;
  stage: string;
  verdict: string;
  issued_at: string;
  issued_by: string;
  components: Components | null;
  text: string;
  body: Body | null;
};

export const OPINION_COLUMNS = 'id, regulation_id, stage, verdict, issued_at, issued_by, components, text, body';

/** The record of a row whose JSON columns are already decoded. */
export function opinionRecordOf(row: OpinionRow<ComponentKey[], unknown[]>): OpinionRecord {
  const opinion: OpinionRecord = {
    id: row.id,
    regulationId: row.regulation_id,
    stage: row.stage as OpinionStage,
    verdict: row.verdict as Verdict,
    issuedAt: row.issued_at,
    by: row.issued_by,
    text: row.text,
  };
  if (row.components !== null) opinion.components = row.components;
  if (row.body !== null) opinion.body = row.body;
  return opinion;
}
