import type { ClientBase } from 'pg';
import { CARRY_OVER_CANDIDATES, componentsWithMethodTerms } from '../../common/methodTermsCarriedOver';
import { rewriteRegulationComponents } from './rewrittenComponents';

/** SQLite's 0310 (db/sqlite/migrations/0310-method-terms.ts): the single time limit and fees copied to every method, in one update. */
export async function up(client: ClientBase): Promise<void> {
  await rewriteRegulationComponents(client, CARRY_OVER_CANDIDATES.pg, componentsWithMethodTerms);
}
