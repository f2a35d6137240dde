// The repository calls of the team server's busiest writes (issue 21 item 8): each is a round trip to PostgreSQL made
// while every other writer of the server waits for its turn (db/pg/store.ts), so none is read twice. An autosave
// read its draft and its stored version twice; a transition read the draft's version twice. A stale save is still
// refused as conflict, saying who saved since (the class of interleavings: noLostUpdate.test.ts). On the team server a
// write also read whether someone had taken the draft to work offline, a statement of its own; it comes with the draft.
import { describe, expect, it } from 'vitest';
import { FLOW_IDS, workflowDossier, workflowDraft } from '../../test/fixtures/workflowDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi, createTestContext } from '../../test/unit/helpers';
import { countingRepositoryCalls } from '../../test/unit/repositoryCalls';
import { ACTING_PERSON_SETTING, actingAs } from './actingPerson';
import { createTeamAccounts } from './teamAccounts';

async function drafterWorld() {
  const { ctx, counted } = countingRepositoryCalls(await createTestContext());
  const { api } = await createTestApi(ctx);
  const agency = 'Bộ Giao thông vận tải';
  await api.saveProfile({ agency, role: 'drafter', officerName: 'Nguyễn Văn An' });
  const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về kinh doanh vận tải', draftingAgency: agency, submittedToGovernment: true });
  const fields = { kind: 'tthc', change: 'new', name: 'Cấp giấy phép kinh doanh vận tải', components: {} } as const;
  const regulation = await api.createRegulation({ draftId: draft.id, fields });
  const callsOf = async <T>(step: () => Promise<T>): Promise<{ value: T; calls: string[] }> => {
    counted.calls = [];
    const value = await step();
    return { value, calls: [...counted.calls] };
  };
  const times = (calls: string[], name: string) => calls.filter((call) => call === name).length;
  return { api, draft, regulation, fields, callsOf, times };
}

describe('repository calls of the busiest writes', () => {
  it('an autosave of a regulation reads its draft once and its stored version only when it is refused', async () => {
    const { api, regulation, fields, callsOf, times } = await drafterWorld();
    const saved = await callsOf(() => api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...fields, name: 'Cấp giấy phép (sửa)' } }));
    expect(saved.value).toMatchObject({ name: 'Cấp giấy phép (sửa)', version: regulation.version + 1 });
    expect(await api.getRegulation({ id: regulation.id })).toMatchObject({ name: 'Cấp giấy phép (sửa)', version: regulation.version + 1 });
    expect(times(saved.calls, 'drafts.findForWrite') + times(saved.calls, 'drafts.findById')).toBe(1);
    expect(times(saved.calls, 'revisions.of')).toBe(0);
    expect(times(saved.calls, 'regulations.update')).toBe(1);

    const stale = await callsOf(() => rejection(api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...fields, name: 'Bản cũ' } })));
    expect(stale.value).toMatchObject({ code: 'conflict', conflict: { yourVersion: regulation.version, currentVersion: regulation.version + 1, changedBy: 'Nguyễn Văn An (Bộ Giao thông vận tải)' } });
    expect(times(stale.calls, 'revisions.of')).toBe(1);
    expect(await api.getRegulation({ id: regulation.id })).toMatchObject({ name: 'Cấp giấy phép (sửa)' });
  });

  it('a transition reads the version of its draft once', async () => {
    const { api, callsOf, times } = await drafterWorld();
    await api.importDossier({ dossier: workflowDossier(workflowDraft({ status: 'drafting' })) });
    const moved = await callsOf(() => api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment' }));
    expect(moved.value.snapshot.status).toBe('assessed');
    expect(times(moved.calls, 'revisions.of')).toBe(1);
    expect(times(moved.calls, 'drafts.update')).toBe(1);
  });

  it('on the team server, a write reads whether its draft is held offline with the draft itself, and is still refused while someone else holds it', async () => {
    const { ctx, counted } = countingRepositoryCalls(await createTestContext());
    const accounts = createTeamAccounts(ctx);
    const unit = 'Bộ Giao thông vận tải';
    const lan = (await accounts.initUnit({ unit, admin: { login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] } })).person;
    const hoa = (await accounts.addPerson({ login: 'hoa', fullName: 'Lê Thị Hoa', roles: ['drafter'] })).person;
    const signedIn = async (person: typeof lan) =>
      (await createTestApi(actingAs(ctx, { personId: person.id, login: person.login, fullName: person.fullName, agency: person.agency, role: 'drafter' }))).api;
    const [asLan, asHoa] = [await signedIn(lan), await signedIn(hoa)];
    // A draft of the unit whose regulations are assessed, so that a step of its workflow goes through.
    await asLan.importDossier({ dossier: workflowDossier(workflowDraft({ status: 'drafting', draftingAgency: unit })) });
    const draft = { id: FLOW_IDS.draft };
    const regulation = await asLan.getRegulation({ id: FLOW_IDS.transportLicence });
    const fields = { kind: regulation.kind, change: regulation.change, name: regulation.name, components: regulation.components };
    const callsOf = async <T>(step: () => Promise<T>) => {
      counted.calls = [];
      const value = await step();
      return { value, calls: [...counted.calls] };
    };
    const readsOfDraft = (calls: string[]) => calls.filter((call) => call === 'drafts.findById' || call === 'drafts.findForWrite' || call === 'offlineCopies.out').length;

    const saved = await callsOf(() => asHoa.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...fields, name: 'Cấp giấy phép (sửa)' } }));
    expect(saved.value).toMatchObject({ name: 'Cấp giấy phép (sửa)', version: regulation.version + 1 });
    expect(readsOfDraft(saved.calls)).toBe(1);
    const moved = await callsOf(() => asHoa.transition({ draftId: draft.id, action: 'complete_assessment' }));
    expect(moved.value.snapshot.status).toBe('assessed');
    // The view it answers with reads the draft again, after the write; before it, one read holds the draft and its hold.
    expect(moved.calls.filter((call) => call === 'offlineCopies.out')).toEqual([]);
    expect(moved.calls.indexOf('drafts.findForWrite')).toBeLessThan(moved.calls.indexOf('drafts.update'));
    await asHoa.transition({ draftId: draft.id, action: 'return', note: 'Bổ sung đánh giá' });

    await asLan.takeDraftOffline({ draftId: draft.id });
    const held = 'Dự thảo này đang được «Trần Thị Lan» mang về làm việc ngoại tuyến';
    const refused = await callsOf(() => rejection(asHoa.updateRegulation({ id: regulation.id, version: regulation.version + 1, fields: { ...fields, name: 'Bản của Hoa' } })));
    expect(refused.value).toMatchObject({ code: 'forbidden', message: expect.stringContaining(held) });
    expect(readsOfDraft(refused.calls)).toBe(1);
    expect(await rejection(asHoa.transition({ draftId: draft.id, action: 'complete_assessment' }))).toMatchObject({ code: 'forbidden', message: expect.stringContaining(held) });
    expect(await asLan.updateRegulation({ id: regulation.id, version: regulation.version + 1, fields: { ...fields, name: 'Bản của Lan' } })).toMatchObject({ name: 'Bản của Lan' });
  });

  it('on the team server, deciding a conflict reads who is signed in once', async () => {
    const base = await createTestContext();
    const unit = 'Bộ Giao thông vận tải';
    const lan = (await createTeamAccounts(base).initUnit({ unit, admin: { login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] } })).person;
    // Counted around the signed-in view, so that its answers of who is signed in count as reads too.
    const { ctx, settingsRead } = countingRepositoryCalls(actingAs(base, { personId: lan.id, login: lan.login, fullName: lan.fullName, agency: lan.agency, role: 'drafter' }));
    const { api } = await createTestApi(ctx);
    const draft = workflowDraft({ status: 'drafting', draftingAgency: unit });
    await api.importDossier({ dossier: workflowDossier(draft) });
    // The same file with a regulation renamed: the unit owns the drafter's data, so the change waits as a conflict.
    const renamed = { ...draft, regulations: draft.regulations.map((regulation) => (regulation.id === FLOW_IDS.transportLicence ? { ...regulation, name: 'Cấp giấy phép (từ tệp)' } : regulation)) };
    await api.importDossier({ dossier: workflowDossier(renamed) });
    const [conflict] = (await api.listConflicts({ draftId: FLOW_IDS.draft, status: 'pending' })).items;

    settingsRead.length = 0;
    expect(await api.resolveConflict({ id: conflict!.id, decision: 'accept' })).toMatchObject({ status: 'accepted' });
    expect(settingsRead.filter((key) => key === ACTING_PERSON_SETTING)).toHaveLength(1);
    expect((await api.getRegulation({ id: FLOW_IDS.transportLicence })).name).toBe('Cấp giấy phép (từ tệp)');
  });
});
