import { expect, it } from 'vitest';
import { feePerCase } from '../../../shared/domain/methodTerms';
import { atSchemaVersion, describePostgres, insertDraftD } from '../../../test/pg/database';
import { ROWS_BEFORE_0310 } from '../../../test/unit/methodTermsRows';

describePostgres('a time limit and fee per filing method (PostgreSQL migration 0310)', () => {
  it('copies the single time limit and fees to every listed method, as SQLite does', async () => {
    await atSchemaVersion(300, async (client, migrateTo) => {
      await insertDraftD(client);
      for (const [position, { id, components }] of ROWS_BEFORE_0310.entries()) {
        await client.query(
          `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, created_at, updated_at)
           VALUES ($1, 'd', $2, 'tthc', 'amended', 'Cấp giấy phép', $3, 'x', 'x')`,
          [id, position, JSON.stringify(components)],
        );
      }
      await migrateTo(310);
      for (const { id, components, after } of ROWS_BEFORE_0310) {
        const { rows } = await client.query<{ components: never }>('SELECT components FROM regulations WHERE id = $1', [id]);
        expect(rows[0]!.components, id).toEqual(after);
        expect(feePerCase(rows[0]!.components), id).toBe(feePerCase(components));
      }
    });
  });
});
