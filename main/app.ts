// Builds the whole back end over one database file; every transport starts from here.
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { takeDailyBackup } from '../db/backups';
import { openDatabase } from '../db/connection';
import { createServiceContext, type DatabaseStorage, type ServiceContext } from './services/context';
import { createHandlers } from './services/handlers';
import { createDispatcher, type Dispatch } from './transports/dispatcher';

/** `db` and `ctx` are the current ones: a restore replaces them. */
export type Backend = { readonly db: Database; readonly ctx: ServiceContext; dispatch: Dispatch; close: () => void };

export function openBackend(databasePath: string, logError: (error: unknown) => void = (error) => console.error(error)): Backend {
  const isFile = databasePath !== ':memory:';
  if (isFile) mkdirSync(dirname(databasePath), { recursive: true });
  let ctx!: ServiceContext;
  let dispatchCurrent!: Dispatch;
  // Calls that arrive while the file is being replaced wait for the reopened services.
  let replacing: Promise<unknown> = Promise.resolve();

  const storage: DatabaseStorage | undefined = isFile
    ? {
        path: databasePath,
        replace: <T>(work: () => Promise<T>): Promise<T> => {
          const run = (async () => {
            ctx.db.close();
            try {
              return await work();
            } finally {
              build(openDatabase(databasePath));
            }
          })();
          replacing = run.catch(() => undefined);
          return run;
        },
      }
    : undefined;

  function build(db: Database): void {
    ctx = createServiceContext(db, storage ? { storage } : {});
    dispatchCurrent = createDispatcher(createHandlers(ctx), logError);
  }

  build(openDatabase(databasePath));
  if (isFile) takeFirstBackupOfTheDay(ctx.db, databasePath, logError);
  return {
    get db() {
      return ctx.db;
    },
    get ctx() {
      return ctx;
    },
    dispatch: async (method, input) => {
      await replacing;
      return dispatchCurrent(method, input);
    },
    close: () => ctx.db.close(),
  };
}

/** A copy on the first start of each day; a failure (a full disk) is logged and never stops the app from opening. */
function takeFirstBackupOfTheDay(db: Database, databasePath: string, logError: (error: unknown) => void): void {
  const hasData = (db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n > 0;
  if (!hasData) return;
  try {
    takeDailyBackup(db, databasePath, new Date());
  } catch (error) {
    logError(error);
  }
}
