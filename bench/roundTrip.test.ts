// The "Done when" round trip at a small size: the bench dossier through `tthc import`/`tthc export` on SQLite and on
// PostgreSQL gives the same bytes (`npx tsx bench/roundTrip.ts` runs it at 10.000 drafts and names any byte that differs).
import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../test/pg/database';
import { firstDifference, roundTrip } from './roundTrip';

describePostgres('the bench dossier’s round trip', () => {
  const database = useTestDatabase();

  // PostgreSQL's jsonb gives an assessment's keys back in an order of its own; the export writes them in the contract's.
  it('exports from PostgreSQL, byte for byte, what SQLite exports after the same import', async () => {
    const result = await roundTrip(30, database.url, { largeDrafts: false });
    expect(result.firstDifference).toBeNull();
    expect(result.postgresBytes).toBe(result.sqliteBytes);
    expect(result.sqliteBytes).toBeGreaterThan(100_000);
  });

  it('names the first difference and the record it falls in', () => {
    // Indented as the export is.
    const base = JSON.stringify({ drafts: [{ id: 'd1', regulations: [{ id: 'r1', name: 'Cấp giấy phép' }] }] }, null, 2);
    expect(firstDifference(base, base)).toBeNull();
    const changed = base.replace('Cấp giấy', 'Cấp lại giấy');
    expect(firstDifference(base, changed)).toMatch(new RegExp(`^ký tự thứ ${base.indexOf('giấy')} \\(trong bản ghi r1\\)`));
  });
});
