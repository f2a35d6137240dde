import type { ClientBase } from 'pg';
import type { Components, RegulationBaseline } from '../../../shared/domain/dossier';
import { METHOD_TIME_LIMIT_CANDIDATES, storedTimeLimits } from '../../common/timeLimitsByMethod';

/** SQLite's 0340 (db/sqlite/migrations/0340-time-limits-by-method.ts): the stored time-limit pair compared method by method, in one update. */
export async function up(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ seq: number; change: string; components: Components; baseline: RegulationBaseline }>(
    `SELECT seq, change, components, baseline FROM regulations WHERE ${METHOD_TIME_LIMIT_CANDIDATES.pg}`,
  );
  if (rows.length === 0) return;
  const figures = rows.map((row) => ({ seq: row.seq, ...storedTimeLimits(row) }));
  await client.query(
    `UPDATE regulations AS r SET time_limit_before = f.before, time_limit_after = f.after
       FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, before double precision, after double precision) WHERE r.seq = f.seq`,
    [JSON.stringify(figures)],
  );
}
