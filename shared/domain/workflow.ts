// The review workflow of a draft (DOMAIN.md "The workflow of a draft") as a table of transitions plus guards.
// Pure: the caller builds a WorkflowSnapshot from its data, asks here, and appends the returned event itself.
import type { WorkflowEvent } from './dossier';
import { isoDate } from './dossier';
import { formatInteger } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import type { DraftStatus, OpinionStage, Role, WorkflowAction } from './vocabulary';
import { WORKFLOW_ACTIONS } from './vocabulary';

const LABELS = vocabularyMessages.vi;

export type WorkflowRegulation = {
  id: string;
  name: string;
  assessmentComplete: boolean;
  /** Stages at which the regulation holds an opinion of the current round (the caller decides what the round is). */
  opinionStages: readonly OpinionStage[];
  /** The drafter has answered every opinion of the latest stage on this regulation (true when there is none). */
  responded: boolean;
};

export type WorkflowSnapshot = {
  status: DraftStatus;
  submittedToGovernment: boolean;
  regulations: readonly WorkflowRegulation[];
  /** The issue date already recorded on the draft, if any. */
  issuedAt?: string | null;
};

export type TransitionDetails = {
  note?: string;
  /** The issue date given with `issue`; overrides the snapshot's. */
  issuedAt?: string | null;
};

/** Which drafts an edge applies to: the review stage exists only for drafts submitted to the Government / Prime Minister. */
type DraftScope = 'all' | 'government' | 'not_government';

export type Transition = {
  action: WorkflowAction;
  from: DraftStatus;
  to: DraftStatus;
  roles: readonly Role[];
  scope: DraftScope;
};

/**
 * Who may return a draft to drafting, and from where: the appraiser while the draft is in its hands or just appraised,
 * the reviewer likewise at review, and the drafter to pull back its own work before the other body has ruled
 * (assessed, submitted_for_appraisal, revised, submitted_for_review). Once appraised or reviewed, only that body may
 * send it back; an issued draft never goes back.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'complete_assessment', from: 'drafting', to: 'assessed', roles: ['drafter'], scope: 'all' },
  { action: 'submit_for_appraisal', from: 'assessed', to: 'submitted_for_appraisal', roles: ['drafter'], scope: 'all' },
  { action: 'complete_appraisal', from: 'submitted_for_appraisal', to: 'appraised', roles: ['appraiser'], scope: 'all' },
  { action: 'revise', from: 'appraised', to: 'revised', roles: ['drafter'], scope: 'all' },
  { action: 'submit_for_review', from: 'revised', to: 'submitted_for_review', roles: ['drafter'], scope: 'government' },
  { action: 'complete_review', from: 'submitted_for_review', to: 'reviewed', roles: ['reviewer'], scope: 'government' },
  { action: 'issue', from: 'revised', to: 'issued', roles: ['drafter'], scope: 'not_government' },
  { action: 'issue', from: 'reviewed', to: 'issued', roles: ['drafter'], scope: 'government' },
  { action: 'return', from: 'assessed', to: 'drafting', roles: ['drafter'], scope: 'all' },
  { action: 'return', from: 'submitted_for_appraisal', to: 'drafting', roles: ['drafter', 'appraiser'], scope: 'all' },
  { action: 'return', from: 'appraised', to: 'drafting', roles: ['appraiser'], scope: 'all' },
  { action: 'return', from: 'revised', to: 'drafting', roles: ['drafter'], scope: 'all' },
  { action: 'return', from: 'submitted_for_review', to: 'drafting', roles: ['drafter', 'reviewer'], scope: 'all' },
  { action: 'return', from: 'reviewed', to: 'drafting', roles: ['reviewer'], scope: 'all' },
];

export const TRANSITION_RULES = [
  'wrong_state',
  'review_not_applicable',
  'review_required',
  'role_not_allowed',
  'return_reason_required',
  'no_regulations',
  'assessment_incomplete',
  'appraisal_opinion_missing',
  'response_missing',
  'review_opinion_missing',
  'issue_date_missing',
  'issue_date_invalid',
] as const;
export type TransitionRule = (typeof TRANSITION_RULES)[number];

export type TransitionRefusal = {
  ok: false;
  rule: TransitionRule;
  message: string;
  /** Ids of the regulations that break the rule, when it is about regulations. */
  regulationIds?: string[];
};
export type TransitionCheck = { ok: true; to: DraftStatus } | TransitionRefusal;

const inScope = (transition: Transition, submittedToGovernment: boolean): boolean =>
  transition.scope === 'all' || (transition.scope === 'government') === submittedToGovernment;

/** Actions the state, the kind of draft and the role offer; their guards are left to checkTransition, which says why one is blocked. */
export function availableActions(snapshot: WorkflowSnapshot, role: Role): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) =>
    TRANSITIONS.some(
      (transition) =>
        transition.action === action &&
        transition.from === snapshot.status &&
        inScope(transition, snapshot.submittedToGovernment) &&
        transition.roles.includes(role),
    ),
  );
}

const quote = (text: string): string => `«${text}»`;
const MAX_NAMED = 10;

function nameRegulations(regulations: readonly WorkflowRegulation[]): string {
  const named = regulations.slice(0, MAX_NAMED).map((regulation) => quote(regulation.name)).join(', ');
  const rest = regulations.length - MAX_NAMED;
  return rest > 0 ? `${named} và ${formatInteger(rest)} TTHC khác` : named;
}

function refuseRegulations(
  rule: TransitionRule,
  statement: string,
  offending: readonly WorkflowRegulation[],
): TransitionRefusal | null {
  if (offending.length === 0) return null;
  return {
    ok: false,
    rule,
    message: `${statement} Chưa đạt: ${nameRegulations(offending)}.`,
    regulationIds: offending.map((regulation) => regulation.id),
  };
}

function requireCompleteAssessments(snapshot: WorkflowSnapshot): TransitionRefusal | null {
  if (snapshot.regulations.length === 0) {
    return {
      ok: false,
      rule: 'no_regulations',
      message: 'dự thảo chưa có TTHC nào, phải có ít nhất một TTHC đã đánh giá tác động.',
    };
  }
  return refuseRegulations(
    'assessment_incomplete',
    'mọi TTHC phải hoàn thành đánh giá tác động (cơ quan thẩm định phải từ chối hồ sơ thiếu đánh giá tác động).',
    snapshot.regulations.filter((regulation) => !regulation.assessmentComplete),
  );
}

function requireOpinions(snapshot: WorkflowSnapshot, stage: OpinionStage): TransitionRefusal | null {
  return refuseRegulations(
    stage === 'appraisal' ? 'appraisal_opinion_missing' : 'review_opinion_missing',
    `mọi TTHC phải có ý kiến ${LABELS.stage[stage].toLowerCase()}.`,
    snapshot.regulations.filter((regulation) => !regulation.opinionStages.includes(stage)),
  );
}

function requireResponses(snapshot: WorkflowSnapshot): TransitionRefusal | null {
  return refuseRegulations(
    'response_missing',
    'cơ quan chủ trì soạn thảo phải tiếp thu hoặc giải trình từng ý kiến của vòng gần nhất.',
    snapshot.regulations.filter((regulation) => !regulation.responded),
  );
}

function requireIssueDate(snapshot: WorkflowSnapshot, details: TransitionDetails): TransitionRefusal | null {
  const issuedAt = details.issuedAt ?? snapshot.issuedAt ?? '';
  if (issuedAt.trim() === '') {
    return { ok: false, rule: 'issue_date_missing', message: 'phải ghi ngày ban hành văn bản.' };
  }
  if (!isoDate.safeParse(issuedAt).success) {
    return {
      ok: false,
      rule: 'issue_date_invalid',
      message: `ngày ban hành ${quote(issuedAt)} không hợp lệ: phải là một ngày có thật dạng YYYY-MM-DD.`,
    };
  }
  return null;
}

function requireReturnReason(_snapshot: WorkflowSnapshot, details: TransitionDetails): TransitionRefusal | null {
  return (details.note ?? '').trim() === ''
    ? { ok: false, rule: 'return_reason_required', message: 'phải ghi rõ lý do trả lại dự thảo.' }
    : null;
}

type Guard = (snapshot: WorkflowSnapshot, details: TransitionDetails) => TransitionRefusal | null;

const GUARDS: Record<WorkflowAction, Guard | null> = {
  complete_assessment: requireCompleteAssessments,
  submit_for_appraisal: requireCompleteAssessments,
  complete_appraisal: (snapshot) => requireOpinions(snapshot, 'appraisal'),
  revise: requireResponses,
  submit_for_review: null,
  complete_review: (snapshot) => requireOpinions(snapshot, 'review'),
  // Issued only once every opinion of the last stage has its tiếp thu, giải trình (the status table's "Còn thiếu").
  issue: (snapshot, details) => requireResponses(snapshot) ?? requireIssueDate(snapshot, details),
  return: requireReturnReason,
};

function withRefusedAction(action: WorkflowAction, refusal: TransitionRefusal): TransitionRefusal {
  return { ...refusal, message: `Không thể ${quote(LABELS.action[action])}: ${refusal.message}` };
}

/** Whether `role` may take `action` now; a refusal carries a stable rule id and a Vietnamese message naming the rule. */
export function checkTransition(
  snapshot: WorkflowSnapshot,
  action: WorkflowAction,
  role: Role,
  details: TransitionDetails = {},
): TransitionCheck {
  const fromHere = TRANSITIONS.filter((transition) => transition.action === action && transition.from === snapshot.status);
  if (fromHere.length === 0) {
    return withRefusedAction(action, {
      ok: false,
      rule: 'wrong_state',
      message: `thao tác này không áp dụng khi dự thảo ở trạng thái ${quote(LABELS.status[snapshot.status])}.`,
    });
  }
  const transition = fromHere.find((candidate) => inScope(candidate, snapshot.submittedToGovernment));
  if (!transition) {
    return withRefusedAction(
      action,
      snapshot.submittedToGovernment
        ? {
            ok: false,
            rule: 'review_required',
            message: 'dự thảo trình Chính phủ, Thủ tướng Chính phủ phải được Văn phòng Chính phủ thẩm tra trước khi ban hành.',
          }
        : {
            ok: false,
            rule: 'review_not_applicable',
            message: 'chỉ dự thảo trình Chính phủ, Thủ tướng Chính phủ mới qua bước thẩm tra của Văn phòng Chính phủ.',
          },
    );
  }
  if (!transition.roles.includes(role)) {
    const allowed = transition.roles.map((allowedRole) => quote(LABELS.role[allowedRole])).join(' hoặc ');
    return withRefusedAction(action, {
      ok: false,
      rule: 'role_not_allowed',
      message: `vai trò ${quote(LABELS.role[role])} không được thực hiện thao tác này ở trạng thái ${quote(LABELS.status[snapshot.status])}; chỉ ${allowed} được thực hiện.`,
    });
  }
  const refusal = GUARDS[action]?.(snapshot, details);
  return refusal ? withRefusedAction(action, refusal) : { ok: true, to: transition.to };
}

export type TransitionRequest = TransitionDetails & { actor: string; at: string };

export type AppliedTransition = {
  ok: true;
  status: DraftStatus;
  /** The draft's issue date after the transition: the given date on `issue`, otherwise unchanged. */
  issuedAt: string | null;
  /** To append to the draft's history; history is never edited. */
  event: WorkflowEvent;
};

export function applyTransition(
  snapshot: WorkflowSnapshot,
  action: WorkflowAction,
  role: Role,
  request: TransitionRequest,
): AppliedTransition | TransitionRefusal {
  const check = checkTransition(snapshot, action, role, request);
  if (!check.ok) return check;
  const issuedAt = action === 'issue' ? (request.issuedAt ?? snapshot.issuedAt ?? null) : (snapshot.issuedAt ?? null);
  return {
    ok: true,
    status: check.to,
    issuedAt,
    event: { at: request.at, action, actor: request.actor, role, note: (request.note ?? '').trim() },
  };
}

/** Where a history stops making sense: the event's index, the field at fault and why, in Vietnamese. */
export type HistoryFault = { index: number; field: 'role' | 'action'; message: string };
export type HistoryReplay = { ok: true; status: DraftStatus } | ({ ok: false } & HistoryFault);

/**
 * The state a draft's history leads to: from drafting, each event must be a transition of the table from the state
 * the ones before it reached, for its kind of draft, taken by a role allowed to take it. The guards are not replayed
 * (they judge data as it was then, which a history does not hold); the states and roles are.
 */
export function replayHistory(events: readonly Pick<WorkflowEvent, 'action' | 'role'>[], submittedToGovernment: boolean): HistoryReplay {
  let status: DraftStatus = 'drafting';
  for (const [index, event] of events.entries()) {
    const allowed = [...new Set(TRANSITIONS.filter((transition) => transition.action === event.action).flatMap((transition) => transition.roles))];
    if (!allowed.includes(event.role)) {
      const who = allowed.map((role) => quote(LABELS.role[role])).join(' hoặc ');
      return {
        ok: false,
        index,
        field: 'role',
        message: `vai trò ${quote(LABELS.role[event.role])} không được thực hiện ${quote(LABELS.action[event.action])}; chỉ ${who} được thực hiện`,
      };
    }
    const transition = TRANSITIONS.find(
      (candidate) =>
        candidate.action === event.action &&
        candidate.from === status &&
        inScope(candidate, submittedToGovernment) &&
        candidate.roles.includes(event.role),
    );
    if (!transition) {
      return {
        ok: false,
        index,
        field: 'action',
        message: `${quote(LABELS.action[event.action])} không thể diễn ra khi dự thảo${submittedToGovernment ? ' trình Chính phủ, Thủ tướng Chính phủ' : ''} đang ở trạng thái ${quote(LABELS.status[status])} (theo các sự kiện trước đó)`,
      };
    }
    status = transition.to;
  }
  return { ok: true, status };
}

/** The action by which each stage's body issues its opinions. */
const RULING: Record<OpinionStage, WorkflowAction> = { appraisal: 'complete_appraisal', review: 'complete_review' };

/**
 * The stages whose body has issued its opinions on the draft, in the workflow's order: what the drafting agency has
 * to take on board or explain (tiếp thu, giải trình). A new draft has none, so it offers no table of responses.
 */
export function ruledStages(events: readonly Pick<WorkflowEvent, 'action'>[]): OpinionStage[] {
  return (['appraisal', 'review'] as const).filter((stage) => events.some((event) => event.action === RULING[stage]));
}
