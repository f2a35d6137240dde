import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createRepositories, type Repositories } from '../../db/sqlite/repositories';

/** The file behind the database, for backup and restore; absent for an in-memory database. */
export type DatabaseStorage = {
  path: string;
  /** Closes the connection, lets `work` replace the file, then reopens every service over the result. */
  replace: <T>(work: () => Promise<T>) => Promise<T>;
};

/** What every use case needs: the database (services own its transactions), the repositories, a clock and ids. */
export type ServiceContext = {
  db: Database;
  repos: Repositories;
  now: () => string;
  newId: () => string;
  storage?: DatabaseStorage;
};

export function createServiceContext(db: Database, overrides: Partial<Pick<ServiceContext, 'now' | 'newId' | 'storage'>> = {}): ServiceContext {
  return {
    db,
    repos: createRepositories(db),
    now: overrides.now ?? (() => new Date().toISOString()),
    newId: overrides.newId ?? randomUUID,
    ...(overrides.storage ? { storage: overrides.storage } : {}),
  };
}
