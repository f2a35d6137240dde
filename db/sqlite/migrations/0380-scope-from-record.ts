import type { Database } from 'better-sqlite3';
import type { CatalogueProcedure } from '../../../shared/domain/catalogue';
import { publishedAmong, storedScopeClass } from '../../common/scopeClassColumn';

/**
 * A procedure whose components state no subjects takes its scope class from its record in the national TTHC database
 * (issue 22; reformPrograms.ts scopeClassOf): an abolition left without components is judged under the programs of
 * what it abolishes. Recomputes the stored scope class of every procedure that states no subjects and has a record.
 */
export function up(db: Database): void {
  const records = new Map(
    db
      .prepare<[], { code: string; record: string }>('SELECT code, record FROM catalogue_procedures')
      .all()
      .map(({ code, record }) => [code, JSON.parse(record) as CatalogueProcedure] as const),
  );
  if (records.size === 0) return;
  const rows = db
    .prepare<[], { seq: number; kind: string; components: string; national_code: string | null }>(
      "SELECT seq, kind, components, national_code FROM regulations WHERE kind = 'tthc' AND national_code IS NOT NULL",
    )
    .all();
  const fill = db.prepare<[string, number]>('UPDATE regulations SET scope_class = ? WHERE seq = ?');
  for (const row of rows) {
    const published = publishedAmong(records, row.national_code);
    if (published) fill.run(storedScopeClass(row.kind, row.components, published), row.seq);
  }
}
