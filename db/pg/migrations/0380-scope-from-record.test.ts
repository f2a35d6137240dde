import { expect, it } from 'vitest';
import { atSchemaVersion, describePostgres, insertDraftD } from '../../../test/pg/database';
import { CATALOGUE_BEFORE_0380, ROWS_BEFORE_0380, SCOPE_FIGURES_0380, SCOPE_SUMS_SQL, sumsByScope } from '../../../test/unit/scopeRows';

describePostgres('a procedure stating no subjects takes its scope from its published record (PostgreSQL migration 0380)', () => {
  it('moves the abolition of a traders’ licence into the business-related procedures, keeps own subjects, and changes the figures as on SQLite', async () => {
    await atSchemaVersion(370, async (client, migrateTo) => {
      await insertDraftD(client);
      for (const procedure of CATALOGUE_BEFORE_0380) {
        await client.query(
          `INSERT INTO catalogue_procedures (code, name, field, level, publication_decision, record, imported_at) VALUES ($1, $2, $3, $4, $5, $6, 'x')`,
          [procedure.code, procedure.name, procedure.field, procedure.level, procedure.publicationDecision, JSON.stringify(procedure)],
        );
      }
      for (const [position, { id, change, code, components, baseline, proposed, before }] of ROWS_BEFORE_0380.entries()) {
        await client.query(
          `INSERT INTO regulations (id, draft_id, position, kind, change, national_code, name, components, annual_baseline_cost, annual_proposed_cost, scope_class, created_at, updated_at)
           VALUES ($1, 'd', $2, 'tthc', $3, $4, 'Thủ tục', $5, $6, $7, $8, 'x', 'x')`,
          [id, position, change, code, JSON.stringify(components), baseline, proposed, before],
        );
      }
      const figures = async () => sumsByScope((await client.query<{ scope_class: string; baseline: number; proposed: number }>(SCOPE_SUMS_SQL)).rows);
      expect(await figures()).toEqual(SCOPE_FIGURES_0380.before);

      await migrateTo(380);
      for (const { id, after } of ROWS_BEFORE_0380) {
        const { rows } = await client.query<{ scope_class: string }>('SELECT scope_class FROM regulations WHERE id = $1', [id]);
        expect(rows[0]!.scope_class, id).toBe(after);
      }
      expect(await figures()).toEqual(SCOPE_FIGURES_0380.after);
    });
  });
});
