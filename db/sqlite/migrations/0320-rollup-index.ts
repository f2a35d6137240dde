import type { Database } from 'better-sqlite3';

/**
 * The cost roll-up reads every live regulation's counts and stored costs (costRollupRepository.ts): from this index
 * alone, in each draft's position order, rather than from the rows, whose stored components and assessment put the
 * columns it needs behind kilobytes of JSON. `deleted_at` (always null here) is listed because SQLite reads an index
 * as covering only when it holds every column the query names, its WHERE included.
 */
export function up(db: Database): void {
  db.exec(`CREATE INDEX regulations_rollup ON regulations
    (draft_id, position, scope_class, change, assessment_complete, annual_baseline_cost, annual_proposed_cost, deleted_at) WHERE deleted_at IS NULL;`);
}
