import type { Database } from 'better-sqlite3';
import type { Components, RegulationBaseline } from '../../../shared/domain/dossier';
import { METHOD_TIME_LIMIT_CANDIDATES, storedTimeLimits } from '../../common/timeLimitsByMethod';

/** The time-limit cut compared method by method (db/common/timeLimitsByMethod.ts): the stored pair recomputed where methods state their own. */
export function up(db: Database): void {
  const rows = db
    .prepare<[], { seq: number; change: string; components: string; baseline: string }>(`SELECT seq, change, components, baseline FROM regulations WHERE ${METHOD_TIME_LIMIT_CANDIDATES.sqlite}`)
    .all();
  const fill = db.prepare('UPDATE regulations SET time_limit_before = @before, time_limit_after = @after WHERE seq = @seq');
  for (const row of rows) {
    fill.run({ seq: row.seq, ...storedTimeLimits({ change: row.change, components: JSON.parse(row.components) as Components, baseline: JSON.parse(row.baseline) as RegulationBaseline }) });
  }
}
