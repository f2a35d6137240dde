// Every repository of the PostgreSQL adapter over one pooled connection (the transaction's), as the port declares them.
import type { Repositories } from '../port';
import { createPgAccountsRepository } from './accountsRepository';
import { createPgOfflineCopiesRepository } from './offlineCopiesRepository';
import { createPgCatalogueRepository } from './catalogueRepository';
import { createPgCostRollupRepository } from './costRollupRepository';
import { createPgDraftQueries } from './draftQueries';
import { createPgDraftsRepository } from './draftsRepository';
import { createPgEventsRepository } from './eventsRepository';
import { createPgExchangeRepository } from './exchangeRepository';
import { createPgImportConflictsRepository } from './importConflictsRepository';
import { createPgOpinionResponsesRepository } from './opinionResponsesRepository';
import { createPgOpinionsRepository } from './opinionsRepository';
import { createPgRegulationsRepository } from './regulationsRepository';
import { createPgReportsRepository } from './reportsRepository';
import { createPgReviewFindingsRepository } from './reviewFindingsRepository';
import { createPgRevisionsRepository } from './revisionsRepository';
import { createPgRoundSnapshotsRepository } from './roundSnapshotsRepository';
import { createSession } from './session';
import type pg from 'pg';
import { createPgSettingsRepository } from './settingsRepository';

/** The repositories of one transaction; `onWritten` counts the rows its writes change, `onAppended` names the drafts it appends events to. */
export function createPgRepositories(client: pg.ClientBase, onWritten: (rows: number) => void, onAppended: (draftIds: readonly string[]) => void): Repositories {
  const session = createSession(client, onWritten, onAppended);
  const regulations = createPgRegulationsRepository(session);
  const opinions = createPgOpinionsRepository(session);
  const conflicts = createPgImportConflictsRepository(session);
  const rounds = createPgRoundSnapshotsRepository(session);
  const findings = createPgReviewFindingsRepository(session);
  return {
    drafts: createPgDraftsRepository(session),
    draftQueries: createPgDraftQueries(session),
    regulations,
    opinions,
    revisions: createPgRevisionsRepository(session),
    events: createPgEventsRepository(session),
    settings: createPgSettingsRepository(session),
    responses: createPgOpinionResponsesRepository(session),
    conflicts,
    rounds,
    reports: createPgReportsRepository(session),
    catalogue: createPgCatalogueRepository(session),
    costRollups: createPgCostRollupRepository(session),
    findings,
    accounts: createPgAccountsRepository(session),
    offlineCopies: createPgOfflineCopiesRepository(session),
    // The exchange's own copies of the methods it calls: what the services call of the store is what they see.
    exchange: createPgExchangeRepository(session, { regulations: { ...regulations }, opinions: { ...opinions }, conflicts: { ...conflicts }, rounds: { ...rounds }, findings: { ...findings } }),
  };
}
