import { expect, it } from 'vitest';
import { atSchemaVersion, describePostgres, insertDraftD } from '../../../test/pg/database';
import { ROWS_BEFORE_0340 } from '../../../test/unit/methodTimeLimitRows';

describePostgres('the time-limit cut compared method by method (PostgreSQL migration 0340)', () => {
  it('recomputes the stored pair of a regulation whose methods state their own time limit, as SQLite does', async () => {
    await atSchemaVersion(330, async (client, migrateTo) => {
      await insertDraftD(client);
      for (const [position, { id, components, baseline, stored }] of ROWS_BEFORE_0340.entries()) {
        await client.query(
          `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, time_limit_before, time_limit_after, created_at, updated_at)
           VALUES ($1, 'd', $2, 'tthc', 'amended', 'Cấp giấy phép', $3, $4, $5, $6, 'x', 'x')`,
          [id, position, JSON.stringify(components), JSON.stringify(baseline), ...stored],
        );
      }
      await migrateTo(340);
      for (const { id, after } of ROWS_BEFORE_0340) {
        const { rows } = await client.query<{ before: number; after: number }>('SELECT time_limit_before AS before, time_limit_after AS after FROM regulations WHERE id = $1', [id]);
        expect([rows[0]!.before, rows[0]!.after], id).toEqual(after);
      }
    });
  });
});
