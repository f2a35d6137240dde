// Migration 0310 on both engines (issue 22 item 5): a procedure stated one time limit and one set of fees for every
// filing method. From dossier 1.3 each method may have its own (components.methodTerms); what was stored before is
// carried over as each method's own, the same value for every method, so that nothing changes meaning: the fee per
// case (the mean over methods) is the sum of the fees as before, and every method prints as it did.
import type { Components, MethodTerms } from '../../shared/domain/dossier';
import { feesDeclared } from '../../shared/domain/methodTerms';

/** The stored components with the single time limit and fees copied to every listed method; null when nothing to copy. */
export function componentsWithMethodTerms(stored: string): string | null {
  const components = JSON.parse(stored) as Components;
  const methods = components.methods ?? [];
  const hasFees = (components.fees ?? []).length > 0;
  if (components.methodTerms !== undefined || methods.length === 0 || (components.timeLimitDays === undefined && !hasFees)) return null;
  const methodTerms = methods.map(
    (method): MethodTerms => ({
      method,
      ...(components.timeLimitDays === undefined ? {} : { timeLimitDays: components.timeLimitDays }),
      ...(components.timeLimitUnit === undefined ? {} : { timeLimitUnit: components.timeLimitUnit }),
      ...(hasFees ? { fee: feesDeclared(components) } : {}),
    }),
  );
  return JSON.stringify({ ...components, methodTerms });
}

/** Rows that may have something to carry over: they list methods and have no terms yet (both engines' JSON paths). */
export const CARRY_OVER_CANDIDATES = {
  sqlite: `json_extract(components, '$.methods') IS NOT NULL AND json_extract(components, '$.methodTerms') IS NULL`,
  pg: `components ? 'methods' AND NOT components ? 'methodTerms'`,
} as const;
