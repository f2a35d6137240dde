import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import type { DraftStatus, Role, WorkflowAction } from '../../shared/domain/vocabulary';
import { FLOW_IDS, completeAssessment, workflowDossier } from '../../test/fixtures/workflowDossier';
import { createTestApi } from '../../test/unit/helpers';

const OFFICERS: Record<Role, { agency: string; officerName: string }> = {
  drafter: { agency: 'Bộ Giao thông vận tải', officerName: 'Nguyễn Văn A' },
  appraiser: { agency: 'Bộ Tư pháp', officerName: 'Trần Thị B' },
  reviewer: { agency: 'Văn phòng Chính phủ', officerName: 'Lê Văn C' },
};

async function installation(role: Role | null, dossier = workflowDossier()) {
  const test = await createTestApi();
  if (role) await test.api.saveProfile({ ...OFFICERS[role], role });
  await test.api.importDossier({ dossier });
  return test;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as ApiError);

describe('profile', () => {
  it('is absent until saved, then read back; a blank agency or name is refused', async () => {
    const { api } = await createTestApi();
    expect(await api.getProfile({})).toEqual({ profile: null });
    const error = await refusal(api.saveProfile({ agency: ' ', role: 'appraiser', officerName: '' }));
    expect(error?.problems.map((problem) => problem.path).sort()).toEqual(['agency', 'officerName']);
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' });
    expect(await api.getProfile({})).toEqual({ profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' } });
  });
});

describe('transition', () => {
  it('acts as the profile: moves the draft, appends the event with officer and role, in one step', async () => {
    const { api } = await installation('drafter');
    const view = await api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment', note: '  Đã đủ  ' });
    expect(view.snapshot.status).toBe('assessed');
    expect(view.role).toBe('drafter');
    expect(view.events).toHaveLength(1);
    expect(view.events[0]).toMatchObject({ action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: 'Đã đủ' });
    expect((await api.getDraft({ id: FLOW_IDS.draft })).status).toBe('assessed');
  });

  it.each<[string, Role | null, DraftStatus, WorkflowAction, { as?: Role; actor?: string; note?: string }, RegExp]>([
    ['a role the step does not belong to', 'appraiser', 'drafting', 'complete_assessment', {}, /«Cơ quan thẩm định» không được.*\[role_not_allowed\]/],
    ['an --as that overrides the profile with a wrong role', 'drafter', 'drafting', 'complete_assessment', { as: 'reviewer' }, /\[role_not_allowed\]/],
    ['an action of another state', 'drafter', 'drafting', 'submit_for_appraisal', {}, /trạng thái «Đang soạn thảo».*\[wrong_state\]/],
    ['a return without a reason', 'drafter', 'assessed', 'return', { note: '   ' }, /lý do.*\[return_reason_required\]/],
    ['the appraisal finished without opinions', 'appraiser', 'submitted_for_appraisal', 'complete_appraisal', {}, /\[appraisal_opinion_missing\]/],
    ['no profile and no role given', null, 'drafting', 'complete_assessment', {}, /Chưa khai báo cơ quan và vai trò/],
  ])('refuses %s and changes nothing', async (_case, role, status, action, extra, message) => {
    const { api } = await installation(role, workflowDossier({ status }));
    const before = await api.exportDossier({});
    const error = await refusal(api.transition({ draftId: FLOW_IDS.draft, action, ...extra }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code).toBe('forbidden');
    expect(`${error?.message} [${error?.detail}]`).toMatch(message);
    expect({ ...(await api.exportDossier({})), exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });

  it('refuses to finish the assessment while a regulation is incomplete, naming it', async () => {
    const dossier = workflowDossier();
    const regulation = dossier.drafts[0]!.regulations[1]!;
    regulation.assessment = { ...completeAssessment('new'), answers: {} };
    const { api } = await installation('drafter', dossier);
    const error = await refusal(api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment' }));
    expect(error?.message).toContain(`«${regulation.name}»`);
    expect(error?.detail).toBe('assessment_incomplete');
    expect(error?.message).not.toMatch(/\[\w+\]/);
    expect((await api.getWorkflow({ draftId: FLOW_IDS.draft })).snapshot.regulations.map((r) => r.assessmentComplete)).toEqual([true, false]);
  });

  it('lets the CLI name the role and the officer for one call, without a profile', async () => {
    const { api } = await installation(null);
    const missingActor = await refusal(api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment', as: 'drafter' }));
    expect(missingActor?.problems.map((problem) => problem.path)).toEqual(['actor']);
    const view = await api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment', as: 'drafter', actor: 'Phạm D' });
    expect(view.events.at(-1)).toMatchObject({ actor: 'Phạm D', role: 'drafter' });
    expect(view.role).toBeNull();
  });

  it('keeps a copy of every regulation at each submission, numbered by round', async () => {
    const { api } = await installation('drafter');
    await api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment' });
    const submitted = await api.transition({ draftId: FLOW_IDS.draft, action: 'submit_for_appraisal' });
    expect(submitted.rounds).toEqual([{ round: 1, stage: 'appraisal', takenAt: submitted.events.at(-1)!.at }]);
    await api.transition({ draftId: FLOW_IDS.draft, action: 'return', note: 'Bổ sung hồ sơ' });
    const regulation = await api.getRegulation({ id: FLOW_IDS.transportLicence });
    await api.updateRegulation({
      id: regulation.id,
      version: regulation.version,
      fields: { ...regulation, components: { ...regulation.components, timeLimitDays: 3 } },
    });
    await api.transition({ draftId: FLOW_IDS.draft, action: 'complete_assessment' });
    const again = await api.transition({ draftId: FLOW_IDS.draft, action: 'submit_for_appraisal' });
    expect(again.rounds.map((round) => [round.round, round.stage])).toEqual([[1, 'appraisal'], [2, 'appraisal']]);
    const { rounds } = await api.listRegulationRounds({ regulationId: FLOW_IDS.transportLicence });
    expect(rounds.map((round) => round.snapshot?.components.timeLimitDays)).toEqual([5, 3]);
    expect(rounds[0]?.snapshot?.assessment?.template).toBe('2010');
  });

  it('records the issue date with the last step and refuses an impossible one', async () => {
    const dossier = workflowDossier({ submittedToGovernment: false, status: 'revised' });
    const { api } = await installation('drafter', dossier);
    const noDate = await refusal(api.transition({ draftId: FLOW_IDS.draft, action: 'issue' }));
    expect(noDate?.detail).toBe('issue_date_missing');
    expect(noDate?.message).not.toMatch(/\[\w+\]/);
    const badDate = await refusal(api.transition({ draftId: FLOW_IDS.draft, action: 'issue', issuedAt: '2024-02-30' }));
    expect(badDate?.detail).toBe('issue_date_invalid');
    expect(badDate?.message).not.toMatch(/\[\w+\]/);
    const issued = await api.transition({ draftId: FLOW_IDS.draft, action: 'issue', issuedAt: '2024-02-05' });
    expect(issued.snapshot).toMatchObject({ status: 'issued', issuedAt: '2024-02-05' });
  });

  it('keeps the history in time order when the stored history is ahead of this clock', async () => {
    // Another machine's clock a few hours ahead (the test clock starts at 2024-01-01T00:00Z; an import refuses a step
    // dated after tomorrow).
    const future = '2024-01-01T12:00:00.000Z';
    const dossier = workflowDossier({
      status: 'assessed',
      events: [{ at: future, action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: '' }],
    });
    const { api } = await installation('drafter', dossier);
    const view = await api.transition({ draftId: FLOW_IDS.draft, action: 'submit_for_appraisal' });
    expect(view.events.map((event) => event.action)).toEqual(['complete_assessment', 'submit_for_appraisal']);
    expect(Date.parse(view.events[1]!.at)).toBeGreaterThanOrEqual(Date.parse(future));
  });
});
