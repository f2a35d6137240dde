import type { Database } from 'better-sqlite3';
import { CARRY_OVER_CANDIDATES, componentsWithMethodTerms } from '../../common/methodTermsCarriedOver';

/** A time limit and fee per filing method (db/common/methodTermsCarriedOver.ts): the single values copied to every method. */
export function up(db: Database): void {
  db.function('tthc_method_terms', { deterministic: true }, (stored: unknown) => (typeof stored === 'string' ? componentsWithMethodTerms(stored) : null));
  db.exec(`UPDATE regulations SET components = coalesce(tthc_method_terms(components), components) WHERE ${CARRY_OVER_CANDIDATES.sqlite}`);
}
