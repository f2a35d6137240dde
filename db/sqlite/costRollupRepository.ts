// The cost roll-up read model: counts and annual totals per draft, summed by SQLite over the figures stored beside
// each regulation (migration 0090). SQLite's sum() is compensated as shared/domain/costRollup.ts compensatedSum is,
// and both walk a draft's regulations in position order (a trashed one counts nowhere), so these equal costRollup() over the same rows exactly.
import type { Database } from 'better-sqlite3';
import { noScopes, type RollupCounts, type ScopeBreakdown } from '../../shared/domain/costRollup';
import type { ScopeClass } from '../../shared/domain/reformPrograms';

type RollupRow = {
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

/** Exported for the query-plan test. The by-draft index keeps each draft's rows in position order. */
export const COST_ROLLUP_SQL = {
  byDraft: `SELECT draft_id, count(*) AS regulations, sum(change = 'new') AS added, sum(change = 'amended') AS amended,
      sum(change = 'replaced') AS replaced, sum(change = 'abolished') AS abolished, sum(assessment_complete) AS assessed,
      count(annual_baseline_cost) AS costed, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_by_draft
    WHERE deleted_at IS NULL
    GROUP BY draft_id`,
  ofDraft: `SELECT draft_id, count(*) AS regulations, sum(change = 'new') AS added, sum(change = 'amended') AS amended,
      sum(change = 'replaced') AS replaced, sum(change = 'abolished') AS abolished, sum(assessment_complete) AS assessed,
      count(annual_baseline_cost) AS costed, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_by_draft
    WHERE draft_id = ? AND deleted_at IS NULL`,
  // The same per scope class (migration 0230), each program judged on the classes it covers.
  scopesByDraft: `SELECT draft_id, scope_class, count(*) AS regulations, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_by_draft
    WHERE deleted_at IS NULL
    GROUP BY draft_id, scope_class`,
  scopesOfDraft: `SELECT draft_id, scope_class, count(*) AS regulations, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_by_draft
    WHERE draft_id = ? AND deleted_at IS NULL
    GROUP BY scope_class`,
} as const;

type ScopeRow = { draft_id: string; scope_class: ScopeClass; regulations: number; baseline: number; proposed: number };

/** Each draft's rows per scope class, as a breakdown with every class (absent ones empty). */
function breakdowns(rows: readonly ScopeRow[]): Map<string, ScopeBreakdown> {
  const byDraft = new Map<string, ScopeBreakdown>();
  for (const row of rows) {
    const breakdown = byDraft.get(row.draft_id) ?? noScopes();
    breakdown[row.scope_class] = { regulations: row.regulations, annual: { baseline: row.baseline, proposed: row.proposed } };
    byDraft.set(row.draft_id, breakdown);
  }
  return byDraft;
}

const EMPTY: RollupCounts = { regulations: 0, byChange: { new: 0, amended: 0, replaced: 0, abolished: 0 }, assessed: 0, costed: 0, annual: { baseline: 0, proposed: 0 }, byScope: noScopes() };

const toCounts = (row: RollupRow, byScope: ScopeBreakdown = noScopes()): RollupCounts => ({
  regulations: row.regulations,
  byChange: { new: row.added, amended: row.amended, replaced: row.replaced, abolished: row.abolished },
  assessed: row.assessed,
  costed: row.costed,
  annual: { baseline: row.baseline, proposed: row.proposed },
  byScope,
});

export function createCostRollupRepository(db: Database) {
  const byDraft = db.prepare<[], RollupRow>(COST_ROLLUP_SQL.byDraft);
  const ofDraft = db.prepare<[string], RollupRow>(COST_ROLLUP_SQL.ofDraft);
  const scopesByDraft = db.prepare<[], ScopeRow>(COST_ROLLUP_SQL.scopesByDraft);
  const scopesOfDraft = db.prepare<[string], ScopeRow>(COST_ROLLUP_SQL.scopesOfDraft);
  return {
    /** Every draft that has regulations; a draft without any is absent (its roll-up is empty). */
    byDraft(): Map<string, RollupCounts> {
      const scopes = breakdowns(scopesByDraft.all());
      return new Map(byDraft.all().map((row) => [row.draft_id, toCounts(row, scopes.get(row.draft_id))]));
    },
    ofDraft(draftId: string): RollupCounts {
      const row = ofDraft.get(draftId);
      return row && row.regulations > 0 ? toCounts(row, breakdowns(scopesOfDraft.all(draftId)).get(draftId)) : EMPTY;
    },
  };
}
export type CostRollupRepository = ReturnType<typeof createCostRollupRepository>;
