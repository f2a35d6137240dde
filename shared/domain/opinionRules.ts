// Who may write or answer an opinion, and when. An opinion belongs to the body of its stage and is written while the
// draft is in that body's hands; the drafting agency answers the opinions of a stage once that stage has ruled.
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import type { Opinion, WorkflowEvent } from './dossier';
import type { DraftStatus, OpinionStage, Role, WorkflowAction } from './vocabulary';
import { OPINION_STAGES } from './vocabulary';

const LABELS = vocabularyMessages.vi;
const quote = (text: string): string => `«${text}»`;

type StageRules = {
  /** The only role that writes opinions at this stage. */
  writer: Role;
  /** The only state in which they may be written (or changed): the draft is with that body. */
  writableWhile: DraftStatus;
  /** The state in which the drafter answers them: the body has ruled and the draft is back with the drafter. */
  answerableWhile: DraftStatus;
  /** The submission that opens a round of this stage. */
  submittedBy: WorkflowAction;
};

export const STAGE_RULES: Record<OpinionStage, StageRules> = {
  appraisal: { writer: 'appraiser', writableWhile: 'submitted_for_appraisal', answerableWhile: 'appraised', submittedBy: 'submit_for_appraisal' },
  review: { writer: 'reviewer', writableWhile: 'submitted_for_review', answerableWhile: 'reviewed', submittedBy: 'submit_for_review' },
};

/** The stage a submission opens, if the action is one. */
export function stageSubmittedBy(action: WorkflowAction): OpinionStage | undefined {
  return OPINION_STAGES.find((stage) => STAGE_RULES[stage].submittedBy === action);
}

/** Why `role` may not write an opinion at `stage` now; null when it may. */
export function opinionWriteRefusal(role: Role, status: DraftStatus, stage: OpinionStage): string | null {
  const rules = STAGE_RULES[stage];
  const stageName = LABELS.stage[stage].toLocaleLowerCase('vi');
  if (role !== rules.writer) {
    return `Chỉ ${quote(LABELS.role[rules.writer])} được viết ý kiến ${stageName}; máy này đang ở vai trò ${quote(LABELS.role[role])}.`;
  }
  if (status !== rules.writableWhile) {
    return `Chỉ viết được ý kiến ${stageName} khi dự thảo ở trạng thái ${quote(LABELS.status[rules.writableWhile])}; dự thảo đang ở trạng thái ${quote(LABELS.status[status])}.`;
  }
  return null;
}

/** Why `role` may not answer an opinion of `stage` now; null when it may. */
export function opinionAnswerRefusal(role: Role, status: DraftStatus, stage: OpinionStage): string | null {
  const rules = STAGE_RULES[stage];
  const stageName = LABELS.stage[stage].toLocaleLowerCase('vi');
  if (role !== 'drafter') {
    return `Chỉ ${quote(LABELS.role.drafter)} tiếp thu, giải trình ý kiến; máy này đang ở vai trò ${quote(LABELS.role[role])}.`;
  }
  if (status !== rules.answerableWhile) {
    return `Chỉ tiếp thu, giải trình ý kiến ${stageName} khi dự thảo ở trạng thái ${quote(LABELS.status[rules.answerableWhile])}; dự thảo đang ở trạng thái ${quote(LABELS.status[status])}.`;
  }
  return null;
}

/** The stage at which `role` may write opinions in this state, if any. */
export function writableStage(role: Role, status: DraftStatus): OpinionStage | null {
  return OPINION_STAGES.find((stage) => opinionWriteRefusal(role, status, stage) === null) ?? null;
}

/** The stage whose opinions `role` may answer in this state, if any. */
export function answerableStage(role: Role, status: DraftStatus): OpinionStage | null {
  return OPINION_STAGES.find((stage) => opinionAnswerRefusal(role, status, stage) === null) ?? null;
}

export type RoundOpenings = Record<OpinionStage, string | null>;

/**
 * The day each stage's current round opened: the date of the latest submission for that stage, as written in its
 * timestamp; null while the draft was never submitted for it. Opinions carry only a date, so an opinion belongs to
 * the current round when it was issued on or after that day.
 */
export function roundOpenings(events: ReadonlyArray<Pick<WorkflowEvent, 'at' | 'action'>>): RoundOpenings {
  const openings: RoundOpenings = { appraisal: null, review: null };
  for (const event of events) {
    const stage = stageSubmittedBy(event.action);
    if (stage) openings[stage] = event.at.slice(0, 10);
  }
  return openings;
}

export function inCurrentRound(opinion: Pick<Opinion, 'stage' | 'issuedAt'>, openings: RoundOpenings): boolean {
  const opened = openings[opinion.stage];
  return opened === null || opinion.issuedAt >= opened;
}

/** The stage of the latest submission: the opinions the drafter must answer before moving on are of this stage. */
export function latestSubmittedStage(events: ReadonlyArray<Pick<WorkflowEvent, 'action'>>): OpinionStage | null {
  const latest = events.findLast((event) => stageSubmittedBy(event.action) !== undefined);
  return latest ? (stageSubmittedBy(latest.action) ?? null) : null;
}
