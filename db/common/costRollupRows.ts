// The cost roll-up's rows as both engines' queries return them, and their one mapping to the domain's counts.
import { noScopes, type RollupCounts, type ScopeBreakdown } from '../../shared/domain/costRollup';
import type { ScopeClass } from '../../shared/domain/reformPrograms';

export type RollupRow = {
  draft_id: string;
  regulations: number;
  added: number;
  amended: number;
  replaced: number;
  abolished: number;
  assessed: number;
  costed: number;
  baseline: number;
  proposed: number;
};

export type ScopeRow = { draft_id: string; scope_class: ScopeClass; regulations: number; baseline: number; proposed: number };

/** Each draft's rows per scope class, as a breakdown with every class (absent ones empty). */
export function breakdowns(rows: readonly ScopeRow[]): Map<string, ScopeBreakdown> {
  const byDraft = new Map<string, ScopeBreakdown>();
  for (const row of rows) {
    const breakdown = byDraft.get(row.draft_id) ?? noScopes();
    breakdown[row.scope_class] = { regulations: row.regulations, annual: { baseline: row.baseline, proposed: row.proposed } };
    byDraft.set(row.draft_id, breakdown);
  }
  return byDraft;
}

/** The roll-up of a draft without regulations. */
export const EMPTY_ROLLUP: RollupCounts = {
  regulations: 0,
  byChange: { new: 0, amended: 0, replaced: 0, abolished: 0 },
  assessed: 0,
  costed: 0,
  annual: { baseline: 0, proposed: 0 },
  byScope: noScopes(),
};

export const rollupCounts = (row: RollupRow, byScope: ScopeBreakdown = noScopes()): RollupCounts => ({
  regulations: row.regulations,
  byChange: { new: row.added, amended: row.amended, replaced: row.replaced, abolished: row.abolished },
  assessed: row.assessed,
  costed: row.costed,
  annual: { baseline: row.baseline, proposed: row.proposed },
  byScope,
});
