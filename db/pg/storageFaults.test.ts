// Issue 23, item 5 on PostgreSQL: a database made read-only (default_transaction_read_only, as a standby or a server
// put in read-only mode answers) and a lock another session holds. Each failure is one the dispatcher says in
// Vietnamese (storage / busy), nothing is written, and the same store writes again once the cause is gone. A full disk
// (SQLSTATE 53100) is classified the same way but not made here: the test cluster's disk is the machine's.
import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { openPgStore } from './store';

const DRAFT = { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null } as const;
const draftId = (serial: number) => `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
const STAMP = { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' };

describePostgres('a write PostgreSQL cannot take', () => {
  const database = useTestDatabase();
  const databaseName = () => new URL(database.url).pathname.slice(1);
  // In a transaction of its own that may write, whatever the session's default has become.
  const writable = () => database.pool.query(`BEGIN READ WRITE; ALTER DATABASE "${databaseName()}" RESET default_transaction_read_only; COMMIT`);
  const draftCount = async () => Number((await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM drafts')).rows[0]!.n);

  it('a read-only database: refused as read_only, nothing written; the same store writes once it is writable again', async () => {
    // Idle connections close at once, so that the next write opens a session under the database's new settings.
    const store = await openPgStore(database.url, { poolSize: 2, idleTimeoutMillis: 20 });
    try {
      await store.tx((repos) => repos.drafts.insert({ ...DRAFT, id: draftId(1) }, STAMP));
      await database.pool.query(`ALTER DATABASE "${databaseName()}" SET default_transaction_read_only = on`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const error = await store.tx((repos) => repos.drafts.insert({ ...DRAFT, id: draftId(2) }, STAMP)).catch((e: unknown) => e);
      expect(store.failures.storageRefusal(error)).toBe('read_only');
      expect(await draftCount()).toBe(1);

      // The session that was refused is not reused: the next one writes as the database now allows.
      await writable();
      await store.tx((repos) => repos.drafts.insert({ ...DRAFT, id: draftId(2) }, STAMP));
      expect(await draftCount()).toBe(2);
    } finally {
      await writable();
      await store.close();
    }
  });

  it('a lock another session holds: the write fails as busy after the lock timeout instead of hanging, then succeeds', async () => {
    const store = await openPgStore(database.url, { poolSize: 2, lockTimeoutMs: 300 });
    const holder = await database.pool.connect();
    const before = await draftCount();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE drafts IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const error = await store.tx((repos) => repos.drafts.insert({ ...DRAFT, id: draftId(3) }, STAMP)).catch((e: unknown) => e);
      expect(store.failures.isBusy(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(5_000);
      await holder.query('COMMIT');
      expect(await draftCount()).toBe(before);
      await store.tx((repos) => repos.drafts.insert({ ...DRAFT, id: draftId(3) }, STAMP));
      expect(await draftCount()).toBe(before + 1);
    } finally {
      holder.release();
      await store.close();
    }
  });
});
