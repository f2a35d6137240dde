import type { Database } from 'better-sqlite3';
import { createCatalogueRepository } from './catalogueRepository';
import { createCostRollupRepository } from './costRollupRepository';
import { createDraftQueries } from './draftQueries';
import { createDraftsRepository } from './draftsRepository';
import { createEventsRepository } from './eventsRepository';
import { createImportConflictsRepository } from './importConflictsRepository';
import { createOpinionResponsesRepository } from './opinionResponsesRepository';
import { createOpinionsRepository } from './opinionsRepository';
import { createRegulationsRepository } from './regulationsRepository';
import { createReportsRepository } from './reportsRepository';
import { createReviewFindingsRepository } from './reviewFindingsRepository';
import { createRoundSnapshotsRepository } from './roundSnapshotsRepository';
import { createSettingsRepository } from './settingsRepository';

export function createRepositories(db: Database) {
  return {
    drafts: createDraftsRepository(db),
    draftQueries: createDraftQueries(db),
    regulations: createRegulationsRepository(db),
    opinions: createOpinionsRepository(db),
    events: createEventsRepository(db),
    settings: createSettingsRepository(db),
    responses: createOpinionResponsesRepository(db),
    conflicts: createImportConflictsRepository(db),
    rounds: createRoundSnapshotsRepository(db),
    reports: createReportsRepository(db),
    catalogue: createCatalogueRepository(db),
    costRollups: createCostRollupRepository(db),
    findings: createReviewFindingsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
