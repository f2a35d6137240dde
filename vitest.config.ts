import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: every test on SQLite, and the PostgreSQL tests against a throwaway cluster started once per run
// (test/pg/globalSetup.ts; skipped with one printed line on a machine without PostgreSQL, a failure under CI=true).
const POSTGRES_TESTS = ['db/pg/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...POSTGRES_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          globalSetup: ['test/pg/globalSetup.ts'],
        },
      },
    ],
  },
});
