import type { Database } from 'better-sqlite3';
import type { Components, RegulationBaseline } from '../../../shared/domain/dossier';
import { METHOD_PAIR_CANDIDATES, METHOD_TIME_LIMIT_COLUMNS, storedMethodTimeLimits } from '../../common/methodTimeLimitColumns';

/** Each filing method's time limits before and after, stored beside the regulation (db/common/methodTimeLimitColumns.ts) and filled for existing rows. */
export function up(db: Database): void {
  for (const column of METHOD_TIME_LIMIT_COLUMNS) db.exec(`ALTER TABLE regulations ADD COLUMN ${column} REAL CHECK (${column} IS NULL OR ${column} >= 0)`);
  const rows = db
    .prepare<[], { seq: number; change: string; components: string; baseline: string | null }>(`SELECT seq, change, components, baseline FROM regulations WHERE ${METHOD_PAIR_CANDIDATES.sqlite}`)
    .all();
  const fill = db.prepare(`UPDATE regulations SET ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE seq = @seq`);
  for (const row of rows) {
    const components = JSON.parse(row.components) as Components;
    const baseline = row.baseline === null ? null : (JSON.parse(row.baseline) as RegulationBaseline);
    fill.run({ seq: row.seq, ...storedMethodTimeLimits({ change: row.change, components, baseline }) });
  }
}
