import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: every test on SQLite, and the PostgreSQL tests against a throwaway cluster started once per run
// (test/pg/globalSetup.ts; skipped with one printed line on a machine without PostgreSQL, a failure under CI=true).
const POSTGRES_TESTS = ['db/pg/**/*.test.ts', 'main/transports/cliCopyDatabase.test.ts', 'main/transports/teamConcurrentCalls.test.ts', 'main/transports/teamRobustness.test.ts', 'main/transports/teamLiveUpdates.test.ts', 'main/transports/cliTeam.test.ts', 'main/transports/readmeTeamSetup.test.ts', 'main/transports/unitServerClient.test.ts', 'main/transports/offlineWork.test.ts', 'bench/**/*.test.ts'];
// Suites that run on the store test/unit/helpers.ts picks: in the postgres project they run again on PostgreSQL.
const SERVICE_SUITES = ['main/services/**/*.test.ts', 'main/transports/dispatcher.test.ts', 'main/transports/teamServer.test.ts', 'main/workers/heavyReads.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Timeouts catch hangs, not slowness (speed lives in `npm run bench`): property tests that take 2 s alone took over
    // 5 s on a fully loaded 2-core machine, so the default is raised rather than each heavy test guessing its own.
    testTimeout: 20_000,
    // A setup step (a test file's beforeAll building its database) is slowed as much as a test on a loaded 2-core machine.
    hookTimeout: 60_000,
    // In CI a failed test is run once more, and fails the run if it fails again. One intermittent failure is an open
    // defect named in the closing notes of 2026-12-06 (a PostgreSQL searchFilters case that ran past its timeout once,
    // not reproduced since): a retry keeps it from sinking unrelated work. It does not hide it: the run's output
    // reports every retried test.
    retry: process.env.CI ? 1 : 0,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          setupFiles: ['test/yieldBetweenTests.ts', 'test/temporaryHistoryKey.ts'],
          include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...POSTGRES_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...POSTGRES_TESTS, ...SERVICE_SUITES],
          globalSetup: ['test/pg/globalSetup.ts'],
          setupFiles: ['test/yieldBetweenTests.ts', 'test/temporaryHistoryKey.ts', 'test/pg/setupStores.ts'],
          // Every service call is a few round trips to the server instead of calls into SQLite's library: suites that
          // seed hundreds of regulations take several times longer, so the hang-catching timeout is three times as long.
          testTimeout: 60_000,
          env: { TTHC_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
