// Migration 0350 on both engines (issue 22, after a4da8fd): a procedure picked from the national database before
// a4da8fd copied each filing method's published time limit into the method's terms even where it was the procedure's
// own, and 0310 carried the single limit of every older record over to each method the same way. A copy the same as
// the procedure's (value and unit) is cleared, so that the method follows the procedure's limit and a later change
// of it reaches the method, as a pick from the catalogue stores it today (componentsFromCatalogue).
//
// Nothing read from the record changes meaning. termsPerMethod (methodTerms.ts) gives a method without a limit of its
// own the procedure's, so the time limits compared method by method (measures.ts, and the stored time_limit_before
// and time_limit_after the period report sums) are the same; the printed method lines (componentText.ts) print a
// method's limit only where it differs from the procedure's; fees are not touched; the regulation form shows the
// method's field blank with the procedure's limit as its placeholder. The change of a round (roundDiff.ts) does not
// read methodTerms. History (events, revisions, round snapshots) keeps what was stored then.
import type { Components } from '../../shared/domain/dossier';
import { methodLimitsFollowingProcedure } from '../../shared/domain/methodTerms';

/** The stored components with every method's copy of the procedure's time limit cleared; null when there is none. */
export function componentsFollowingProcedureLimit(stored: string): string | null {
  const components = JSON.parse(stored) as Components;
  const following = methodLimitsFollowingProcedure(components);
  return following === components ? null : JSON.stringify(following);
}

/**
 * The record as every write stores it, on both engines (insert, update, a dossier import, the regulation form): a
 * method's limit the same as the procedure's is the procedure's, so it follows a later change of it, whatever path
 * typed it. The same object when no method restates the limit.
 */
export function recordAsStored<T extends { components: Components }>(record: T): T {
  const components = methodLimitsFollowingProcedure(record.components);
  return components === record.components ? record : { ...record, components };
}

/** Rows that may hold such a copy: a procedure time limit and terms by method (both engines' JSON paths). */
export const RESTATED_LIMIT_CANDIDATES = {
  sqlite: `json_extract(components, '$.timeLimitDays') IS NOT NULL AND json_extract(components, '$.methodTerms') IS NOT NULL`,
  pg: `components ? 'timeLimitDays' AND components ? 'methodTerms'`,
} as const;
