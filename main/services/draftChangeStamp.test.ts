// The polling fallback of live updates (issue 21 item 4): a page that cannot have the team server's stream asks
// getDraftChange when the draft last changed and for whom. Every change of the draft or of anything in it moves the
// stamp; on PostgreSQL (the team server) the signed-in person the call wrote for is named, so that a page tells others'
// changes from its own; on SQLite no one signs in and no one is named.
import { describe, expect, it } from 'vitest';
import type { ChangeAuthor } from '../../db/port';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi, TEST_ENGINE } from '../../test/unit/helpers';

const HOA: ChangeAuthor = { login: 'hoa', fullName: 'Lê Thị Hoa' };
const QUAN: ChangeAuthor = { login: 'quan', fullName: 'Phạm Văn Quản' };

describe('getDraftChange', () => {
  it('moves with each change of the draft, its regulations, assessments and opinions, naming who made it on a team server', async () => {
    const { ctx, api } = await createTestApi();
    const as = <T>(author: ChangeAuthor, work: () => Promise<T>) => ctx.store.withinCall(work, author);
    await api.saveProfile({ agency: 'Bộ Công Thương', role: 'drafter', officerName: HOA.fullName });
    const fields = { docType: 'nghi_dinh', title: 'Nghị định về kinh doanh xăng dầu', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true } as const;
    const draft = await as(HOA, () => api.createDraft(fields));
    const named = (author: ChangeAuthor) => (TEST_ENGINE === 'postgres' ? author : null);

    const created = await api.getDraftChange({ draftId: draft.id });
    expect(created.by).toEqual(named(HOA));

    const regulation = await as(QUAN, () => api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép kinh doanh xăng dầu', components: {} } }));
    const afterRegulation = await api.getDraftChange({ draftId: draft.id });
    expect(afterRegulation.changedAt > created.changedAt).toBe(true);
    expect(afterRegulation.by).toEqual(named(QUAN));

    await as(HOA, () => api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép (sửa)', components: {} } }));
    const afterEdit = await api.getDraftChange({ draftId: draft.id });
    expect(afterEdit.changedAt > afterRegulation.changedAt).toBe(true);
    expect(afterEdit.by).toEqual(named(HOA));

    await as(QUAN, () => api.updateDraft({ id: draft.id, version: draft.version, fields: { ...fields, title: 'Nghị định về xăng dầu' } }));
    const afterDraft = await api.getDraftChange({ draftId: draft.id });
    expect(afterDraft.changedAt > afterEdit.changedAt).toBe(true);
    expect(afterDraft.by).toEqual(named(QUAN));

    // Reading changes nothing.
    await api.getDraft({ id: draft.id });
    expect(await api.getDraftChange({ draftId: draft.id })).toEqual(afterDraft);
  });

  it('refuses a draft that is not there, in Vietnamese', async () => {
    const { api } = await createTestApi();
    const refused = await rejection(api.getDraftChange({ draftId: '00000000-0000-4000-8000-000000000000' }));
    expect(refused.code).toBe('not_found');
    expect(refused.message).toContain('Không tìm thấy dự thảo');
  });
});
