// What the PostgreSQL project's global setup hands the test files (vitest provide/inject); no vitest runtime import
// here, since the global setup runs outside the test workers.
export const TEMPLATE_DATABASE = 'tthc_template';

/** The cluster's maintenance database, or why there is none. */
export type PostgresForTests = { adminUrl: string } | { missing: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}
