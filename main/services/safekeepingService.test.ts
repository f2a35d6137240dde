import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/domain/dossier';
import { createApiClient } from '../../shared/contract/client';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi, sqliteHandleOf, TEST_ENGINE } from '../../test/unit/helpers';
import { openBackend } from '../app';

const id = (serial: number) => `7a1b2c3d-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
const DRAFT = id(1);
const KEPT = id(2);
const TRASHED = id(3);

/** A draft back with its drafter (returned after appraisal), two assessed and appraised procedures. */
function returnedDraft(): Dossier {
  const regulation = (regulationId: string, name: string, opinionId: string) => ({
    id: regulationId,
    kind: 'tthc' as const,
    change: 'new' as const,
    name,
    components: {},
    assessment: { template: '2010', completedAt: '2023-11-03', answers: {} },
    opinions: [{ id: opinionId, stage: 'appraisal' as const, verdict: 'amend' as const, issuedAt: '2023-11-10', by: 'Bộ Tư pháp', components: ['dossier' as const], text: 'Sửa hồ sơ.' }],
  });
  return {
    format: 'tthc-dossier',
    version: 1,
    exportedAt: '2023-11-30T10:00:00+07:00',
    exportedBy: { agency: 'Bộ Tư pháp', role: 'drafter' },
    drafts: [
      {
        id: DRAFT,
        docType: 'nghi_dinh',
        title: 'Nghị định về hộ tịch',
        draftingAgency: 'Bộ Tư pháp',
        submittedToGovernment: true,
        status: 'drafting',
        issuedAt: null,
        events: [],
        regulations: [regulation(KEPT, 'Đăng ký khai sinh', id(10)), regulation(TRASHED, 'Đăng ký kết hôn', id(11))],
      },
    ],
  } as Dossier;
}

async function setUp(role: 'drafter' | 'appraiser' = 'drafter') {
  const { api, ctx } = await createTestApi();
  await api.importDossier({ dossier: returnedDraft() });
  await api.saveProfile({ agency: 'Bộ Tư pháp', role, officerName: 'Nguyễn Văn A' });
  return { api, ctx };
}

type Api = Awaited<ReturnType<typeof setUp>>['api'];

/** Everything that counts or lists regulations, by name. */
async function everywhere(api: Api) {
  const november = { from: '2023-11-01', to: '2023-11-30' };
  const report = (await api.periodReport(november)).report;
  const exported = (await api.exportDossier({})) as Dossier;
  return {
    listCount: (await api.listDrafts({})).items[0]?.regulationCount,
    draft: (await api.getDraft({ id: DRAFT })).regulations.map((regulation) => regulation.name),
    searchAll: (await api.searchRegulations({ text: '' })).total,
    search: (await api.searchRegulations({ text: 'ket hon' })).total,
    assessed: report.assessment.regulations,
    appraised: report.appraisal.regulations,
    exported: exported.drafts[0]!.regulations.map((regulation) => regulation.name),
    workflow: (await api.getWorkflow({ draftId: DRAFT })).snapshot.regulations.map((regulation) => regulation.name),
    opinions: (await api.getDraftOpinions({ draftId: DRAFT })).regulations.map((regulation) => regulation.name),
  };
}

describe('the trash of regulations', () => {
  // SQLite-only: counts rows behind the API on the SQLite connection; the API half runs on both engines in other suites.
  it.skipIf(TEST_ENGINE !== 'sqlite')('leaves every list, search, count, report and export, keeps its opinions, and comes back whole', async () => {
    const { api, ctx } = await setUp();
    const db = sqliteHandleOf(ctx.store);
    const before = await everywhere(api);
    expect(before).toMatchObject({ listCount: 2, searchAll: 2, search: 1, assessed: 2, appraised: 2 });

    await api.deleteRegulation({ id: TRASHED });
    expect(await everywhere(api)).toEqual({
      listCount: 1,
      draft: ['Đăng ký khai sinh'],
      searchAll: 1,
      search: 0,
      assessed: 1,
      appraised: 1,
      exported: ['Đăng ký khai sinh'],
      workflow: ['Đăng ký khai sinh'],
      opinions: ['Đăng ký khai sinh'],
    });
    expect((await rejection(api.getRegulation({ id: TRASHED }))).code).toBe('not_found');
    expect(db.prepare('SELECT count(*) AS n FROM opinions WHERE regulation_id = ?').get(TRASHED)).toEqual({ n: 1 });
    const trash = (await api.listTrashedRegulations({ draftId: DRAFT })).items;
    expect(trash).toMatchObject([{ id: TRASHED, name: 'Đăng ký kết hôn', deletedBy: 'Nguyễn Văn A' }]);
    // Recorded in the draft's own history, which stays chained.
    const actions = db.prepare<[string], { action: string; note: string }>('SELECT action, note FROM events WHERE draft_id = ? ORDER BY seq').all(DRAFT);
    expect(actions).toEqual([{ action: 'trash_regulation', note: `«Đăng ký kết hôn» (mã ${TRASHED})` }]);
    expect((await api.verifyDatabase({})).ok).toBe(true);

    await api.restoreRegulation({ id: TRASHED });
    expect(await everywhere(api)).toEqual(before);
    expect((await api.listTrashedRegulations({ draftId: DRAFT })).items).toEqual([]);
    expect((await api.getRegulation({ id: TRASHED })).opinions).toHaveLength(1);
  });

  // SQLite-only: moves the draft's status by raw SQL on the SQLite connection.
  it.skipIf(TEST_ENGINE !== 'sqlite')('is only for the drafter while drafting, and a refusal changes nothing', async () => {
    const appraiser = await setUp('appraiser');
    const refused = await rejection(appraiser.api.deleteRegulation({ id: TRASHED }));
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Chỉ «Cơ quan chủ trì soạn thảo» được xóa TTHC\/QĐKD/) });
    expect((await appraiser.api.getDraft({ id: DRAFT })).regulations).toHaveLength(2);

    const { api, ctx } = await setUp();
    const db = sqliteHandleOf(ctx.store);
    db.prepare("UPDATE drafts SET status = 'assessed' WHERE id = ?").run(DRAFT);
    const late = await rejection(api.deleteRegulation({ id: TRASHED }));
    expect(late).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Đang soạn thảo.*Đã đánh giá tác động/) });
    expect((await api.getDraft({ id: DRAFT })).regulations).toHaveLength(2);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
  });

  it('is neither emptied nor undone by importing a file that still holds the regulation', async () => {
    const { api } = await setUp();
    await api.deleteRegulation({ id: TRASHED });
    const file = returnedDraft();
    const report = await api.importDossier({ dossier: file });
    expect(report.conflicts).toEqual([{ path: 'drafts[0].regulations[1]', message: expect.stringMatching(/đang ở thùng rác/) }]);
    expect((await api.getDraft({ id: DRAFT })).regulations.map((regulation) => regulation.name)).toEqual(['Đăng ký khai sinh']);
    expect((await api.listTrashedRegulations({ draftId: DRAFT })).items).toHaveLength(1);
  });
});

/** Everything that lists or counts drafts, or the regulations in them. */
async function everyDraftList(api: Api) {
  const november = { from: '2023-11-01', to: '2023-11-30' };
  const report = (await api.periodReport(november)).report;
  const waiting = (await api.dashboard({ from: '2023-11', to: '2023-11' })).waiting;
  return {
    drafts: (await api.listDrafts({})).total,
    found: (await api.findDrafts({ text: 'ho tich' })).total,
    searchAll: (await api.searchRegulations({ text: '' })).total,
    search: (await api.searchRegulations({ text: 'khai sinh' })).total,
    agencies: (await api.searchOptions({})).agencies,
    assessed: report.assessment.regulations,
    appraised: report.appraisal.regulations,
    waiting: waiting.stages.reduce((sum, stage) => sum + stage.drafts, 0),
    costs: (await api.getCostRollup({})).drafts.length,
    exported: ((await api.exportDossier({})) as Dossier).drafts.map((draft) => draft.title),
  };
}

describe('the trash of drafts', () => {
  it('leaves every list, search, count, report and export with its regulations, and comes back whole', async () => {
    const { api, ctx } = await setUp();
    // Trashed on its own before: stays in the trash when the draft comes back.
    await api.deleteRegulation({ id: TRASHED });
    const before = await everyDraftList(api);
    expect(before).toMatchObject({ drafts: 1, found: 1, searchAll: 1, search: 1, agencies: ['Bộ Tư pháp'], assessed: 1, costs: 1 });

    await api.deleteDraft({ id: DRAFT });
    expect(await everyDraftList(api)).toEqual({
      drafts: 0,
      found: 0,
      searchAll: 0,
      search: 0,
      agencies: [],
      assessed: 0,
      appraised: 0,
      waiting: 0,
      costs: 0,
      exported: [],
    });
    expect((await rejection(api.getDraft({ id: DRAFT }))).code).toBe('not_found');
    expect((await rejection(api.getRegulation({ id: KEPT }))).code).toBe('not_found');
    expect((await api.listTrashedDrafts({})).items).toMatchObject([{ id: DRAFT, title: 'Nghị định về hộ tịch', regulationCount: 1, deletedBy: 'Nguyễn Văn A' }]);
    expect((await rejection(api.deleteDraft({ id: DRAFT }))).code).toBe('not_found');

    await api.restoreDraft({ id: DRAFT });
    expect(await everyDraftList(api)).toEqual(before);
    expect((await api.listTrashedDrafts({})).items).toEqual([]);
    expect((await api.getDraft({ id: DRAFT })).regulations.map((regulation) => regulation.name)).toEqual(['Đăng ký khai sinh']);
    expect((await api.listTrashedRegulations({ draftId: DRAFT })).items.map((regulation) => regulation.id)).toEqual([TRASHED]);
    expect((await rejection(api.restoreDraft({ id: DRAFT }))).code).toBe('not_found');
    // The local history is read by no API call: on SQLite only, through its connection.
    if (TEST_ENGINE === 'sqlite') {
      const actions = sqliteHandleOf(ctx.store).prepare<[string], { action: string }>('SELECT action FROM events WHERE draft_id = ? ORDER BY seq').all(DRAFT);
      expect(actions.map((row) => row.action)).toEqual(['trash_regulation', 'trash_draft', 'restore_draft']);
    }
    expect((await api.verifyDatabase({})).ok).toBe(true);
  });

  // SQLite-only: moves the draft's status by raw SQL on the SQLite connection.
  it.skipIf(TEST_ENGINE !== 'sqlite')('is only for the drafter while drafting, and a refusal changes nothing', async () => {
    const appraiser = await setUp('appraiser');
    const refused = await rejection(appraiser.api.deleteDraft({ id: DRAFT }));
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Chỉ «Cơ quan chủ trì soạn thảo» được xóa dự thảo/) });
    expect((await appraiser.api.listDrafts({})).total).toBe(1);

    const { api, ctx } = await setUp();
    const db = sqliteHandleOf(ctx.store);
    db.prepare("UPDATE drafts SET status = 'assessed' WHERE id = ?").run(DRAFT);
    const late = await rejection(api.deleteDraft({ id: DRAFT }));
    expect(late).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Việc xóa và khôi phục dự thảo chỉ sửa được khi dự thảo ở trạng thái «Đang soạn thảo»/) });
    expect((await api.getDraft({ id: DRAFT })).regulations).toHaveLength(2);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
  });

  it('is not undone by importing a file that still holds the draft', async () => {
    const { api } = await setUp();
    await api.deleteDraft({ id: DRAFT });
    const report = await api.importDossier({ dossier: returnedDraft() });
    expect(report.conflicts).toEqual([{ path: 'drafts[0]', message: expect.stringMatching(/đang ở thùng rác/) }]);
    expect((await api.listDrafts({})).total).toBe(0);
    expect((await api.listTrashedDrafts({})).items).toHaveLength(1);
  });
});

describe('history that cannot be rewritten', () => {
  // SQLite-only: SQLite's triggers; PostgreSQL's are checked in db/pg/migrate.test.ts (schema guards).
  it.skipIf(TEST_ENGINE !== 'sqlite')('refuses UPDATE and DELETE on events and on issued opinions, even in raw SQL', async () => {
    const { api, ctx } = await setUp();
    const db = sqliteHandleOf(ctx.store);
    await api.deleteRegulation({ id: TRASHED });
    expect(() => db.prepare("UPDATE events SET note = 'khác'").run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/chỉ được ghi thêm/);
    // The draft is drafting, so its appraisal opinions were issued when the appraisal ruled.
    expect(() => db.prepare("UPDATE opinions SET text = 'khác'").run()).toThrow(/đã ban hành/);
    expect(() => db.prepare('DELETE FROM opinions').run()).toThrow(/không được xóa/);
  });

  // SQLite-only: edits an event behind the app's back through the SQLite connection.
  it.skipIf(TEST_ENGINE !== 'sqlite')('names the first event edited behind the app’s back', async () => {
    const { api, ctx } = await setUp();
    const db = sqliteHandleOf(ctx.store);
    await api.deleteRegulation({ id: TRASHED });
    await api.restoreRegulation({ id: TRASHED });
    await api.deleteRegulation({ id: KEPT });
    expect((await api.verifyDatabase({})).history).toEqual({ checkedEvents: 3, firstBroken: null, sealProblems: [] });
    db.exec('DROP TRIGGER events_refuse_update');
    const second = db.prepare<[], { seq: number }>('SELECT seq FROM events ORDER BY seq LIMIT 1 OFFSET 1').get()!.seq;
    db.prepare("UPDATE events SET actor = 'Người khác' WHERE seq = ?").run(second);
    const check = await api.verifyDatabase({});
    expect(check.ok).toBe(false);
    expect(check.history.firstBroken).toMatchObject({ seq: second, draftId: DRAFT, action: 'restore_regulation' });
    // The dropped guard is named too.
    expect(check.integrityProblems).toEqual([expect.stringContaining('Thiếu trigger events_refuse_update')]);
  });
});

describe('backup and restore through the API', () => {
  it('restores a listed copy into the running back end, which reopens on it, keeping the replaced database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tthc-restore-')), 'tthc.sqlite');
    const backend = await openBackend(path);
    const api = createApiClient((method, input) => backend.dispatch(method, input));
    try {
      await api.importDossier({ dossier: returnedDraft() });
      const copy = await api.createBackup({});
      expect(copy).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^manual-.*\.bak$/) });
      await api.createDraft({ docType: 'luat', title: 'Luật sau khi sao lưu', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
      expect((await api.listDrafts({})).total).toBe(2);

      const restored = await api.restoreBackup({ name: copy.name });
      expect(restored.keptCopy).toMatch(/^before-restore-.*\.bak$/);
      expect((await api.listDrafts({})).total).toBe(1); // the same dispatch, over the reopened database
      const kept = (await api.listBackups({})).items.find((backup) => backup.name === restored.keptCopy);
      expect(kept?.kind).toBe('before-restore');

      const uploaded = await api.downloadBackup({ name: restored.keptCopy! });
      await api.restoreBackup({ file: { fileName: 'tai-len.bak', base64: uploaded.base64 } });
      expect((await api.listDrafts({})).total).toBe(2);
      expect(readdirSync(backend.store.backups!.folder).filter((name) => name.includes('partial'))).toEqual([]);

      const refused = await rejection(api.restoreBackup({ file: { fileName: 'rac.bak', base64: Buffer.from('không phải cơ sở dữ liệu').toString('base64') } }));
      expect(refused).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/không phải cơ sở dữ liệu SQLite/) });
      expect((await api.listDrafts({})).total).toBe(2);
    } finally {
      await backend.close();
    }
  });

  // SQLite-only: only a SQLite store can live in memory.
  it.skipIf(TEST_ENGINE !== 'sqlite')('says plainly that an in-memory database has nothing to back up', async () => {
    const { api } = await createTestApi();
    expect(await rejection(api.createBackup({}))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/chỉ nằm trong bộ nhớ/) });
  });
});
