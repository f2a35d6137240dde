// The cost roll-up read model on PostgreSQL: the same counts and totals as db/sqlite/costRollupRepository.ts. SQLite's
// total() is a compensated sum; a plain sum of doubles here would depend on the order of the rows, so the figures are
// summed exactly (numeric) and rounded once to a double.
import { noScopes, type RollupCounts, type ScopeBreakdown } from '../../shared/domain/costRollup';
import type { ScopeClass } from '../../shared/domain/reformPrograms';
import type { CostRollupRepository } from '../port';
import type { PgSession } from './session';

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

export function createPgCostRollupRepository(session: PgSession): CostRollupRepository {
  return {
    async byDraft() {
      const scopes = breakdowns(await session.rows<ScopeRow>(`${SCOPES} GROUP BY draft_id, scope_class`));
      return new Map((await session.rows<RollupRow>(`${SELECT} GROUP BY draft_id`)).map((row) => [row.draft_id, toCounts(row, scopes.get(row.draft_id))]));
    },
    async ofDraft(draftId) {
      const row = await session.row<RollupRow>(`${SELECT} AND draft_id = $1 GROUP BY draft_id`, [draftId]);
      if (!row || row.regulations === 0) return EMPTY;
      return toCounts(row, breakdowns(await session.rows<ScopeRow>(`${SCOPES} AND draft_id = $1 GROUP BY draft_id, scope_class`, [draftId])).get(draftId));
    },
  };
}
