import { describe, expect, it } from 'vitest';
import type { DraftStatus, Role, WorkflowAction } from './vocabulary';
import { DRAFT_STATUSES, ROLES, WORKFLOW_ACTIONS } from './vocabulary';
import type { TransitionDetails, WorkflowRegulation, WorkflowSnapshot } from './workflow';
import { applyTransition, availableActions, checkTransition, ruledStages } from './workflow';

// The expected workflow, written out by hand from DOMAIN.md and the issue, independently of workflow.ts.
// state → action → [roles allowed, next state]
type Expected = Partial<Record<DraftStatus, Partial<Record<WorkflowAction, [Role[], DraftStatus]>>>>;

// Both kinds of draft share the way to appraisal; they part at `revised`.
const UNTIL_REVISED: Expected = {
  drafting: { complete_assessment: [['drafter'], 'assessed'] },
  assessed: { submit_for_appraisal: [['drafter'], 'submitted_for_appraisal'], return: [['drafter'], 'drafting'] },
  submitted_for_appraisal: {
    complete_appraisal: [['appraiser'], 'appraised'],
    return: [['drafter', 'appraiser'], 'drafting'],
  },
  appraised: { revise: [['drafter'], 'revised'], return: [['appraiser'], 'drafting'] },
  issued: {},
};

const GOVERNMENT: Expected = {
  ...UNTIL_REVISED,
  revised: { submit_for_review: [['drafter'], 'submitted_for_review'], return: [['drafter'], 'drafting'] },
  submitted_for_review: { complete_review: [['reviewer'], 'reviewed'], return: [['drafter', 'reviewer'], 'drafting'] },
  reviewed: { issue: [['drafter'], 'issued'], return: [['reviewer'], 'drafting'] },
};

// Review-stage states are reachable here only through imported data or a changed flag; they can only be returned.
const NOT_GOVERNMENT: Expected = {
  ...UNTIL_REVISED,
  revised: { issue: [['drafter'], 'issued'], return: [['drafter'], 'drafting'] },
  submitted_for_review: { return: [['drafter', 'reviewer'], 'drafting'] },
  reviewed: { return: [['reviewer'], 'drafting'] },
};

const regulation = (overrides: Partial<WorkflowRegulation> = {}): WorkflowRegulation => ({
  id: 'r1',
  name: 'Đăng ký khai sinh',
  assessmentComplete: true,
  opinionStages: ['appraisal', 'review'],
  responded: true,
  ...overrides,
});

const READY_DETAILS: TransitionDetails = { note: 'Lý do trả lại', issuedAt: '2024-02-05' };

const ready = (status: DraftStatus, submittedToGovernment: boolean): WorkflowSnapshot => ({
  status,
  submittedToGovernment,
  regulations: [regulation(), regulation({ id: 'r2', name: 'Đăng ký kết hôn' })],
});

const cases = [true, false].flatMap((government) =>
  DRAFT_STATUSES.flatMap((status) =>
    WORKFLOW_ACTIONS.flatMap((action) => ROLES.map((role) => ({ government, status, action, role }))),
  ),
);

function expectedRefusalRule(government: boolean, status: DraftStatus, action: WorkflowAction): string {
  const here = (government ? GOVERNMENT : NOT_GOVERNMENT)[status]?.[action];
  if (here) return 'role_not_allowed';
  const otherKind = (government ? NOT_GOVERNMENT : GOVERNMENT)[status]?.[action];
  if (otherKind) return government ? 'review_required' : 'review_not_applicable';
  return 'wrong_state';
}

describe('every (state, action, role) for both kinds of draft', () => {
  it('covers 8 states × 8 actions × 3 roles × 2 kinds', () => {
    expect(cases).toHaveLength(384);
  });

  it.each(cases)('government=$government $status + $action by $role', ({ government, status, action, role }) => {
    const expected = (government ? GOVERNMENT : NOT_GOVERNMENT)[status]?.[action];
    const result = checkTransition(ready(status, government), action, role, READY_DETAILS);
    if (expected && expected[0].includes(role)) {
      expect(result).toEqual({ ok: true, to: expected[1] });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.rule).toBe(expectedRefusalRule(government, status, action));
        expect(result.message.length).toBeGreaterThan(20);
      }
    }
  });

  it('allows exactly 15 triples for government drafts and 13 for others', () => {
    const allowed = (government: boolean) =>
      cases.filter(
        (c) => c.government === government && checkTransition(ready(c.status, government), c.action, c.role, READY_DETAILS).ok,
      ).length;
    expect(allowed(true)).toBe(15);
    expect(allowed(false)).toBe(13);
  });
});

describe('availableActions', () => {
  const combos = [true, false].flatMap((government) =>
    DRAFT_STATUSES.flatMap((status) => ROLES.map((role) => ({ government, status, role }))),
  );
  it.each(combos)('government=$government $status as $role', ({ government, status, role }) => {
    const row = (government ? GOVERNMENT : NOT_GOVERNMENT)[status] ?? {};
    const expected = WORKFLOW_ACTIONS.filter((action) => row[action]?.[0].includes(role));
    expect(availableActions(ready(status, government), role)).toEqual(expected);
  });

  it('still offers an action whose guard fails, so the UI can say why', () => {
    const snapshot: WorkflowSnapshot = { ...ready('assessed', false), regulations: [regulation({ assessmentComplete: false })] };
    expect(availableActions(snapshot, 'drafter')).toContain('submit_for_appraisal');
    expect(checkTransition(snapshot, 'submit_for_appraisal', 'drafter').ok).toBe(false);
  });
});

type GuardCase = {
  title: string;
  status: DraftStatus;
  action: WorkflowAction;
  role: Role;
  government?: boolean;
  regulations?: WorkflowRegulation[];
  issuedAtOnDraft?: string | null;
  details?: TransitionDetails;
  rule: string | null;
  names?: string[];
  notNames?: string[];
};

const A = 'Cấp hộ chiếu phổ thông';
const B = 'Đổi giấy phép lái xe';

const GUARD_CASES: GuardCase[] = [
  { title: 'assessment needs at least one regulation', status: 'drafting', action: 'complete_assessment', role: 'drafter', regulations: [], rule: 'no_regulations' },
  { title: 'submission needs at least one regulation', status: 'assessed', action: 'submit_for_appraisal', role: 'drafter', regulations: [], rule: 'no_regulations' },
  {
    title: 'assessment refused while one regulation is incomplete, naming it',
    status: 'drafting',
    action: 'complete_assessment',
    role: 'drafter',
    regulations: [regulation({ id: 'a', name: A }), regulation({ id: 'b', name: B, assessmentComplete: false })],
    rule: 'assessment_incomplete',
    names: [B],
    notNames: [A],
  },
  {
    title: 'appraisal body refuses a dossier lacking the assessment',
    status: 'assessed',
    action: 'submit_for_appraisal',
    role: 'drafter',
    regulations: [regulation({ id: 'a', name: A, assessmentComplete: false }), regulation({ id: 'b', name: B, assessmentComplete: false })],
    rule: 'assessment_incomplete',
    names: [A, B],
  },
  {
    title: 'appraisal needs an appraisal opinion on every regulation (a review opinion does not count)',
    status: 'submitted_for_appraisal',
    action: 'complete_appraisal',
    role: 'appraiser',
    regulations: [regulation({ id: 'a', name: A, opinionStages: ['review'] }), regulation({ id: 'b', name: B, opinionStages: ['appraisal'] })],
    rule: 'appraisal_opinion_missing',
    names: [A],
    notNames: [B],
  },
  {
    title: 'appraisal with every opinion present',
    status: 'submitted_for_appraisal',
    action: 'complete_appraisal',
    role: 'appraiser',
    regulations: [regulation({ opinionStages: ['appraisal'] })],
    rule: null,
  },
  {
    title: 'revision needs a response to every opinion',
    status: 'appraised',
    action: 'revise',
    role: 'drafter',
    regulations: [regulation({ id: 'a', name: A, responded: false }), regulation({ id: 'b', name: B })],
    rule: 'response_missing',
    names: [A],
    notNames: [B],
  },
  {
    title: 'review needs a review opinion on every regulation (an appraisal opinion does not count)',
    status: 'submitted_for_review',
    action: 'complete_review',
    role: 'reviewer',
    regulations: [regulation({ id: 'a', name: A }), regulation({ id: 'b', name: B, opinionStages: ['appraisal'] })],
    rule: 'review_opinion_missing',
    names: [B],
    notNames: [A],
  },
  { title: 'issue needs a date', status: 'revised', action: 'issue', role: 'drafter', government: false, details: {}, rule: 'issue_date_missing' },
  { title: 'issue refuses a blank date', status: 'revised', action: 'issue', role: 'drafter', government: false, details: { issuedAt: '  ' }, rule: 'issue_date_missing' },
  { title: 'issue refuses a date in another format', status: 'reviewed', action: 'issue', role: 'drafter', details: { issuedAt: '05/02/2024' }, rule: 'issue_date_invalid', names: ['05/02/2024'] },
  { title: 'issue refuses a date that does not exist', status: 'reviewed', action: 'issue', role: 'drafter', details: { issuedAt: '2024-02-30' }, rule: 'issue_date_invalid' },
  { title: 'issue accepts the date already on the draft', status: 'reviewed', action: 'issue', role: 'drafter', issuedAtOnDraft: '2024-02-05', details: {}, rule: null },
  {
    title: 'issue needs the tiếp thu, giải trình of every opinion of the last stage (the status table says "Còn thiếu")',
    status: 'reviewed',
    action: 'issue',
    role: 'drafter',
    regulations: [regulation({ id: 'a', name: A }), regulation({ id: 'b', name: B, responded: false })],
    rule: 'response_missing',
    names: [B],
    notNames: [A],
  },
  { title: 'return needs a reason', status: 'submitted_for_appraisal', action: 'return', role: 'appraiser', details: {}, rule: 'return_reason_required' },
  { title: 'return refuses a blank reason', status: 'reviewed', action: 'return', role: 'reviewer', details: { note: ' \n ' }, rule: 'return_reason_required' },
  { title: 'submitting for review has no regulation guard', status: 'revised', action: 'submit_for_review', role: 'drafter', regulations: [], rule: null },
  {
    title: 'the role is checked before the guards',
    status: 'submitted_for_appraisal',
    action: 'complete_appraisal',
    role: 'drafter',
    regulations: [regulation({ opinionStages: [] })],
    rule: 'role_not_allowed',
  },
];

describe('guards', () => {
  it.each(GUARD_CASES)('$title', (c) => {
    const snapshot: WorkflowSnapshot = {
      status: c.status,
      submittedToGovernment: c.government ?? true,
      regulations: c.regulations ?? [regulation()],
      issuedAt: c.issuedAtOnDraft ?? null,
    };
    const result = checkTransition(snapshot, c.action, c.role, c.details ?? READY_DETAILS);
    if (c.rule === null) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rule).toBe(c.rule);
    for (const name of c.names ?? []) expect(result.message).toContain(`«${name}»`);
    for (const name of c.notNames ?? []) expect(result.message).not.toContain(name);
  });

  it('reports the ids of the regulations at fault', () => {
    const snapshot: WorkflowSnapshot = {
      status: 'assessed',
      submittedToGovernment: false,
      regulations: [regulation({ id: 'x', assessmentComplete: false }), regulation({ id: 'y' }), regulation({ id: 'z', assessmentComplete: false })],
    };
    const result = checkTransition(snapshot, 'submit_for_appraisal', 'drafter');
    expect(result.ok ? [] : result.regulationIds).toEqual(['x', 'z']);
  });

  it('names the first ten regulations and counts the rest', () => {
    const regulations = Array.from({ length: 13 }, (_, index) =>
      regulation({ id: `r${index}`, name: `Thủ tục số ${index + 1}`, assessmentComplete: false }),
    );
    const result = checkTransition({ status: 'drafting', submittedToGovernment: false, regulations }, 'complete_assessment', 'drafter');
    const message = result.ok ? '' : result.message;
    expect(message).toContain('«Thủ tục số 10»');
    expect(message).not.toContain('«Thủ tục số 11»');
    expect(message).toContain('và 3 TTHC khác');
  });

  it.each([
    ['wrong_state', 'drafting', 'issue', 'drafter', 'Đang soạn thảo'],
    ['role_not_allowed', 'submitted_for_appraisal', 'complete_appraisal', 'reviewer', 'Cơ quan thẩm định'],
  ] as const)('the %s message names the action, the state or the allowed role', (rule, status, action, role, mentioned) => {
    const result = checkTransition(ready(status, true), action, role, READY_DETAILS);
    expect(result.ok ? null : result.rule).toBe(rule);
    expect(result.ok ? '' : result.message).toContain(mentioned);
  });
});

describe('applyTransition', () => {
  const at = '2024-02-05T09:00:00+07:00';

  it('returns the new status and the event to append, with the note trimmed', () => {
    const result = applyTransition(ready('submitted_for_review', true), 'return', 'reviewer', {
      actor: 'Trần Thị B',
      at,
      note: '  Cần làm rõ chi phí tuân thủ  ',
    });
    expect(result).toEqual({
      ok: true,
      status: 'drafting',
      issuedAt: null,
      event: { at, action: 'return', actor: 'Trần Thị B', role: 'reviewer', note: 'Cần làm rõ chi phí tuân thủ' },
    });
  });

  it('records the issue date given with `issue`', () => {
    const result = applyTransition(ready('revised', false), 'issue', 'drafter', { actor: 'Nguyễn Văn A', at, issuedAt: '2024-03-01' });
    expect(result.ok && result.status).toBe('issued');
    expect(result.ok && result.issuedAt).toBe('2024-03-01');
    expect(result.ok && result.event.note).toBe('');
  });

  it('keeps the draft issue date on other transitions', () => {
    const snapshot = { ...ready('drafting', false), issuedAt: '2023-01-01' };
    const result = applyTransition(snapshot, 'complete_assessment', 'drafter', { actor: 'A', at });
    expect(result.ok && result.issuedAt).toBe('2023-01-01');
  });

  it('passes a refusal through unchanged and builds no event', () => {
    const snapshot = ready('issued', true);
    const result = applyTransition(snapshot, 'return', 'reviewer', { actor: 'A', at, note: 'x' });
    expect(result).toEqual(checkTransition(snapshot, 'return', 'reviewer', { note: 'x' }));
    expect('event' in result).toBe(false);
  });

  it('plays the whole government round trip to issued', () => {
    const steps: [WorkflowAction, Role][] = [
      ['complete_assessment', 'drafter'],
      ['submit_for_appraisal', 'drafter'],
      ['complete_appraisal', 'appraiser'],
      ['revise', 'drafter'],
      ['submit_for_review', 'drafter'],
      ['complete_review', 'reviewer'],
      ['issue', 'drafter'],
    ];
    let snapshot = ready('drafting', true);
    const history: string[] = [];
    for (const [action, role] of steps) {
      const result = applyTransition(snapshot, action, role, { actor: role, at, issuedAt: '2024-02-05' });
      if (!result.ok) throw new Error(result.message);
      snapshot = { ...snapshot, status: result.status, issuedAt: result.issuedAt };
      history.push(`${result.event.action}:${result.event.role}`);
    }
    expect(snapshot.status).toBe('issued');
    expect(history).toEqual(steps.map(([action, role]) => `${action}:${role}`));
  });
});

describe('ruledStages (issue 20: «Tiếp thu, giải trình» offered where there is something to respond to)', () => {
  const event = (action: WorkflowAction) => ({ action });
  it('is empty for a new draft and for one still with the appraisal body', () => {
    expect(ruledStages([])).toEqual([]);
    expect(ruledStages([event('complete_assessment'), event('submit_for_appraisal')])).toEqual([]);
  });
  it('names each stage once its body has issued its opinions, even after the draft was returned', () => {
    expect(ruledStages([event('submit_for_appraisal'), event('complete_appraisal'), event('revise')])).toEqual(['appraisal']);
    expect(ruledStages([event('complete_appraisal'), event('submit_for_review'), event('complete_review'), event('return')])).toEqual(['appraisal', 'review']);
  });
});
