import type { ClientBase } from 'pg';
import { RESTATED_LIMIT_CANDIDATES, componentsFollowingProcedureLimit } from '../../common/methodLimitsFollowProcedure';
import { rewriteRegulationComponents } from './rewrittenComponents';

/** SQLite's 0350 (db/sqlite/migrations/0350-method-limits-follow-procedure.ts): a method's copy of the procedure's time limit cleared, in one update. */
export async function up(client: ClientBase): Promise<void> {
  await rewriteRegulationComponents(client, RESTATED_LIMIT_CANDIDATES.pg, componentsFollowingProcedureLimit);
}
