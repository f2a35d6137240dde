// Builds the whole back end over one database file; every transport starts from here.
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../db/connection';
import { createServiceContext, type ServiceContext } from './services/context';
import { createHandlers } from './services/handlers';
import { createDispatcher, type Dispatch } from './transports/dispatcher';

export type Backend = { db: Database; ctx: ServiceContext; dispatch: Dispatch; close: () => void };

export function openBackend(databasePath: string, logError: (error: unknown) => void = (error) => console.error(error)): Backend {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  const db = openDatabase(databasePath);
  const ctx = createServiceContext(db);
  const dispatch = createDispatcher(createHandlers(ctx), logError);
  return { db, ctx, dispatch, close: () => db.close() };
}
