// The SQLite store's transactions: one at a time on the one connection, all or nothing, and a transaction's own
// nested calls joining it instead of waiting behind it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Repositories, Store } from '../port';
import { openSqliteStore, sqliteHandleOf } from './store';

const DRAFT = { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null } as const;
const NOW = { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' };
const draftId = (serial: number) => `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
const insertDraft = (repos: Repositories, serial: number) => repos.drafts.insert({ ...DRAFT, id: draftId(serial) }, NOW);
const count = (store: Store) => store.read((repos) => repos.drafts.count());
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the SQLite store', () => {
  it('commits a transaction whole, and writes nothing of one that throws', async () => {
    const store = openSqliteStore(':memory:');
    await store.tx(async (repos) => {
      await insertDraft(repos, 1);
      await insertDraft(repos, 2);
    });
    const failure = store.tx(async (repos) => {
      await insertDraft(repos, 3);
      throw new Error('refused halfway');
    });
    await expect(failure).rejects.toThrow('refused halfway');
    expect(await count(store)).toBe(2);
    expect(sqliteHandleOf(store).inTransaction).toBe(false);
  });

  it('runs one transaction at a time: a read asked for while a write awaits never sees its uncommitted rows', async () => {
    const store = openSqliteStore(':memory:');
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const write = store.tx(async (repos) => {
      await insertDraft(repos, 1);
      await paused; // the write is open here, its row not yet committed
      await insertDraft(repos, 2);
    });
    await tick();
    const seen = count(store);
    await tick();
    release();
    await write;
    // The read waited for the write to finish, so it sees both rows or (had it run first) neither: never one.
    expect(await seen).toBe(2);
  });

  it('lets a read or a write called inside a transaction join it, a failing inner write undoing only itself', async () => {
    const store = openSqliteStore(':memory:');
    const seenInside = await store.tx(async (repos) => {
      await insertDraft(repos, 1);
      const inner = await store.read((nested) => nested.drafts.count());
      await expect(
        store.tx(async (nested) => {
          await insertDraft(nested, 2);
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
      await store.tx((nested) => insertDraft(nested, 3));
      return inner;
    });
    expect(seenInside).toBe(1);
    expect(await store.read((repos) => repos.drafts.allIds())).toEqual([draftId(1), draftId(3)]);
  });

  it('refuses a write started inside a read', async () => {
    const store = openSqliteStore(':memory:');
    await expect(store.read(() => store.tx((repos) => insertDraft(repos, 1)))).rejects.toThrow(/inside a read/);
    expect(await count(store)).toBe(0);
  });

  it('keeps counting what it wrote across a restore, and closes only after the work under way', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tthc-store-')), 'tthc.sqlite');
    const store = openSqliteStore(path);
    await store.tx((repos) => insertDraft(repos, 1));
    const copy = await store.backups!.take('manual', new Date());
    const before = store.writeCount();
    expect(before).toBeGreaterThan(0);
    await store.tx((repos) => insertDraft(repos, 2));
    await store.backups!.restore(copy.path, new Date());
    expect(store.writeCount()).toBeGreaterThan(before);
    expect(await count(store)).toBe(1);
    const pending = store.tx((repos) => insertDraft(repos, 3));
    await store.close();
    await pending;
    expect(sqliteHandleOf(store).open).toBe(false);
  });
});
