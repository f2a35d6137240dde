// The time limits before and after per filing method (issue 22), stored beside each regulation on both engines
// (migration 0370) so that Báo cáo and the dashboard sum them method by method as they sum the regulation's own pair.
import { methodPairs, regulationMeasures, type MethodPairs, type RegulationMeasures } from '../../shared/domain/measures';
import type { Components, RegulationBaseline } from '../../shared/domain/dossier';
import { FILING_METHODS, type Change, type FilingMethod } from '../../shared/domain/vocabulary';

const SIDES = ['before', 'after'] as const;
type Side = (typeof SIDES)[number];
export type MethodTimeLimitColumn = `time_limit_${FilingMethod}_${Side}`;

/** Every stored column, in one order: each method's before, then its after. */
export const METHOD_TIME_LIMIT_COLUMNS: readonly MethodTimeLimitColumn[] = FILING_METHODS.flatMap((method) => SIDES.map((side): MethodTimeLimitColumn => `time_limit_${method}_${side}`));

/** The columns' values for a regulation's measures (null where it does not offer the method or a side is unknown). */
export function methodTimeLimitValues(measures: Pick<RegulationMeasures, 'timeLimitsByMethod'>): Record<MethodTimeLimitColumn, number | null> {
  const pairs = methodPairs(measures.timeLimitsByMethod);
  return Object.fromEntries(
    FILING_METHODS.flatMap((method) => [
      [`time_limit_${method}_before`, pairs[method]?.baseline ?? null],
      [`time_limit_${method}_after`, pairs[method]?.proposed ?? null],
    ]),
  ) as Record<MethodTimeLimitColumn, number | null>;
}

/** A stored row's columns back as pairs per method. */
export function methodPairsOfRow(row: Record<MethodTimeLimitColumn, number | null>): MethodPairs {
  const pairs: MethodPairs = {};
  for (const method of FILING_METHODS) {
    const before = row[`time_limit_${method}_before`];
    const after = row[`time_limit_${method}_after`];
    if (before !== null && after !== null) pairs[method] = { baseline: before, proposed: after };
  }
  return pairs;
}

/** What migration 0370 stores for an existing row: what the repositories store on its next write. */
export function storedMethodTimeLimits(row: { change: string; components: Components; baseline: RegulationBaseline | null }): Record<MethodTimeLimitColumn, number | null> {
  return methodTimeLimitValues(regulationMeasures({ change: row.change as Change, components: row.components, ...(row.baseline ? { baseline: row.baseline } : {}) }));
}

/** Rows that can have a pair per method: they exist before and after the draft and list a method (both engines' JSON paths). */
export const METHOD_PAIR_CANDIDATES = {
  sqlite: `change IN ('amended', 'replaced') AND (json_extract(components, '$.methods') IS NOT NULL OR json_extract(components, '$.methodTerms') IS NOT NULL)`,
  pg: `change IN ('amended', 'replaced') AND (components ? 'methods' OR components ? 'methodTerms')`,
} as const;
