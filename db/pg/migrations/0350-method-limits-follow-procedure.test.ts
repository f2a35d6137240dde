import { expect, it } from 'vitest';
import type { Components } from '../../../shared/domain/dossier';
import { atSchemaVersion, describePostgres, insertDraftD } from '../../../test/pg/database';
import { ROWS_BEFORE_0350, readFromMethods } from '../../../test/unit/methodLimitRows';

describePostgres('a filing method follows the procedure’s time limit it had copied (PostgreSQL migration 0350)', () => {
  it('clears each copy equal to the procedure’s limit and keeps a limit of the method’s own, as SQLite does', async () => {
    await atSchemaVersion(340, async (client, migrateTo) => {
      await insertDraftD(client);
      for (const [position, { id, components, baseline }] of ROWS_BEFORE_0350.entries()) {
        await client.query(
          `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
           VALUES ($1, 'd', $2, 'tthc', 'amended', 'Cấp giấy phép', $3, $4, 'x', 'x')`,
          [id, position, JSON.stringify(components), baseline ? JSON.stringify(baseline) : null],
        );
      }
      await migrateTo(350);
      for (const { id, components, baseline, after } of ROWS_BEFORE_0350) {
        const { rows } = await client.query<{ components: Components }>('SELECT components FROM regulations WHERE id = $1', [id]);
        expect(rows[0]!.components, id).toEqual(after);
        expect(readFromMethods(rows[0]!.components, baseline), id).toEqual(readFromMethods(components, baseline));
      }
    });
  });
});
