// The cost roll-up read model: counts and annual totals per draft, summed by SQLite over the figures stored beside
// each regulation (migration 0090). SQLite's sum() is compensated as shared/domain/costRollup.ts compensatedSum is,
// and both walk a draft's regulations in position order (a trashed one counts nowhere), so these equal costRollup() over the same rows exactly.
import type { Database } from 'better-sqlite3';
import { breakdowns, EMPTY_ROLLUP, rollupCounts, type RollupRow, type ScopeRow } from '../common/costRollupRows';
import type { RollupCounts } from '../../shared/domain/costRollup';

/** Exported for the query-plan test. The roll-up index (migration 0320) holds every column read here, each draft's rows in position order. */
export const COST_ROLLUP_SQL = {
  byDraft: `SELECT draft_id, count(*) AS regulations, sum(change = 'new') AS added, sum(change = 'amended') AS amended,
      sum(change = 'replaced') AS replaced, sum(change = 'abolished') AS abolished, sum(assessment_complete) AS assessed,
      count(annual_baseline_cost) AS costed, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_rollup
    WHERE deleted_at IS NULL
    GROUP BY draft_id`,
  ofDraft: `SELECT draft_id, count(*) AS regulations, sum(change = 'new') AS added, sum(change = 'amended') AS amended,
      sum(change = 'replaced') AS replaced, sum(change = 'abolished') AS abolished, sum(assessment_complete) AS assessed,
      count(annual_baseline_cost) AS costed, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_rollup
    WHERE draft_id = ? AND deleted_at IS NULL`,
  // The same per scope class (migration 0230), each program judged on the classes it covers.
  scopesByDraft: `SELECT draft_id, scope_class, count(*) AS regulations, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_rollup
    WHERE deleted_at IS NULL
    GROUP BY draft_id, scope_class`,
  scopesOfDraft: `SELECT draft_id, scope_class, count(*) AS regulations, total(annual_baseline_cost) AS baseline, total(annual_proposed_cost) AS proposed
    FROM regulations INDEXED BY regulations_rollup
    WHERE draft_id = ? AND deleted_at IS NULL
    GROUP BY scope_class`,
} as const;

export function createCostRollupRepository(db: Database) {
  const byDraft = db.prepare<[], RollupRow>(COST_ROLLUP_SQL.byDraft);
  const ofDraft = db.prepare<[string], RollupRow>(COST_ROLLUP_SQL.ofDraft);
  const scopesByDraft = db.prepare<[], ScopeRow>(COST_ROLLUP_SQL.scopesByDraft);
  const scopesOfDraft = db.prepare<[string], ScopeRow>(COST_ROLLUP_SQL.scopesOfDraft);
  return {
    /** Every draft that has regulations; a draft without any is absent (its roll-up is empty). */
    byDraft(): Map<string, RollupCounts> {
      const scopes = breakdowns(scopesByDraft.all());
      return new Map(byDraft.all().map((row) => [row.draft_id, rollupCounts(row, scopes.get(row.draft_id))]));
    },
    ofDraft(draftId: string): RollupCounts {
      const row = ofDraft.get(draftId);
      return row && row.regulations > 0 ? rollupCounts(row, breakdowns(scopesOfDraft.all(draftId)).get(draftId)) : EMPTY_ROLLUP;
    },
  };
}
export type CostRollupRepository = ReturnType<typeof createCostRollupRepository>;
