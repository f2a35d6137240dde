import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createRepositories, type Repositories } from '../../db/repositories';

/** What every use case needs: the database (services own its transactions), the repositories, a clock and ids. */
export type ServiceContext = {
  db: Database;
  repos: Repositories;
  now: () => string;
  newId: () => string;
};

export function createServiceContext(db: Database, overrides: Partial<Pick<ServiceContext, 'now' | 'newId'>> = {}): ServiceContext {
  return {
    db,
    repos: createRepositories(db),
    now: overrides.now ?? (() => new Date().toISOString()),
    newId: overrides.newId ?? randomUUID,
  };
}
