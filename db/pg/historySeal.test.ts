// Issue 23, item 3 on PostgreSQL: each tamper of defect 3 is seen by verify (test/unit/sealedHistory.ts) and an
// untampered history of 10 000 events verifies, the database changed through its own connection as its owner could.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../test/pg/database';
import { checkpointSays, GUARDS, oneMoreStep, removeWholeDraft, TAMPERS, withAppraisedDraft, type RawDatabase } from '../../test/unit/sealedHistory';
import { historyKeyId } from '../common/historySeal';
import type { Store } from '../port';
import { restorePgDatabase } from './backups';
import { openPgStore } from './store';

const opened: Array<{ database: TestDatabase; store: Store }> = [];
afterEach(async () => {
  for (const { database, store } of opened.splice(0)) {
    await store.close();
    await database.drop();
  }
});

const rawOf = (database: TestDatabase): RawDatabase => ({
  run: async (sql, params = []) => void (await database.pool.query(sql, params)),
  rows: async <T>(sql: string, params: unknown[] = []) => (await database.pool.query(sql, params)).rows as T[],
  async withoutTrigger(table, trigger, work) {
    await database.pool.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    try {
      await work();
    } finally {
      await database.pool.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    }
  },
});

async function appraised(historyKey = randomBytes(32)) {
  const database = await createTestDatabase();
  const store = await openPgStore(database.url, { poolSize: 2, historyKey });
  opened.push({ database, store });
  await withAppraisedDraft(store);
  return { database, store };
}

describePostgres('the sealed history on PostgreSQL', () => {
  it('verifies whole when nothing was changed behind the app’s back', async () => {
    const { store } = await appraised();
    expect(await store.verify()).toMatchObject({ ok: true, integrityProblems: [], history: { firstBroken: null, sealProblems: [] } });
  });

  for (const tamper of TAMPERS) {
    it(`sees ${tamper.name}`, async () => {
      const { database, store } = await appraised();
      await tamper.apply(rawOf(database));
      const check = await store.verify();
      expect(check.ok).toBe(false);
      tamper.seen(check);
    });
  }

  it('sees each guard trigger dropped alone', async () => {
    const { database, store } = await appraised();
    for (const { table, trigger } of GUARDS) {
      await database.pool.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
      const check = await store.verify();
      expect(check.ok).toBe(false);
      expect(check.integrityProblems).toEqual([expect.stringContaining(`Thiếu trigger ${trigger}`)]);
      await database.pool.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    }
  });

  it('sees a database sealed with another installation’s key', async () => {
    const theirs = randomBytes(32);
    const { database } = await appraised(theirs);
    const ours = await openPgStore(database.url, { poolSize: 1, historyKey: randomBytes(32) });
    try {
      const check = await ours.verify();
      expect(check.ok).toBe(false);
      expect(check.history.sealProblems[0]).toContain(`khóa mã ${historyKeyId(theirs)}`);
    } finally {
      await ours.close();
    }
  });

  it('an untampered history of 10 000 events verifies', async () => {
    const database = await createTestDatabase();
    const store = await openPgStore(database.url, { poolSize: 2, historyKey: randomBytes(32) });
    opened.push({ database, store });
    const ids = Array.from({ length: 100 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    await store.tx(async (repos) => {
      for (const [index, id] of ids.entries()) {
        await repos.drafts.insert(
          { id, docType: 'nghi_dinh', title: `Dự thảo ${index}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
          { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' },
        );
      }
    });
    // A hundred transactions of a hundred events, each across every draft, as an import's batches append them.
    for (let batch = 0; batch < 100; batch += 1) {
      await store.tx((repos) =>
        repos.exchange.apply(
          ids.map((id, index) => ({
            kind: 'appendEvent' as const,
            draftId: id,
            event: { at: new Date(Date.UTC(2024, 0, 2, 0, batch, index % 60)).toISOString(), action: 'submit_for_appraisal' as const, actor: 'Nguyễn Văn A', role: 'drafter' as const, note: `bước ${batch}` },
          })),
          { at: '2024-01-10T08:00:00.000Z', by: 'Nguyễn Văn A' },
        ),
      );
    }
    expect(await store.verify()).toMatchObject({ ok: true, history: { checkedEvents: 10_000, firstBroken: null, sealProblems: [] } });
  }, 180_000);
});

describePostgres('the history’s checkpoint outside the database (PostgreSQL)', () => {
  const historyKey = randomBytes(32);
  const folder = () => mkdtempSync(join(tmpdir(), 'tthc-checkpoint-'));

  it('sees a whole draft removed, its chain and seal with it, once a checkpoint remembers it', async () => {
    const database = await createTestDatabase();
    const store = await openPgStore(database.url, { poolSize: 2, historyKey, historyCheckpointFile: join(folder(), 'checkpoint.json') });
    opened.push({ database, store });
    await withAppraisedDraft(store);
    expect(await store.checkpointHistory(new Date('2024-01-10T09:00:00Z'))).toBe(true);
    expect((await store.verify()).ok).toBe(true);
    await removeWholeDraft(rawOf(database));
    checkpointSays(/không còn lịch sử xử lý nào/)(await store.verify());
    expect(await store.checkpointHistory(new Date('2024-01-11T09:00:00Z'))).toBe(false);
    checkpointSays(/không còn lịch sử xử lý nào/)(await store.verify());
  });

  it('writes the daily checkpoint on the day’s first start only, and moves it on the next day', async () => {
    const database = await createTestDatabase();
    const historyCheckpointFile = join(folder(), 'checkpoint.json');
    const store = await openPgStore(database.url, { poolSize: 2, historyKey, historyCheckpointFile });
    opened.push({ database, store });
    await withAppraisedDraft(store);
    const writtenAt = () => JSON.parse(readFileSync(historyCheckpointFile, 'utf8')).at;
    expect(await store.checkpointHistory(new Date(2024, 0, 10, 8), 'daily')).toBe(true);
    await oneMoreStep(store);
    expect(await store.checkpointHistory(new Date(2024, 0, 10, 17), 'daily')).toBe(false);
    expect(writtenAt()).toBe(new Date(2024, 0, 10, 8).toISOString());
    expect(await store.checkpointHistory(new Date(2024, 0, 11, 8), 'daily')).toBe(true);
    expect(writtenAt()).toBe(new Date(2024, 0, 11, 8).toISOString());
  });

  it('sees the database put back from an older dump behind the app’s back, and takes a restore made through the app as the new checkpoint', async () => {
    const dir = folder();
    const database = await createTestDatabase();
    const options = { poolSize: 2, historyKey, historyCheckpointFile: join(dir, 'checkpoint.json'), backupFolder: join(dir, 'copies') };
    const older = join(dir, 'older.dump');
    const first = await openPgStore(database.url, options);
    await withAppraisedDraft(first);
    await first.backups!.writeTo(older);
    await oneMoreStep(first);
    expect(await first.checkpointHistory(new Date('2024-01-11T09:00:00Z'))).toBe(true);
    await first.close();

    await restorePgDatabase(database.url, older);
    const store = await openPgStore(database.url, options);
    opened.push({ database, store });
    checkpointSays(/nay còn \d+ và lịch sử không còn đi qua bước #\d+/)(await store.verify());
    // What tthc restore does once it has put the copy back (main/app.ts restoreDatabase).
    expect(await store.checkpointHistory(new Date('2024-01-12T09:00:00Z'), 'replace')).toBe(true);
    expect(await store.verify()).toMatchObject({ ok: true, history: { sealProblems: [] } });
  }, 120_000);
});
