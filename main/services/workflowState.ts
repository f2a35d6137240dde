// Read models of the workflow shared by transitions, opinions and the dossier import: where each regulation stands,
// opinions with the drafter's responses, and the copy of the regulations kept at each submission.
import type { WorkflowView } from '../../shared/contract/api';
import type { Opinion, WorkflowEvent } from '../../shared/domain/dossier';
import { answerableStage, inCurrentRound, latestSubmittedStage, roundOpenings } from '../../shared/domain/opinionRules';
import type { DraftRecord, OpinionRecord, Repositories } from '../../db/port';

const withResponse = ({ regulationId: _regulationId, ...opinion }: OpinionRecord, responses: Map<string, Opinion['response']>): Opinion => {
  const response = responses.get(opinion.id);
  return response ? { ...opinion, response } : opinion;
};

/** A regulation's opinions in issue order, each with the drafter's response when there is one. */
export async function opinionsOf(repos: Repositories, regulationId: string): Promise<Opinion[]> {
  const responses = await repos.responses.mapByRegulation(regulationId);
  return (await repos.opinions.listByRegulation(regulationId)).map((opinion) => withResponse(opinion, responses));
}

/** The opinions of every regulation of a draft, by regulation, each list as opinionsOf gives it: two queries for the whole draft. */
export async function opinionsOfDraft(repos: Repositories, draftId: string): Promise<(regulationId: string) => Opinion[]> {
  const responses = await repos.responses.mapByDraft(draftId);
  const byRegulation = new Map<string, Opinion[]>();
  for (const opinion of await repos.opinions.listByDraft(draftId)) {
    const list = byRegulation.get(opinion.regulationId) ?? [];
    list.push(withResponse(opinion, responses));
    byRegulation.set(opinion.regulationId, list);
  }
  return (regulationId) => byRegulation.get(regulationId) ?? [];
}

export async function workflowSnapshot(
  repos: Repositories,
  draft: DraftRecord,
  events?: readonly WorkflowEvent[],
): Promise<WorkflowView['snapshot']> {
  const history = events ?? (await repos.events.listByDraft(draft.id));
  const openings = roundOpenings(history);
  // A draft received without its history still says, by its state, whose opinions await an answer.
  const answeredStage = latestSubmittedStage(history) ?? answerableStage('drafter', draft.status);
  const regulations = await repos.regulations.listByDraft(draft.id);
  // The completeness stored with each regulation is the assessment screens' own "complete", so both agree.
  const summaries = await repos.regulations.assessmentSummaries(regulations.map((regulation) => regulation.id));
  const opinions = await opinionsOfDraft(repos, draft.id);
  return {
    status: draft.status,
    submittedToGovernment: draft.submittedToGovernment,
    issuedAt: draft.issuedAt,
    regulations: regulations.map((regulation) => {
      const current = opinions(regulation.id).filter((opinion) => inCurrentRound(opinion, openings));
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
