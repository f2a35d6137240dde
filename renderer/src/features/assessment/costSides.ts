import { worksheetProblems } from '../../../../shared/domain/cost';
import type { Change } from '../../../../shared/domain/vocabulary';

/** The two sides of a cost worksheet: the regulation in force and the draft's. */
export type Side = 'baseline' | 'proposed';
export const SIDES: readonly Side[] = ['baseline', 'proposed'];

/** The sides a worksheet must have for this change, read from the domain's own rule: those whose absence is a problem. */
export function requiredSides(change: Change): Set<string> {
  return new Set(worksheetProblems(change, { year: 0, hourlyIncome: 0 }).map((problem) => problem.path));
}
