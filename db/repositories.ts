import type { Database } from 'better-sqlite3';
import { createDraftsRepository } from './draftsRepository';
import { createEventsRepository } from './eventsRepository';
import { createOpinionsRepository } from './opinionsRepository';
import { createRegulationsRepository } from './regulationsRepository';
import { createSettingsRepository } from './settingsRepository';

export function createRepositories(db: Database) {
  return {
    drafts: createDraftsRepository(db),
    regulations: createRegulationsRepository(db),
    opinions: createOpinionsRepository(db),
    events: createEventsRepository(db),
    settings: createSettingsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
