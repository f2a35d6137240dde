// Issue 23, item 3 on SQLite: each tamper of defect 3 is seen by verify (test/unit/sealedHistory.ts), an untampered
// history of 10 000 events verifies, and a history stored before the seals is sealed once when first opened with a key.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOW_IDS } from '../../test/fixtures/workflowDossier';
import { checkpointSays, GUARDS, oneMoreStep, removeWholeDraft, sqliteRawOf, TAMPERS, withAppraisedDraft } from '../../test/unit/sealedHistory';
import type { Store } from '../port';
import { historyKeyId } from '../common/historySeal';
import { openSqliteStore, sqliteHandleOf } from './store';

const rawOf = sqliteRawOf;

const appraised = (store: Store = openSqliteStore(':memory:')) => withAppraisedDraft(store);

describe('the sealed history on SQLite', () => {
  it('verifies whole when nothing was changed behind the app’s back', async () => {
    const check = await (await appraised()).verify();
    expect(check).toMatchObject({ ok: true, integrityProblems: [], history: { firstBroken: null, sealProblems: [] } });
  });

  for (const tamper of TAMPERS) {
    it(`sees ${tamper.name}`, async () => {
      const store = await appraised();
      await tamper.apply(rawOf(store));
      const check = await store.verify();
      expect(check.ok).toBe(false);
      tamper.seen(check);
    });
  }

  for (const { table, trigger } of GUARDS) {
    it(`sees the trigger ${trigger} dropped alone`, async () => {
      const store = await appraised();
      sqliteHandleOf(store).exec(`DROP TRIGGER ${trigger}`);
      const check = await store.verify();
      expect(check.ok).toBe(false);
      expect(check.integrityProblems, table).toEqual([expect.stringContaining(`Thiếu trigger ${trigger}`)]);
    });
  }

  it('sees a database sealed with another installation’s key', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tthc-seal-')), 'tthc.sqlite');
    const theirs = randomBytes(32);
    const store = await appraised(openSqliteStore(path, { historyKey: theirs }));
    await store.close();
    const ours = openSqliteStore(path, { historyKey: randomBytes(32) });
    const check = await ours.verify();
    expect(check.ok).toBe(false);
    expect(check.history.sealProblems[0]).toContain(`khóa mã ${historyKeyId(theirs)}`);
    await ours.close();
  });

  it('an untampered history of 10 000 events verifies', async () => {
    const store = openSqliteStore(':memory:');
    const drafts = 100;
    await store.tx(async (repos) => {
      for (let index = 0; index < drafts; index += 1) {
        const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
        await repos.drafts.insert(
          { id, docType: 'nghi_dinh', title: `Dự thảo ${index}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
          { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' },
        );
      }
    });
    // A hundred transactions of a hundred events, each across every draft.
    for (let batch = 0; batch < 100; batch += 1) {
      await store.tx(async (repos) => {
        for (let index = 0; index < drafts; index += 1) {
          const at = new Date(Date.UTC(2024, 0, 2, 0, batch, index % 60)).toISOString();
          await repos.events.append(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, { at, action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter', note: `bước ${batch}` });
        }
      });
    }
    const check = await store.verify();
    expect(check).toMatchObject({ ok: true, history: { checkedEvents: 10_000, firstBroken: null, sealProblems: [] } });
  });

  it('seals a history stored before the seals once, when first opened with a key, and never again', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tthc-seal-')), 'tthc.sqlite');
    const key = randomBytes(32);
    const store = await appraised(openSqliteStore(path, { historyKey: key }));
    const db = sqliteHandleOf(store);
    // As a database at schema 260 had it: no checkpoints, and the row migration 0270 leaves asking for them.
    db.exec("UPDATE event_chain_heads SET event_count = 0, state_digest = '', seal = ''; UPDATE history_seal SET key_id = '', sealed_at = ''");
    await store.close();
    const reopened = openSqliteStore(path, { historyKey: key });
    expect(await reopened.verify()).toMatchObject({ ok: true, history: { sealProblems: [] } });
    const record = sqliteHandleOf(reopened).prepare<[], { key_id: string; drafts: number }>('SELECT key_id, drafts FROM history_seal').get();
    expect(record).toEqual({ key_id: historyKeyId(key), drafts: 1 });
    // Blanking the seals again does not get them made again: that would launder an edit.
    sqliteHandleOf(reopened).exec("UPDATE event_chain_heads SET seal = ''");
    await reopened.close();
    const again = openSqliteStore(path, { historyKey: key });
    expect((await again.verify()).history.sealProblems).toEqual([expect.stringContaining('chưa được niêm phong')]);
    await again.close();
  });
});

describe('the history’s checkpoint outside the database (SQLite)', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'tthc-checkpoint-'));
  const historyKey = randomBytes(32);

  it('sees a whole draft removed, its chain and seal with it, once a checkpoint remembers it', async () => {
    const historyCheckpointFile = join(folder(), 'checkpoint.json');
    const store = await appraised(openSqliteStore(':memory:', { historyKey, historyCheckpointFile }));
    expect(await store.checkpointHistory(new Date('2024-01-10T09:00:00Z'))).toBe(true);
    expect((await store.verify()).ok).toBe(true);
    await removeWholeDraft(rawOf(store));
    checkpointSays(/không còn lịch sử xử lý nào/)(await store.verify());
    // The checkpoint is not moved onto the gap: the next start leaves it, and verify keeps naming it.
    expect(await store.checkpointHistory(new Date('2024-01-11T09:00:00Z'))).toBe(false);
    checkpointSays(/không còn lịch sử xử lý nào/)(await store.verify());
  });

  it('writes the daily checkpoint on the day’s first start only, and moves it on the next day', async () => {
    const historyCheckpointFile = join(folder(), 'checkpoint.json');
    const store = await appraised(openSqliteStore(':memory:', { historyKey, historyCheckpointFile }));
    expect(await store.checkpointHistory(new Date(2024, 0, 10, 8), 'daily')).toBe(true);
    await oneMoreStep(store);
    expect(await store.checkpointHistory(new Date(2024, 0, 10, 17), 'daily')).toBe(false);
    expect(JSON.parse(readFileSync(historyCheckpointFile, 'utf8')).at).toBe(new Date(2024, 0, 10, 8).toISOString());
    expect(await store.checkpointHistory(new Date(2024, 0, 11, 8), 'daily')).toBe(true);
    expect(JSON.parse(readFileSync(historyCheckpointFile, 'utf8')).at).toBe(new Date(2024, 0, 11, 8).toISOString());
  });

  it('sees the database file put back from an older copy, and takes a restore made through the app as the new checkpoint', async () => {
    const dir = folder();
    const path = join(dir, 'tthc.sqlite');
    const options = { historyKey, historyCheckpointFile: join(dir, 'checkpoint.json') };
    const older = join(dir, 'older.sqlite');
    let store = await appraised(openSqliteStore(path, options));
    await store.backups!.writeTo(older);
    await oneMoreStep(store);
    expect(await store.checkpointHistory(new Date('2024-01-11T09:00:00Z'))).toBe(true);
    await store.close();

    // The older copy put in place behind the app's back: every seal in it still matches.
    for (const companion of ['-wal', '-shm']) rmSync(`${path}${companion}`, { force: true });
    copyFileSync(older, path);
    store = openSqliteStore(path, options);
    checkpointSays(/nay còn \d+ và lịch sử không còn đi qua bước #\d+/)(await store.verify());

    // The same copy restored through the app: a rollback on purpose, vouched for from then on.
    await store.backups!.restore(older, new Date('2024-01-12T09:00:00Z'));
    expect(await store.verify()).toMatchObject({ ok: true, history: { sealProblems: [] } });
    await store.close();
  });

  it('refuses to restore a copy whose history the seals do not vouch for, and keeps the current database', async () => {
    const dir = folder();
    const path = join(dir, 'tthc.sqlite');
    const store = await appraised(openSqliteStore(path, { historyKey }));
    const doctored = join(dir, 'doctored.sqlite');
    await store.backups!.writeTo(doctored);
    const copy = openSqliteStore(doctored, { historyKey });
    await rawOf(copy).run("UPDATE drafts SET status = 'issued' WHERE id = $1", [FLOW_IDS.draft]);
    await copy.close();
    for (const companion of ['-wal', '-shm']) rmSync(`${doctored}${companion}`, { force: true });

    await expect(store.backups!.restore(doctored, new Date())).rejects.toThrow(/không khớp niêm phong.*trạng thái hoặc ý kiến đã ban hành khác/);
    expect(await store.verify()).toMatchObject({ ok: true });
    expect((await store.read((repos) => repos.drafts.findById(FLOW_IDS.draft)))?.status).toBe('appraised');
    await store.close();
  });
});
