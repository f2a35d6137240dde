import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/port';

/**
 * What every use case needs: transactions over the storage port (services own them: `await ctx.tx(async (repos) => …)`
 * for a use case that writes, `ctx.read` for one that only reads), the store itself for the engine's own upkeep
 * (backups, restore, verification), a clock and ids.
 */
export type ServiceContext = {
  tx: Store['tx'];
  read: Store['read'];
  store: Store;
  now: () => string;
  newId: () => string;
};

export function createServiceContext(store: Store, overrides: Partial<Pick<ServiceContext, 'now' | 'newId'>> = {}): ServiceContext {
  return {
    tx: (work) => store.tx(work),
    read: (work) => store.read(work),
    store,
    now: overrides.now ?? (() => new Date().toISOString()),
    newId: overrides.newId ?? randomUUID,
  };
}
