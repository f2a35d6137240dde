// Migration 0340 on both engines (issue 22): the time-limit cut is compared method by method (measures.ts), each
// method's limit after against its own before. A regulation whose methods state their own time limit (dossier 1.3,
// or 1.4's limits before) gets the stored figures the period report sums recomputed; every other keeps its pair,
// which the mean over methods leaves as it was.
import type { Components, RegulationBaseline } from '../../shared/domain/dossier';
import { regulationMeasures } from '../../shared/domain/measures';
import type { Change } from '../../shared/domain/vocabulary';

/** Rows whose time limits may differ by method (both engines' JSON paths); their figures are recomputed. */
export const METHOD_TIME_LIMIT_CANDIDATES = {
  sqlite: `change IN ('amended', 'replaced') AND baseline IS NOT NULL AND json_extract(components, '$.methodTerms') IS NOT NULL`,
  pg: `change IN ('amended', 'replaced') AND baseline IS NOT NULL AND components ? 'methodTerms'`,
} as const;

/** The working days before and after the stored columns `time_limit_before` and `time_limit_after` hold. */
export function storedTimeLimits(row: { change: string; components: Components; baseline: RegulationBaseline }): { before: number | null; after: number | null } {
  const pair = regulationMeasures({ change: row.change as Change, components: row.components, baseline: row.baseline }).timeLimitDays;
  return { before: pair?.baseline ?? null, after: pair?.proposed ?? null };
}
