// Imports respect the workflow (issue 23, item 4 / defect 4): a file cannot set a draft's status, date a step outside
// the app's life or in the future, or make a new record of an existing id by writing it in capitals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/contract/api';
import type { WorkflowEvent } from '../../shared/domain/dossier';
import { DRAFT_STATUSES, ROLES, WORKFLOW_ACTIONS, type DraftStatus, type Role } from '../../shared/domain/vocabulary';
import { TRANSITIONS } from '../../shared/domain/workflow';
import { FLOW_IDS, workflowDossier } from '../../test/fixtures/workflowDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';

/** The test clock starts here (test/unit/helpers.ts) and moves a second per call. */
const TEST_TODAY = Date.parse('2024-01-01T00:00:00Z');
const HOUR_MS = 60 * 60 * 1000;

async function installation(role: Role): Promise<ApiClient> {
  const { api } = await createTestApi();
  await api.saveProfile({ agency: 'Cơ quan thử', officerName: 'Người thử', role });
  return api;
}

const eventAt = (index: number): string => new Date(Date.parse('2023-11-02T01:00:00Z') + index * HOUR_MS).toISOString();

/**
 * A history as the file states it: a walk along the transition table (each step a role allowed to take it, from the
 * state reached), then possibly spoiled — a step taken by another role, a step dropped, an unrelated step added — with
 * a status that is either where the walk ended or any other.
 */
const claimedHistory = fc
  .record({
    government: fc.boolean(),
    choices: fc.array(fc.nat(), { maxLength: 12 }),
    spoil: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('role' as const), at: fc.nat(), role: fc.constantFrom(...ROLES) }),
        fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), action: fc.constantFrom(...WORKFLOW_ACTIONS), role: fc.constantFrom(...ROLES) }),
      ),
      { nil: undefined },
    ),
    claimed: fc.option(fc.constantFrom(...DRAFT_STATUSES), { nil: undefined }),
  })
  .map(({ government, choices, spoil, claimed }) => {
    let status: DraftStatus = 'drafting';
    const steps: Array<Pick<WorkflowEvent, 'action' | 'role'>> = [];
    for (const choice of choices) {
      const open = TRANSITIONS.filter((t) => t.from === status && (t.scope === 'all' || (t.scope === 'government') === government));
      if (open.length === 0) break;
      const transition = open[choice % open.length]!;
      steps.push({ action: transition.action, role: transition.roles[choice % transition.roles.length]! });
      status = transition.to;
    }
    if (spoil?.kind === 'role' && steps.length > 0) steps[spoil.at % steps.length] = { ...steps[spoil.at % steps.length]!, role: spoil.role };
    if (spoil?.kind === 'drop' && steps.length > 0) steps.splice(spoil.at % steps.length, 1);
    if (spoil?.kind === 'insert') steps.splice(spoil.at % (steps.length + 1), 0, { action: spoil.action, role: spoil.role });
    const events: WorkflowEvent[] = steps.map((step, index) => ({ ...step, at: eventAt(index), actor: 'Người thử', note: 'Lý do' }));
    return { government, events, status: claimed ?? status, walkedTo: status, spoiled: spoil !== undefined };
  });

/**
 * The oracle, written from the table without the code under test: a history is whole when every event is one of the
 * table's transitions from the state the previous one reached (for this kind of draft, by a role it lists).
 */
function reachedBy(events: readonly WorkflowEvent[], government: boolean): DraftStatus | null {
  let status: DraftStatus = 'drafting';
  for (const event of events) {
    const step = TRANSITIONS.find(
      (t) => t.action === event.action && t.from === status && t.roles.includes(event.role) && (t.scope === 'all' || (t.scope === 'government') === government),
    );
    if (!step) return null;
    status = step.to;
  }
  return status;
}

/** Ids of their own per run, so one installation holds every accepted draft apart. */
const runIds = (run: number, kind: number): string => `6f1c2a40-3b7d-4c1e-9a2b-${kind}${run.toString(16).padStart(11, '0')}`;

function numberedDossier(run: number, draft: Parameters<typeof workflowDossier>[0], exportedBy?: Parameters<typeof workflowDossier>[1]) {
  const dossier = workflowDossier(draft, exportedBy);
  const only = dossier.drafts[0]!;
  only.id = runIds(run, 1);
  only.regulations.forEach((regulation, index) => (regulation.id = runIds(run, 2 + index)));
  return dossier;
}

describe('an import reaches only the state its history leads to', () => {
  it('takes a draft with its stated status exactly when its events lead there, and writes nothing otherwise', async () => {
    const api = await installation('drafter');
    let run = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(claimedHistory, async ({ government, events, status }) => {
        run += 1;
        const issuedAt = status === 'issued' ? '2023-12-30' : null;
        const dossier = numberedDossier(run, { submittedToGovernment: government, status, issuedAt, events });
        if (reachedBy(events, government) === status) {
          await api.importDossier({ dossier });
          accepted += 1;
          expect((await api.getDraft({ id: runIds(run, 1) })).status).toBe(status);
          if (status === 'issued') expect(events.some((event) => event.action === 'issue' && event.role === 'drafter')).toBe(true);
        } else {
          const error = await rejection(api.importDossier({ dossier }));
          expect(error.code).toBe('invalid_input');
          expect(error.problems.some((problem) => /^drafts\[0\]\.(status|events\[\d+\]\.(role|action))$/.test(problem.path))).toBe(true);
        }
        expect((await api.listDrafts({})).total).toBe(accepted);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('does not let an appraiser’s file make an assessed draft issued (the harness’s dossier)', async () => {
    const api = await installation('drafter');
    const assessed = [{ at: '2023-11-02T09:00:00+07:00', action: 'complete_assessment' as const, actor: 'A', role: 'drafter' as const, note: '' }];
    await api.importDossier({ dossier: workflowDossier({ status: 'assessed', events: assessed }) });
    const forged = workflowDossier(
      {
        status: 'issued',
        issuedAt: '2023-12-01',
        events: [...assessed, { at: '2023-11-20T09:00:00+07:00', action: 'complete_appraisal', actor: 'B', role: 'appraiser', note: '' }],
      },
      { agency: 'Bộ Tư pháp', role: 'appraiser' },
    );
    const error = await rejection(api.importDossier({ dossier: forged }));
    expect(error.problems.map((problem) => problem.path)).toContain('drafts[0].events[1].action');
    expect(error.message).toMatch(/«Ban hành ý kiến thẩm định» không thể diễn ra khi dự thảo trình Chính phủ, Thủ tướng Chính phủ đang ở trạng thái «Đã đánh giá tác động»/);
    expect((await api.getDraft({ id: FLOW_IDS.draft })).status).toBe('assessed');
  });

  it('moves a draft held here only as far as its history here and the file’s, merged, lead', async () => {
    const ministry = await installation('drafter');
    const step = (at: string, action: WorkflowEvent['action'], role: Role): WorkflowEvent => ({ at, action, actor: 'A', role, note: '' });
    const submitted = [step('2023-11-02T09:00:00+07:00', 'complete_assessment', 'drafter'), step('2023-11-03T09:00:00+07:00', 'submit_for_appraisal', 'drafter')];
    await ministry.importDossier({ dossier: workflowDossier({ status: 'submitted_for_appraisal', events: submitted }) });
    // The appraisal body's file knows the ministry's two steps and its own.
    const appraised = [...submitted, step('2023-11-20T09:00:00+07:00', 'complete_appraisal', 'appraiser')];
    await ministry.importDossier({ dossier: workflowDossier({ status: 'appraised', events: appraised }, { agency: 'Bộ Tư pháp', role: 'appraiser' }) });
    expect((await ministry.getDraft({ id: FLOW_IDS.draft })).status).toBe('appraised');
    // A file whose history leaves out a step taken here does not make one history with it.
    const divergent = [submitted[0]!, step('2023-11-04T09:00:00+07:00', 'return', 'drafter'), step('2023-11-25T09:00:00+07:00', 'complete_assessment', 'drafter')];
    const error = await rejection(ministry.importDossier({ dossier: workflowDossier({ status: 'assessed', events: divergent }) }));
    expect(error.problems.map((problem) => problem.path)).toEqual(['drafts[0].events']);
    expect((await ministry.getDraft({ id: FLOW_IDS.draft })).status).toBe('appraised');
  });
});

describe('event dates', () => {
  const DAY_MS = 24 * HOUR_MS;
  it('refuses a step dated before 2000 or after tomorrow, and takes one in between', async () => {
    const api = await installation('drafter');
    let run = 0;
    let accepted = 0;
    // Instants away from the two limits by more than the test clock can move in a run (a second per call).
    const instant = fc.oneof(
      fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('1999-12-31T12:00:00Z'), noInvalidDate: true }),
      fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date(TEST_TODAY + DAY_MS - HOUR_MS), noInvalidDate: true }),
      fc.date({ min: new Date(TEST_TODAY + DAY_MS + HOUR_MS), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
    );
    await fc.assert(
      fc.asyncProperty(instant, async (date) => {
        run += 1;
        const at = date.toISOString();
        const dossier = numberedDossier(run, { status: 'assessed', events: [{ at, action: 'complete_assessment', actor: 'A', role: 'drafter', note: '' }] });
        const allowed = date.getUTCFullYear() >= 2000 && date.getTime() <= TEST_TODAY + DAY_MS;
        if (allowed) {
          await api.importDossier({ dossier });
          accepted += 1;
        } else {
          const error = await rejection(api.importDossier({ dossier }));
          expect(error.problems.map((problem) => problem.path)).toEqual(['drafts[0].events[0].at']);
          expect(error.problems[0]!.message).toMatch(date.getUTCFullYear() < 2000 ? /trước năm 2000/ : /sau ngày hôm nay/);
        }
        expect((await api.listDrafts({})).total).toBe(accepted);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('ids', () => {
  /** The same UUID in any mix of capitals. */
  const respelled = (id: string, capitals: readonly boolean[]) =>
    [...id].map((char, index) => (capitals[index % capitals.length] ? char.toUpperCase() : char)).join('');

  it('reads a UUID written in capitals as the record it names, not as a new one', async () => {
    const api = await installation('drafter');
    await api.importDossier({ dossier: workflowDossier() });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 36 }), async (capitals) => {
        const dossier = workflowDossier();
        const draft = dossier.drafts[0]!;
        const raw = JSON.parse(JSON.stringify(dossier)) as { drafts: Array<{ id: string; regulations: Array<{ id: string }> }> };
        raw.drafts[0]!.id = respelled(draft.id, capitals);
        raw.drafts[0]!.regulations.forEach((regulation) => (regulation.id = respelled(regulation.id, capitals)));
        const report = await api.importDossier({ dossier: raw });
        expect(report.added).toEqual({ drafts: 0, regulations: 0, opinions: 0, events: 0 });
        expect((await api.listDrafts({})).total).toBe(1);
        expect((await api.getDraft({ id: respelled(draft.id, capitals) })).id).toBe(draft.id);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
