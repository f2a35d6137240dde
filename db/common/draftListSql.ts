// SQL of the draft list that reads the same on SQLite and PostgreSQL (plain CASE, subqueries and IN over literals from
// the domain's own tables), shared by both adapters' draft queries so that the two lists sort and wait alike.
import { STAGE_TIME_LIMITS, STAGE_WAITING_STATUS } from '../../shared/domain/deadlines';
import { stageSubmittedBy } from '../../shared/domain/opinionRules';
import { WORKFLOW_ACTIONS, type OpinionStage } from '../../shared/domain/vocabulary';

const quoteSql = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const SUBMISSIONS = WORKFLOW_ACTIONS.filter((action) => stageSubmittedBy(action) !== undefined);
const submissionOf = (stage: OpinionStage) => SUBMISSIONS.find((action) => stageSubmittedBy(action) === stage)!;

/** The day the draft was last sent for the stage it now waits on; null when it waits on no body. */
export const SENT_AT = `CASE d.status ${(Object.keys(STAGE_WAITING_STATUS) as OpinionStage[])
  .map(
    (stage) =>
      `WHEN ${quoteSql(STAGE_WAITING_STATUS[stage])} THEN (SELECT max(e.at) FROM events e WHERE e.draft_id = d.id AND e.action = ${quoteSql(submissionOf(stage))})`,
  )
  .join(' ')} END`;

/** Days the stage may take for this document type, from the same table the deadlines are computed with. */
export const LIMIT_DAYS = `CASE ${STAGE_TIME_LIMITS.map(
  (limit) =>
    `WHEN d.status = ${quoteSql(STAGE_WAITING_STATUS[limit.stage])} AND d.doc_type IN (${limit.docTypes.map(quoteSql).join(', ')}) THEN ${limit.days}`,
).join(' ')} END`;
