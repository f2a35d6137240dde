// The SQLite adapter's repositories: each one's prepared statements answer at once (better-sqlite3 is synchronous),
// and the port sees the same methods answering Promises. Bulk work inside the adapter (the dossier exchange's pages)
// calls the synchronous methods directly, so a page costs one await however many rows it holds.
import type { Database } from 'better-sqlite3';
import type { Repositories } from '../port';
import { createAccountsRepository } from './accountsRepository';
import { createCatalogueRepository } from './catalogueRepository';
import { createCostRollupRepository } from './costRollupRepository';
import { createDraftQueries } from './draftQueries';
import { createDraftsRepository } from './draftsRepository';
import { createEventsRepository } from './eventsRepository';
import { createExchangeRepository } from './exchangeRepository';
import { createImportConflictsRepository } from './importConflictsRepository';
import { createOfflineCopiesRepository } from './offlineCopiesRepository';
import { createOpinionResponsesRepository } from './opinionResponsesRepository';
import { createOpinionsRepository } from './opinionsRepository';
import { createRegulationsRepository } from './regulationsRepository';
import { createReportsRepository } from './reportsRepository';
import { createReviewFindingsRepository } from './reviewFindingsRepository';
import { createRevisionsRepository } from './revisionsRepository';
import { createRoundSnapshotsRepository } from './roundSnapshotsRepository';
import { createSettingsRepository } from './settingsRepository';

/** A port repository's methods as this adapter writes them: the same arguments, the answer at once. */
type Immediate<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never };
type ImmediateRepositories = { [K in keyof Repositories]: Immediate<Repositories[K]> };

/** Every repository over one connection; each may have methods beyond the port's for the adapter's own bulk work. */
export function createSqliteRepositories(db: Database) {
  const tables = {
    drafts: createDraftsRepository(db),
    draftQueries: createDraftQueries(db),
    regulations: createRegulationsRepository(db),
    opinions: createOpinionsRepository(db),
    revisions: createRevisionsRepository(db),
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
  const repositories = { ...tables, exchange: createExchangeRepository(tables), accounts: createAccountsRepository(db), offlineCopies: createOfflineCopiesRepository(db) } satisfies ImmediateRepositories;
  return repositories;
}
export type SqliteRepositories = ReturnType<typeof createSqliteRepositories>;

function answeringPromises<T extends object>(immediate: Immediate<T>): T {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, method] of Object.entries(immediate) as Array<[string, (...args: unknown[]) => unknown]>) {
    methods[name] = async (...args) => method(...args);
  }
  return methods as T;
}

/** The port's view of the repositories: every method answering a Promise over the same statements. */
export function portRepositories(repositories: ImmediateRepositories): Repositories {
  const entries = Object.entries(repositories).map(([name, repository]) => [name, answeringPromises(repository as never)]);
  return Object.fromEntries(entries) as Repositories;
}
