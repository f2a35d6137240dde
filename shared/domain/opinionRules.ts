// Who may write or answer an opinion, and when. An opinion belongs to the body of its stage and is written while the
// draft is in that body's hands; the drafting agency answers the opinions of a stage once that stage has ruled.
import type { Opinion, WorkflowEvent } from './dossier';
import { opinionKind, responseKind, WRITE_RULES, writeRefusal } from './permissions';
import type { DraftStatus, OpinionStage, Role, WorkflowAction } from './vocabulary';
import { OPINION_STAGES } from './vocabulary';

/** The submission that opens a round of each stage; who writes and answers its opinions, and when, is in permissions.ts. */
const SUBMITTED_BY: Record<OpinionStage, WorkflowAction> = { appraisal: 'submit_for_appraisal', review: 'submit_for_review' };

/** The stage a submission opens, if the action is one. */
export function stageSubmittedBy(action: WorkflowAction): OpinionStage | undefined {
  return OPINION_STAGES.find((stage) => SUBMITTED_BY[stage] === action);
}

/** Why `role` may not write an opinion at `stage` now; null when it may. */
export function opinionWriteRefusal(role: Role, status: DraftStatus, stage: OpinionStage): string | null {
  return writeRefusal(role, status, opinionKind(stage));
}

/** Why `role` may not answer an opinion of `stage` now; null when it may. */
export function opinionAnswerRefusal(role: Role, status: DraftStatus, stage: OpinionStage): string | null {
  return writeRefusal(role, status, responseKind(stage));
}

/**
 * An opinion is issued once its stage has ruled: the draft has left the one state in which that stage writes. From
 * then on it is kept as it was (the database refuses to change it, migration 0060).
 */
export function opinionIsIssued(stage: OpinionStage, status: DraftStatus): boolean {
  return !WRITE_RULES[opinionKind(stage)].writableWhile.includes(status);
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

/**
 * The opinion a new verdict at `stage` replaces: the latest of the regulation's current-round opinions of that stage
 * (given in issue order), if any. The many-at-once verdict sends what it saw, so one written meanwhile is a conflict.
 */
export function standingOpinion<T extends Pick<Opinion, 'stage'> & { currentRound: boolean }>(opinions: readonly T[], stage: OpinionStage): T | undefined {
  return opinions.findLast((opinion) => opinion.stage === stage && opinion.currentRound);
}
