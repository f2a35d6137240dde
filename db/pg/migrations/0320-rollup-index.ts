import type { ClientBase } from 'pg';

/** SQLite's 0320 (db/sqlite/migrations/0320-rollup-index.ts): the cost roll-up's columns by draft and position, for an index-only scan. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`CREATE INDEX regulations_rollup ON regulations
    (draft_id, position, scope_class, change, assessment_complete, annual_baseline_cost, annual_proposed_cost, deleted_at) WHERE deleted_at IS NULL;`);
}
