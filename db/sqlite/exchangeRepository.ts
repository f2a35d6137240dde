// The dossier exchange's bulk reads and writes over the other repositories' statements: a page of drafts is read, or
// an import's page of writes applied, in one call (so one await), running the very statements a row-by-row loop would.
import type { Edit, FindingDecision, ImportWrite, IncomingIds, StoredDraftContents, StoredForMerge, StoredReferences } from '../port';
import type { createDraftsRepository } from './draftsRepository';
import type { createEventsRepository } from './eventsRepository';
import type { createImportConflictsRepository } from './importConflictsRepository';
import type { createOpinionResponsesRepository } from './opinionResponsesRepository';
import type { createOpinionsRepository } from './opinionsRepository';
import type { createRegulationsRepository } from './regulationsRepository';
import type { createReviewFindingsRepository } from './reviewFindingsRepository';
import type { createRoundSnapshotsRepository } from './roundSnapshotsRepository';

type Tables = {
  drafts: ReturnType<typeof createDraftsRepository>;
  regulations: ReturnType<typeof createRegulationsRepository>;
  opinions: ReturnType<typeof createOpinionsRepository>;
  events: ReturnType<typeof createEventsRepository>;
  responses: ReturnType<typeof createOpinionResponsesRepository>;
  conflicts: ReturnType<typeof createImportConflictsRepository>;
  rounds: ReturnType<typeof createRoundSnapshotsRepository>;
  findings: ReturnType<typeof createReviewFindingsRepository>;
};

export function createExchangeRepository(tables: Tables) {
  const { drafts, regulations, opinions, events, responses, conflicts, rounds, findings } = tables;

  function apply(write: ImportWrite, importing: Omit<Edit, 'onVersion'>): void {
    const at = (now: string): Edit => ({ at: now, by: importing.by });
    switch (write.kind) {
      case 'insertDraft':
        return drafts.insert(write.record, at(write.now));
      case 'updateDraft':
        drafts.update(write.record, at(write.now));
        return;
      case 'reindexDraft':
        return regulations.reindexDraft(write.draftId);
      case 'appendEvent':
        return events.append(write.draftId, write.event);
      case 'insertRegulation':
        return regulations.insert(write.record, at(write.now));
      case 'updateRegulation':
        regulations.update(write.record, at(write.now));
        return;
      case 'insertOpinion':
        return opinions.insert(write.opinion, importing);
      case 'saveOpinion':
        opinions.save(write.opinion, importing);
        return;
      case 'saveResponse':
        return responses.save(write.opinionId, write.response);
      case 'decideFinding':
        return findings.decide(write.decision);
      case 'insertConflict':
        return conflicts.insert(write.conflict);
      case 'addRound':
        rounds.addRound(write.draftId, write.stage, write.takenAt);
        return;
    }
  }

  return {
    draftContents(draftIds: readonly string[]): Map<string, StoredDraftContents> {
      return new Map(
        draftIds.map((id) => [
          id,
          {
            events: events.listByDraft(id),
            regulations: regulations.listByDraft(id),
            opinions: opinions.listByDraft(id),
            responses: responses.mapByDraft(id),
            decisions: findings.decisionsByDraft(id),
          },
        ]),
      );
    },

    references({ draftIds, regulationIds, opinionIds }: IncomingIds): StoredReferences {
      const regulationDrafts = new Map<string, string>();
      for (const id of regulationIds) {
        const stored = regulations.findById(id) ?? regulations.findTrashed(id);
        if (stored) regulationDrafts.set(id, stored.draftId);
      }
      const opinionRegulations = new Map<string, string>();
      for (const id of opinionIds) {
        const stored = opinions.findById(id);
        if (stored) opinionRegulations.set(id, stored.regulationId);
      }
      const isHere = (id: string) => drafts.findById(id) !== undefined || drafts.findTrashed(id) !== undefined;
      return { drafts: new Set(draftIds.filter(isHere)), regulationDrafts, opinionRegulations };
    },

    storedForMerge({ draftIds, regulationIds, opinionIds }: IncomingIds): StoredForMerge {
      const stored: StoredForMerge = {
        drafts: new Map(),
        events: new Map(),
        regulations: new Map(),
        trashedDrafts: new Set(),
        trashedRegulations: new Set(),
        opinions: new Map(),
        responses: new Map(),
        decisions: new Map(),
        conflicts: conflicts.listByDrafts(draftIds),
      };
      for (const id of draftIds) {
        if (drafts.findTrashed(id)) {
          stored.trashedDrafts.add(id);
          continue;
        }
        const draft = drafts.findById(id);
        if (!draft) continue;
        stored.drafts.set(id, draft);
        stored.events.set(id, events.listByDraft(id));
      }
      for (const id of regulationIds) {
        if (regulations.findTrashed(id)) {
          stored.trashedRegulations.add(id);
          continue;
        }
        const regulation = regulations.findById(id);
        if (!regulation) continue;
        stored.regulations.set(id, regulation);
        const decisions = findings.decisionsOf(id);
        if (decisions.length > 0) stored.decisions.set(id, new Map(decisions.map((decision): [string, FindingDecision] => [decision.key, decision])));
      }
      for (const id of opinionIds) {
        const opinion = opinions.findById(id);
        if (!opinion) continue;
        stored.opinions.set(id, opinion);
        const response = responses.findByOpinion(id);
        if (response) stored.responses.set(id, response);
      }
      return stored;
    },

    apply(writes: readonly ImportWrite[], importing: Omit<Edit, 'onVersion'>): void {
      for (const write of writes) apply(write, importing);
    },
  };
}
