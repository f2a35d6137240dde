// On the team server a step of the workflow is taken by the signed-in person, in the role they act in: the history
// names them, and a call cannot name another role or another officer (the CLI's --as/--actor are for solo use).
import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/contract/api';
import { REVIEWED_AGENCY, REVIEWED_IDS, reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { createTestApi, createTestContext } from '../../test/unit/helpers';
import { createDispatcher } from '../transports/dispatcher';
import { actingAs } from './actingPerson';
import { createHandlers } from './handlers';
import { createTeamAccounts } from './teamAccounts';

async function signedInVpcpOfficer() {
  const ctx = await createTestContext();
  // A draft VPCP has reviewed: VPCP's officer may send it back to drafting.
  await (await createTestApi(ctx)).api.importDossier({ dossier: reviewedDossier });
  const accounts = createTeamAccounts(ctx);
  await accounts.initUnit({ unit: REVIEWED_AGENCY, admin: { login: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } });
  const lan = (await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', agency: 'Văn phòng Chính phủ', roles: ['reviewer'] })).person;
  const dispatch = createDispatcher(createHandlers(actingAs(ctx, { personId: lan.id, login: lan.login, fullName: lan.fullName, agency: lan.agency, role: 'reviewer' })), {
    failures: ctx.store.failures,
  });
  const call = async <T>(method: ApiMethod, input: object): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> =>
    (await dispatch(method, input)) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  return { call, draftId: REVIEWED_IDS.draft };
}

type Events = { events: { actor: string; role: string; action: string }[] };

describe('the acting person on the team server', () => {
  it('records the signed-in officer in the draft history', async () => {
    const { call, draftId } = await signedInVpcpOfficer();
    const done = await call<Events>('transition', { draftId, action: 'return', note: 'Trả lại để bổ sung đánh giá tác động' });
    expect(done.ok, JSON.stringify(done.error)).toBe(true);
    expect(done.value!.events.at(-1)).toMatchObject({ action: 'return', actor: 'Trần Thị Lan', role: 'reviewer' });
  });

  it('refuses a step that names another officer or a role the person is not acting in, recording nothing', async () => {
    const { call, draftId } = await signedInVpcpOfficer();
    const forged = await call('transition', { draftId, action: 'return', note: 'Trả lại để bổ sung đánh giá tác động', actor: 'Nguyễn Văn Quản' });
    expect(forged.error).toEqual({ code: 'forbidden', message: expect.stringContaining('người đăng nhập') });
    const otherRole = await call('transition', { draftId, action: 'return', note: 'Trả lại để bổ sung đánh giá tác động', as: 'drafter' });
    expect(otherRole.error).toEqual({ code: 'forbidden', message: expect.stringContaining('vai trò') });
    const view = await call<Events>('getWorkflow', { draftId });
    expect(view.value!.events.filter((event) => event.action === 'return')).toEqual([]);
    // Naming oneself in the role one acts in is no forgery.
    expect((await call('transition', { draftId, action: 'return', note: 'Trả lại để bổ sung đánh giá tác động', as: 'reviewer', actor: 'Trần Thị Lan' })).ok).toBe(true);
  });
});
