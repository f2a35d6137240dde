import { expect, it } from 'vitest';
import { createTestDatabase, describePostgres } from '../../../test/pg/database';
import { METHOD_COLUMNS, ROWS_BEFORE_0370, storedPairs } from '../../../test/unit/methodPairRows';
import { withClient } from '../connection';
import { migratePostgres } from '../migrate';

describePostgres('each filing method\'s time limits stored beside the regulation (PostgreSQL migration 0370)', () => {
  it('fills the pairs of existing regulations method by method, as SQLite does', async () => {
    const database = await createTestDatabase({ migrated: false });
    try {
      await withClient(database.url, async (client) => {
        await migratePostgres(client, undefined, 360);
        await client.query(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
          VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', false, 'drafting', 'x', 'x')`);
        for (const [position, { id, change, components, baseline }] of ROWS_BEFORE_0370.entries()) {
          await client.query(
            `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
             VALUES ($1, 'd', $2, 'tthc', $3, 'Cấp giấy phép', $4, $5, 'x', 'x')`,
            [id, position, change, JSON.stringify(components), baseline === null ? null : JSON.stringify(baseline)],
          );
        }
        await migratePostgres(client, undefined, 370);
        for (const { id, after } of ROWS_BEFORE_0370) {
          const { rows } = await client.query<Record<string, number | null>>(`SELECT ${METHOD_COLUMNS.join(', ')} FROM regulations WHERE id = $1`, [id]);
          expect(storedPairs(rows[0]!), id).toEqual(after);
        }
      });
    } finally {
      await database.drop();
    }
  });
});
