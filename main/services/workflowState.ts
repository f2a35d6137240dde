// Read models of the workflow shared by transitions, opinions and the dossier import: where each regulation stands,
// opinions with the drafter's responses, and the copy of the regulations kept at each submission.
import type { WorkflowView } from '../../shared/contract/api';
import type { Opinion, WorkflowEvent } from '../../shared/domain/dossier';
import { answerableStage, inCurrentRound, latestSubmittedStage, roundOpenings } from '../../shared/domain/opinionRules';
import type { OpinionStage } from '../../shared/domain/vocabulary';
import type { DraftRecord } from '../../db/sqlite/draftsRepository';
import type { ServiceContext } from './context';

/** A regulation's opinions in issue order, each with the drafter's response when there is one. */
export function opinionsOf(ctx: ServiceContext, regulationId: string): Opinion[] {
  const responses = ctx.repos.responses.mapByRegulation(regulationId);
  return ctx.repos.opinions.listByRegulation(regulationId).map(({ regulationId: _regulationId, ...opinion }) => {
    const response = responses.get(opinion.id);
    return response ? { ...opinion, response } : opinion;
  });
}

export function workflowSnapshot(
  ctx: ServiceContext,
  draft: DraftRecord,
  events: readonly WorkflowEvent[] = ctx.repos.events.listByDraft(draft.id),
): WorkflowView['snapshot'] {
  const openings = roundOpenings(events);
  // A draft received without its history still says, by its state, whose opinions await an answer.
  const answeredStage = latestSubmittedStage(events) ?? answerableStage('drafter', draft.status);
  const regulations = ctx.repos.regulations.listByDraft(draft.id);
  // The completeness stored with each regulation is the assessment screens' own "complete", so both agree.
  const summaries = ctx.repos.regulations.assessmentSummaries(regulations.map((regulation) => regulation.id));
  return {
    status: draft.status,
    submittedToGovernment: draft.submittedToGovernment,
    issuedAt: draft.issuedAt,
    regulations: regulations.map((regulation) => {
      const current = opinionsOf(ctx, regulation.id).filter((opinion) => inCurrentRound(opinion, openings));
      return {
        id: regulation.id,
        name: regulation.name,
        assessmentComplete: summaries.get(regulation.id)?.assessmentComplete ?? false,
        opinionStages: [...new Set(current.map((opinion) => opinion.stage))],
        responded: current.every((opinion) => opinion.stage !== answeredStage || opinion.response !== undefined),
      };
    }),
  };
}

/** Keeps every regulation of the draft as it is now as the next round of `stage`. */
export function takeRound(ctx: ServiceContext, draftId: string, stage: OpinionStage, takenAt: string): number {
  return ctx.repos.rounds.addRound(draftId, stage, takenAt);
}
