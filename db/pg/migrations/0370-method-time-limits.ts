import type { ClientBase } from 'pg';
import type { Components, RegulationBaseline } from '../../../shared/domain/dossier';
import { METHOD_PAIR_CANDIDATES, METHOD_TIME_LIMIT_COLUMNS, storedMethodTimeLimits } from '../../common/methodTimeLimitColumns';

/** SQLite's 0370 (db/sqlite/migrations/0370-method-time-limits.ts): each filing method's time limits stored beside the regulation, filled in one update. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(
    `ALTER TABLE regulations ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `ADD COLUMN ${column} double precision CHECK (${column} IS NULL OR ${column} >= 0)`).join(', ')}`,
  );
  const { rows } = await client.query<{ seq: number; change: string; components: Components; baseline: RegulationBaseline | null }>(
    `SELECT seq, change, components, baseline FROM regulations WHERE ${METHOD_PAIR_CANDIDATES.pg}`,
  );
  if (rows.length === 0) return;
  const figures = rows.map((row) => ({ seq: row.seq, ...storedMethodTimeLimits(row) }));
  await client.query(
    `UPDATE regulations AS r SET ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `${column} = f.${column}`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `${column} double precision`).join(', ')}) WHERE r.seq = f.seq`,
    [JSON.stringify(figures)],
  );
}
