// Records the SQL of every statement run, on any connection of either engine (better-sqlite3's statements, pg's
// queries), while it is installed, so that a test can check how a use case reads (how often it counts, whether it
// skips rows with OFFSET), not only what it returns.
import Database from 'better-sqlite3';
import pg from 'pg';
import { vi } from 'vitest';

const RUNNERS = ['all', 'get', 'iterate', 'run'] as const;

export function recordStatements(): { executed: string[]; stop: () => void } {
  const executed: string[] = [];
  const probe = new Database(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<(typeof RUNNERS)[number], (...args: unknown[]) => unknown>;
  probe.close();
  const spies = RUNNERS.map((runner) => {
    const original = prototype[runner];
    return vi.spyOn(prototype, runner).mockImplementation(function (this: Database.Statement, ...args: unknown[]) {
      executed.push(this.source);
      return original.apply(this, args);
    });
  });
  const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const pgSpy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [query] = args;
    executed.push(typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? ''));
    return pgQuery.apply(this, args);
  } as typeof pg.Client.prototype.query);
  return {
    executed,
    stop: () => {
      spies.forEach((spy) => spy.mockRestore());
      pgSpy.mockRestore();
    },
  };
}
