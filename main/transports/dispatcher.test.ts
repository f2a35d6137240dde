import { describe, expect, it } from 'vitest';
import { createTestApi, createTestContext } from '../../test/unit/helpers';
import { createHandlers } from '../services/handlers';
import { createDispatcher } from './dispatcher';

describe('dispatcher', async () => {
  const ctx = await createTestContext();
  const dispatch = createDispatcher(createHandlers(ctx), { failures: ctx.store.failures });

  it('refuses a method the contract does not declare', async () => {
    expect(await dispatch('dropAllTables', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'Không có phương thức "dropAllTables".' } });
  });

  it('rejects wrong types with a Vietnamese message naming each field, and writes nothing', async () => {
    const response = await dispatch('createDraft', { docType: 'sac_lenh', title: 42, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: 'yes' });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid_input');
    expect(response.error.problems?.map((problem) => problem.path).sort()).toEqual(['docType', 'submittedToGovernment', 'title']);
    expect(response.error.message).toContain('Tiêu đề: sai kiểu dữ liệu: cần một chuỗi văn bản');
    const list = await dispatch('listDrafts', {});
    expect(list).toEqual({ ok: true, value: { total: 0, items: [], next: null } });
  });

  it('turns a missing record into not_found', async () => {
    const response = await dispatch('getDraft', { id: '00000000-0000-4000-8000-000000000001' });
    expect(response.ok ? undefined : response.error.code).toBe('not_found');
  });
});

describe('a busy call tried again', () => {
  // Whether a failed attempt wrote anything is counted for that call alone: another call's write committed meanwhile
  // (another officer's save; on SQLite queued behind the same connection) used to make the failed call look as if it
  // had written, and it was refused as busy instead of tried again.
  it('is tried again though another call wrote while its attempt failed', async () => {
    const ctx = await createTestContext();
    const handlers = createHandlers(ctx);
    const busyError = Object.assign(new Error('busy'), { code: ctx.store.engine === 'sqlite' ? 'SQLITE_BUSY' : '40001' });
    expect(ctx.store.failures.isBusy(busyError)).toBe(true);
    let otherCallWrote = () => {};
    const otherCallDone = new Promise<void>((resolve) => (otherCallWrote = resolve));
    let attempts = 0;
    const dispatch = createDispatcher(
      {
        ...handlers,
        getProfile: async (input) => {
          attempts += 1;
          if (attempts === 1) {
            await otherCallDone;
            throw busyError;
          }
          return handlers.getProfile(input);
        },
      },
      { failures: ctx.store.failures, busy: { writeCount: () => ctx.store.writeCount(), withinCall: (work) => ctx.store.withinCall(work), maxWaitMs: 5_000 } },
    );
    const failing = dispatch('getProfile', {});
    const other = await dispatch('createDraft', { docType: 'thong_tu', title: 'Thông tư về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false });
    otherCallWrote();
    expect(other).toMatchObject({ ok: true });
    expect(await failing).toMatchObject({ ok: true });
    expect(attempts).toBe(2);
  });
});

describe('records', () => {
  it('keeps regulations in the order they were added and reports missing components for the document type', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', components: { steps: ['Nộp hồ sơ'] } } });
    await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký kết hôn', components: {} } });
    const detail = await api.getDraft({ id: draft.id });
    expect(detail.regulations.map((regulation) => regulation.name)).toEqual(['Đăng ký khai sinh', 'Đăng ký kết hôn']);
    // A decree sets a, b, d, đ, e, g, h itself but not the filing method.
    expect(detail.regulations[0]!.missing).toEqual(['dossier', 'timeLimitDays', 'subjects', 'agency', 'result']);
    const circular = await api.updateDraft({ id: draft.id, version: draft.version, fields: { ...draft, docType: 'thong_tu' } });
    expect(circular.regulations[0]!.missing).toContain('methods');
  });

  it('finds regulations ignoring case and diacritics, đ included, and through the draft title', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'thong_tu', title: 'Thông tư về đường bộ', draftingAgency: 'Bộ Giao thông vận tải', submittedToGovernment: false });
    for (const name of ['Đổi giấy phép lái xe', 'Đăng ký khai sinh', 'Cấp giấy phép kinh doanh vận tải bằng xe ô tô']) {
      await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name, components: {} } });
    }
    const names = async (text: string) => (await api.searchRegulations({ text })).items.map((hit) => hit.name).sort();
    expect(await names('dang ky')).toEqual(['Đăng ký khai sinh']);
    expect(await names('ĐỔI GIẤY')).toEqual(['Đổi giấy phép lái xe']);
    expect(await names('giay phep')).toEqual(['Cấp giấy phép kinh doanh vận tải bằng xe ô tô', 'Đổi giấy phép lái xe']);
    expect(await names('duong bo')).toHaveLength(3);
    expect((await api.searchRegulations({ text: '' })).total).toBe(3);
    await api.updateDraft({ id: draft.id, version: draft.version, fields: { docType: 'thong_tu', title: 'Thông tư về hàng hải', draftingAgency: 'Bộ Giao thông vận tải', submittedToGovernment: false } });
    expect(await names('duong bo')).toEqual([]);
    expect(await names('hang hai')).toHaveLength(3);
  });

  it('deleting a regulation removes it from search', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'thong_tu', title: 'Thông tư', draftingAgency: 'Bộ Công an', submittedToGovernment: false });
    const regulation = await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký thường trú', components: {} } });
    await api.saveProfile({ agency: 'Bộ Công an', role: 'drafter', officerName: 'Nguyễn Văn A' });
    await api.deleteRegulation({ id: regulation.id });
    expect((await api.searchRegulations({ text: 'thuong tru' })).total).toBe(0);
  });

  describe('outputs built from stored rows', async () => {
    const ctx = await createTestContext();
    const { failures } = ctx.store;
    const withExtra = () => {
      const handlers = createHandlers(ctx);
      const built = { total: 0, items: [], next: null };
      handlers.listDrafts = () => built;
      handlers.findDrafts = () => ({ total: 0, items: [], next: null, debug: 'SELECT …' }) as never;
      return { handlers, built };
    };

    it('the app returns them as built, without parsing them again', async () => {
      const { handlers, built } = withExtra();
      const response = await createDispatcher(handlers, { failures, outputs: 'untrusted' })('listDrafts', {});
      expect(response.ok && response.value).toBe(built);
      // Inputs are still parsed by the contract.
      expect((await createDispatcher(handlers, { failures, outputs: 'untrusted' })('listDrafts', { limit: 0 })).ok).toBe(false);
    });

    it('the test suite checks that what is built is exactly the contract, extra fields included', async () => {
      const { handlers } = withExtra();
      const response = await createDispatcher(handlers, { failures })('findDrafts', {});
      expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    });
  });
});
