// The cost roll-up read model: counts and annual totals per draft, summed by SQLite over the figures stored beside
// each regulation (migration 0090). SQLite's sum() is compensated as shared/domain/costRollup.ts compensatedSum is,
// and both walk a draft's regulations in position order (a trashed one counts nowhere), so these equal costRollup() over the same rows exactly.
import type { Database } from 'better-sqlite3';
import type { RollupCounts } from '../../shared/domain/costRollup';

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
} as const;

const EMPTY: RollupCounts = { regulations: 0, byChange: { new: 0, amended: 0, replaced: 0, abolished: 0 }, assessed: 0, costed: 0, annual: { baseline: 0, proposed: 0 } };

const toCounts = (row: RollupRow): RollupCounts => ({
  regulations: row.regulations,
  byChange: { new: row.added, amended: row.amended, replaced: row.replaced, abolished: row.abolished },
  assessed: row.assessed,
  costed: row.costed,
  annual: { baseline: row.baseline, proposed: row.proposed },
});

export function createCostRollupRepository(db: Database) {
  const byDraft = db.prepare<[], RollupRow>(COST_ROLLUP_SQL.byDraft);
  const ofDraft = db.prepare<[string], RollupRow>(COST_ROLLUP_SQL.ofDraft);
  return {
    /** Every draft that has regulations; a draft without any is absent (its roll-up is empty). */
    byDraft(): Map<string, RollupCounts> {
      return new Map(byDraft.all().map((row) => [row.draft_id, toCounts(row)]));
    },
    ofDraft(draftId: string): RollupCounts {
      const row = ofDraft.get(draftId);
      return row && row.regulations > 0 ? toCounts(row) : EMPTY;
    },
  };
}
export type CostRollupRepository = ReturnType<typeof createCostRollupRepository>;
