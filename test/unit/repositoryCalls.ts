// The repository calls a use case makes, counted through a view of its context: on PostgreSQL each is at least one
// round trip to the server, and a write's statements are time every other writer of a team server waits for its
// turn (db/pg/store.ts), so the calls of the busiest requests are pinned down by tests.
import type { Repositories } from '../../db/port';
import type { ServiceContext } from '../../main/services/context';

export type CountedCalls = { calls: string[]; transactions: number };

/**
 * `ctx` whose transactions and reads record each repository method called ("accounts.findSession") in `counted`, and
 * the key of each `settings.get` (the profile, the signed-in person) in `settingsRead`.
 */
export function countingRepositoryCalls(ctx: ServiceContext): { ctx: ServiceContext; counted: CountedCalls; settingsRead: string[] } {
  const counted: CountedCalls = { calls: [], transactions: 0 };
  const settingsRead: string[] = [];
  const view = (repos: Repositories): Repositories =>
    new Proxy(repos, {
      get(target, repositoryName) {
        const repository = Reflect.get(target, repositoryName) as object;
        return new Proxy(repository, {
          get(methods, methodName) {
            const method = Reflect.get(methods, methodName) as unknown;
            if (typeof method !== 'function') return method;
            return (...args: unknown[]) => {
              counted.calls.push(`${String(repositoryName)}.${String(methodName)}`);
              if (repositoryName === 'settings' && methodName === 'get') settingsRead.push(String(args[0]));
              return (method as (...given: unknown[]) => unknown).apply(methods, args);
            };
          },
        });
      },
    });
  const counting: ServiceContext = {
    ...ctx,
    tx: (work) => ctx.tx((repos) => ((counted.transactions += 1), work(view(repos)))),
    read: (work) => ctx.read((repos) => ((counted.transactions += 1), work(view(repos)))),
  };
  return { ctx: counting, counted, settingsRead };
}
