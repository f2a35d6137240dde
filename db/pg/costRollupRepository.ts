// The cost roll-up read model on PostgreSQL: the same counts and totals as db/sqlite/costRollupRepository.ts. SQLite's
// total() is a compensated sum; a plain sum of doubles here would depend on the order of the rows, so the figures are
// summed exactly (numeric) and rounded once to a double.
import { breakdowns, EMPTY_ROLLUP, rollupCounts, type RollupRow, type ScopeRow } from '../common/costRollupRows';
import type { CostRollupRepository } from '../port';
import type { PgSession } from './session';

const SELECT = `SELECT draft_id, count(*)::integer AS regulations,
    count(*) FILTER (WHERE change = 'new')::integer AS added, count(*) FILTER (WHERE change = 'amended')::integer AS amended,
    count(*) FILTER (WHERE change = 'replaced')::integer AS replaced, count(*) FILTER (WHERE change = 'abolished')::integer AS abolished,
    count(*) FILTER (WHERE assessment_complete)::integer AS assessed, count(annual_baseline_cost)::integer AS costed,
    coalesce(sum(annual_baseline_cost::numeric), 0)::float8 AS baseline, coalesce(sum(annual_proposed_cost::numeric), 0)::float8 AS proposed
  FROM regulations WHERE deleted_at IS NULL`;

// The same per scope class (migration 0230), each program judged on the classes it covers.
const SCOPES = `SELECT draft_id, scope_class, count(*)::integer AS regulations,
    coalesce(sum(annual_baseline_cost::numeric), 0)::float8 AS baseline, coalesce(sum(annual_proposed_cost::numeric), 0)::float8 AS proposed
  FROM regulations WHERE deleted_at IS NULL`;

export function createPgCostRollupRepository(session: PgSession): CostRollupRepository {
  return {
    async byDraft() {
      const scopes = breakdowns(await session.rows<ScopeRow>(`${SCOPES} GROUP BY draft_id, scope_class`));
      return new Map((await session.rows<RollupRow>(`${SELECT} GROUP BY draft_id`)).map((row) => [row.draft_id, rollupCounts(row, scopes.get(row.draft_id))]));
    },
    async ofDraft(draftId) {
      const row = await session.row<RollupRow>(`${SELECT} AND draft_id = $1 GROUP BY draft_id`, [draftId]);
      if (!row || row.regulations === 0) return EMPTY_ROLLUP;
      return rollupCounts(row, breakdowns(await session.rows<ScopeRow>(`${SCOPES} AND draft_id = $1 GROUP BY draft_id, scope_class`, [draftId])).get(draftId));
    },
  };
}
