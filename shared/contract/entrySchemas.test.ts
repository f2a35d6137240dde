// Validation that tells instead of coercing: every wrong number, code or length is refused with a Vietnamese message
// naming the field, through the same API the form calls; nothing is written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/unit/helpers';
import { rejection } from '../../test/unit/apiRejection';
import { missingComponents } from '../domain/components';
import { levelWarning } from '../domain/administrativeReference';
import { submittedToGovernmentByDefault } from '../domain/draftDefaults';

async function draftWithApi() {
  const { api } = await createTestApi();
  const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
  return { api, draftId: draft.id };
}

const regulation = (components: object, extra: object = {}) => ({ kind: 'tthc' as const, change: 'new' as const, name: 'Đăng ký khai sinh', components, ...extra });

describe('regulation entry', () => {
  it.each([
    ['negative copies', { dossier: [{ item: 'Tờ khai', copies: -2 }] }, 'fields.components.dossier[0].copies', 'ít nhất 1 bản'],
    ['zero copies', { dossier: [{ item: 'Tờ khai', copies: 0 }] }, 'fields.components.dossier[0].copies', 'ít nhất 1 bản'],
    ['a negative time limit', { timeLimitDays: -5 }, 'fields.components.timeLimitDays', 'không được âm'],
    ['a time limit of years', { timeLimitDays: 4000 }, 'fields.components.timeLimitDays', 'không quá 365 ngày'],
    ['a negative fee', { fees: [{ name: 'Lệ phí', amount: -100 }] }, 'fields.components.fees[0].amount', 'không được âm'],
  ])('refuses %s instead of storing 0', async (_case, components, path, message) => {
    const { api, draftId } = await draftWithApi();
    const error = await rejection(api.createRegulation({ draftId, fields: regulation(components) }));
    expect(error.code).toBe('invalid_input');
    expect(error.problems).toContainEqual({ path, message });
    expect((await api.getDraft({ id: draftId })).regulations).toEqual([]);
  });

  it.each([
    ['a negative time limit before', { timeLimitDays: -3 }, 'fields.baseline.timeLimitDays', 'không được âm'],
    ['a time limit before of years', { timeLimitDays: 1000 }, 'fields.baseline.timeLimitDays', 'không quá 365 ngày'],
    ['2,5 business conditions before', { businessConditions: 2.5 }, 'fields.baseline.businessConditions', 'phải là số nguyên'],
    ['negative business conditions before', { businessConditions: -1 }, 'fields.baseline.businessConditions', 'không được âm'],
  ])('refuses %s for an amended regulation', async (_case, baseline, path, message) => {
    const { api, draftId } = await draftWithApi();
    const error = await rejection(api.createRegulation({ draftId, fields: regulation({}, { change: 'amended', baseline }) }));
    expect(error.problems).toContainEqual({ path, message });
    expect((await api.getDraft({ id: draftId })).regulations).toEqual([]);
  });

  it('stores the figures before an amendment, and refuses them for a new regulation instead of dropping them', async () => {
    const { api, draftId } = await draftWithApi();
    const amended = await api.createRegulation({ draftId, fields: regulation({ timeLimitDays: 5 }, { change: 'amended', baseline: { timeLimitDays: 10, businessConditions: 4 } }) });
    expect(amended.baseline).toEqual({ timeLimitDays: 10, businessConditions: 4 });
    const error = await rejection(api.createRegulation({ draftId, fields: regulation({}, { baseline: { timeLimitDays: 10 } }) }));
    expect(error.problems).toEqual([{ path: 'fields.baseline', message: expect.stringContaining('chỉ nêu cho quy định được sửa đổi, thay thế hoặc bãi bỏ') }]);
  });

  it('refuses a national code that is not one ("abc") and keeps real ones', async () => {
    const { api, draftId } = await draftWithApi();
    const error = await rejection(api.createRegulation({ draftId, fields: regulation({}, { nationalCode: 'abc' }) }));
    expect(error.problems.map((problem) => problem.path)).toEqual(['fields.nationalCode']);
    expect(error.message).toContain('1.001193');
    for (const code of ['1.001193', '2.001263', '1.001612.000.00.00.H01']) {
      expect((await api.createRegulation({ draftId, fields: regulation({}, { nationalCode: code }) })).nationalCode).toBe(code);
    }
  });

  it('refuses any negative number in copies, time limit or fees (property)', async () => {
    const { api, draftId } = await draftWithApi();
    await fc.assert(
      fc.asyncProperty(fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }), fc.constantFrom('copies', 'time', 'fee'), async (value, where) => {
        const components =
          where === 'copies' ? { dossier: [{ item: 'Tờ khai', copies: value }] } : where === 'time' ? { timeLimitDays: value } : { fees: [{ name: 'Phí', amount: value }] };
        const error = await rejection(api.createRegulation({ draftId, fields: regulation(components) }));
        expect(error.code).toBe('invalid_input');
      }),
      { numRuns: 60 },
    );
    expect((await api.getDraft({ id: draftId })).regulations).toEqual([]);
  });

  it('refuses a 10.000-character title or name with the limit named', async () => {
    const { api, draftId } = await draftWithApi();
    const long = 'Đăng ký '.repeat(1250);
    const title = await rejection(api.createDraft({ docType: 'thong_tu', title: long, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false }));
    expect(title.problems).toContainEqual({ path: 'title', message: 'dài quá 1.000 ký tự' });
    const name = await rejection(api.createRegulation({ draftId, fields: regulation({}, { name: long }) }));
    expect(name.problems).toContainEqual({ path: 'fields.name', message: 'dài quá 500 ký tự' });
  });
});

describe('draft entry', () => {
  it.each(['', '   '])('refuses a draft without a drafting agency (%j), naming the field in Vietnamese', async (draftingAgency) => {
    const { api } = await createTestApi();
    const error = await rejection(api.createDraft({ docType: 'thong_tu', title: 'Thông tư', draftingAgency, submittedToGovernment: false }));
    expect(error.problems).toContainEqual({ path: 'draftingAgency', message: 'không được để trống' });
    expect(error.message).toMatch(/cơ quan chủ trì soạn thảo: không được để trống/i);
    expect((await api.listDrafts({})).total).toBe(0);
    const draft = await api.createDraft({ docType: 'thong_tu', title: 'Thông tư', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false });
    const cleared = await rejection(api.updateDraft({ id: draft.id, version: draft.version, fields: { docType: 'thong_tu', title: 'Thông tư', draftingAgency, submittedToGovernment: false } }));
    expect(cleared.problems).toContainEqual({ path: 'fields.draftingAgency', message: 'không được để trống' });
    expect((await api.getDraft({ id: draft.id })).draftingAgency).toBe('Bộ Tư pháp');
  });
});

describe('defaults and warnings', () => {
  it('ticks "Trình CP/TTg" for Government documents only', () => {
    expect(submittedToGovernmentByDefault('nghi_dinh')).toBe(true);
    expect(submittedToGovernmentByDefault('quyet_dinh_ttg')).toBe(true);
    expect(submittedToGovernmentByDefault('nghi_quyet_cp')).toBe(true);
    expect(submittedToGovernmentByDefault('thong_tu')).toBe(false);
    expect(submittedToGovernmentByDefault('quyet_dinh_ubnd')).toBe(false);
  });

  it('warns that "Cấp huyện" does not fit a draft of 12/2026, and not one of 2024', () => {
    expect(levelWarning('district', '2026-12-02')).toEqual({ validFrom: '2008-01-01', validTo: '2025-06-30' });
    expect(levelWarning('district', '2024-05-01')).toBeNull();
    expect(levelWarning('commune', '2026-12-02')).toBeNull();
  });

  it('does not flag an abolished regulation as missing components', () => {
    const empty = { name: 'Cấp giấy phép bán lẻ rượu', components: {} };
    expect(missingComponents('nghi_dinh', { ...empty, change: 'abolished' })).toEqual([]);
    expect(missingComponents('nghi_dinh', { ...empty, change: 'amended' })).toHaveLength(6);
  });
});
