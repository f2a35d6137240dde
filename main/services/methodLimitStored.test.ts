// Issue 22: a filing method's time limit typed the same as the procedure's (value and unit) is the procedure's, however
// it is written — the regulation form's save (createRegulation, updateRegulation), a dossier import or migration 0350 —
// so that a later change of the procedure's limit reaches the method. The rule is db/common recordAsStored, applied by
// both engines' regulation repositories on every write.
import { describe, expect, it } from 'vitest';
import type { Components } from '../../shared/domain/dossier';
import { termsPerMethod } from '../../shared/domain/methodTerms';
import { createTestApi } from '../../test/unit/helpers';

const limits = (components: Components) => termsPerMethod(components).map(({ method, timeLimit, ownTimeLimit }) => ({ method, days: timeLimit?.days, unit: timeLimit?.unit, ownTimeLimit }));

async function withDraft() {
  const { api } = await createTestApi();
  const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định sửa đổi Nghị định 105/2017/NĐ-CP', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true });
  return { api, draftId: draft.id };
}

describe('a method limit typed the same as the procedure’s (issue 22)', () => {
  it('is stored as the procedure’s when the regulation is created, and follows a later change of the procedure’s limit', async () => {
    const { api, draftId } = await withDraft();
    const components: Components = {
      methods: ['in_person', 'online', 'post'],
      timeLimitDays: 10,
      methodTerms: [
        { method: 'in_person', timeLimitDays: 10, fee: 100_000 },
        { method: 'online', timeLimitDays: 7 },
        // Same number, other unit: the method's own.
        { method: 'post', timeLimitDays: 10, timeLimitUnit: 'calendar' },
      ],
    };
    const created = await api.createRegulation({ draftId, fields: { kind: 'tthc', change: 'amended', name: 'Cấp Giấy phép bán lẻ rượu', components } });
    expect(created.components.methodTerms).toEqual([{ method: 'in_person', fee: 100_000 }, { method: 'online', timeLimitDays: 7 }, { method: 'post', timeLimitDays: 10, timeLimitUnit: 'calendar' }]);
    // Nothing read from the methods changed but whose limit it is.
    expect(limits(created.components)).toEqual([
      { method: 'in_person', days: 10, unit: 'working', ownTimeLimit: false },
      { method: 'online', days: 7, unit: 'working', ownTimeLimit: true },
      { method: 'post', days: 10, unit: 'calendar', ownTimeLimit: true },
    ]);

    const { version, kind, change, name } = await api.getRegulation({ id: created.id });
    await api.updateRegulation({ id: created.id, version, fields: { kind, change, name, components: { ...created.components, timeLimitDays: 12 } } });
    const moved = await api.getRegulation({ id: created.id });
    expect(limits(moved.components).find(({ method }) => method === 'in_person')).toEqual({ method: 'in_person', days: 12, unit: 'working', ownTimeLimit: false });
  });

  it('is stored as the procedure’s when the form saves it on an existing regulation, calendar days too', async () => {
    const { api, draftId } = await withDraft();
    const created = await api.createRegulation({
      draftId,
      fields: { kind: 'tthc', change: 'new', name: 'Cấp Giấy phép sản xuất rượu thủ công', components: { methods: ['online'], timeLimitDays: 15, timeLimitUnit: 'calendar' } },
    });
    const { version, kind, change, name, components } = await api.getRegulation({ id: created.id });
    const saved = await api.updateRegulation({
      id: created.id,
      version,
      fields: { kind, change, name, components: { ...components, methodTerms: [{ method: 'online', timeLimitDays: 15, timeLimitUnit: 'calendar' }] } },
    });
    expect(saved.components.methodTerms).toEqual([{ method: 'online' }]);
    expect((await api.getRegulation({ id: created.id })).components.methodTerms).toEqual([{ method: 'online' }]);
  });
});
