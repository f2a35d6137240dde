import type { ClientBase } from 'pg';
import type { CatalogueProcedure } from '../../../shared/domain/catalogue';
import type { Components } from '../../../shared/domain/dossier';
import { publishedAmong, storedScopeClass } from '../../common/scopeClassColumn';

/** SQLite's 0380 (db/sqlite/migrations/0380-scope-from-record.ts): a procedure stating no subjects takes its scope class from its published record, in one update. */
export async function up(client: ClientBase): Promise<void> {
  const { rows: held } = await client.query<{ code: string; record: CatalogueProcedure }>('SELECT code, record FROM catalogue_procedures');
  if (held.length === 0) return;
  const records = new Map(held.map(({ code, record }) => [code, record] as const));
  const { rows } = await client.query<{ seq: number; kind: string; components: Components | null; national_code: string | null }>(
    "SELECT seq, kind, components, national_code FROM regulations WHERE kind = 'tthc' AND national_code IS NOT NULL",
  );
  const filled = rows.flatMap((row) => {
    const published = publishedAmong(records, row.national_code);
    return published ? [{ seq: row.seq, scope_class: storedScopeClass(row.kind, row.components, published) }] : [];
  });
  if (filled.length === 0) return;
  await client.query(
    `UPDATE regulations AS r SET scope_class = f.scope_class
     FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, scope_class text) WHERE r.seq = f.seq`,
    [JSON.stringify(filled)],
  );
}
