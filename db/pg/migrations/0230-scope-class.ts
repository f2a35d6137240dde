import type { ClientBase } from 'pg';
import type { Components } from '../../../shared/domain/dossier';
import { SCOPE_CLASS_CHECK, storedScopeClass } from '../../common/scopeClassColumn';

/** SQLite's migration 0230: each regulation's scope class beside it, filled from its kind and subjects in one statement. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`ALTER TABLE regulations ADD COLUMN scope_class text NOT NULL DEFAULT 'tthc_other' CHECK (${SCOPE_CLASS_CHECK})`);
  const { rows } = await client.query<{ seq: number; kind: string; components: Components | null }>('SELECT seq, kind, components FROM regulations');
  if (rows.length === 0) return;
  await client.query(
    `UPDATE regulations AS r SET scope_class = f.scope_class
     FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, scope_class text) WHERE r.seq = f.seq`,
    [JSON.stringify(rows.map((row) => ({ seq: row.seq, scope_class: storedScopeClass(row.kind, row.components) })))],
  );
}
