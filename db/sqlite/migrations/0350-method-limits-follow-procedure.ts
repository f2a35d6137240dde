import type { Database } from 'better-sqlite3';
import { RESTATED_LIMIT_CANDIDATES, componentsFollowingProcedureLimit } from '../../common/methodLimitsFollowProcedure';

/** A method's copy of the procedure's time limit cleared (db/common/methodLimitsFollowProcedure.ts): the method follows the procedure's. */
export function up(db: Database): void {
  db.function('tthc_method_limits_follow', { deterministic: true }, (stored: unknown) => (typeof stored === 'string' ? componentsFollowingProcedureLimit(stored) : null));
  db.exec(`UPDATE regulations SET components = coalesce(tthc_method_limits_follow(components), components) WHERE ${RESTATED_LIMIT_CANDIDATES.sqlite}`);
}
