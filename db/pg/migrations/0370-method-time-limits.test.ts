import { expect, it } from 'vitest';
import { atSchemaVersion, describePostgres, insertDraftD } from '../../../test/pg/database';
import { METHOD_COLUMNS, ROWS_BEFORE_0370, storedPairs } from '../../../test/unit/methodPairRows';

describePostgres('each filing method\'s time limits stored beside the regulation (PostgreSQL migration 0370)', () => {
  it('fills the pairs of existing regulations method by method, as SQLite does', async () => {
    await atSchemaVersion(360, async (client, migrateTo) => {
      await insertDraftD(client);
      for (const [position, { id, change, components, baseline }] of ROWS_BEFORE_0370.entries()) {
        await client.query(
          `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
           VALUES ($1, 'd', $2, 'tthc', $3, 'Cấp giấy phép', $4, $5, 'x', 'x')`,
          [id, position, change, JSON.stringify(components), baseline === null ? null : JSON.stringify(baseline)],
        );
      }
      await migrateTo(370);
      for (const { id, after } of ROWS_BEFORE_0370) {
        const { rows } = await client.query<Record<string, number | null>>(`SELECT ${METHOD_COLUMNS.join(', ')} FROM regulations WHERE id = $1`, [id]);
        expect(storedPairs(rows[0]!), id).toEqual(after);
      }
    });
  });
});
