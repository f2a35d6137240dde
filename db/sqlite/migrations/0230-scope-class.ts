import type { Database } from 'better-sqlite3';
import { SCOPE_CLASS_CHECK, storedScopeClass } from '../../common/scopeClassColumn';

/**
 * Program scope by procedure (issue 22): each regulation's scope class beside it, so that a draft is judged only
 * against the reform programs whose scope covers its regulations, each on the regulations it covers. Fills every row
 * already there from its kind and subjects.
 */
export function up(db: Database): void {
  db.exec(`ALTER TABLE regulations ADD COLUMN scope_class TEXT NOT NULL DEFAULT 'tthc_other' CHECK (${SCOPE_CLASS_CHECK})`);
  const rows = db.prepare<[], { seq: number; kind: string; components: string }>('SELECT seq, kind, components FROM regulations').all();
  const fill = db.prepare<[string, number]>('UPDATE regulations SET scope_class = ? WHERE seq = ?');
  for (const row of rows) fill.run(storedScopeClass(row.kind, row.components), row.seq);
}
