// The PostgreSQL project's global setup (vitest.config.ts): one throwaway cluster for the whole run
// (scripts/pg-cluster.ts) with a migrated template database that each test file copies (test/pg/database.ts).
// Without PostgreSQL on the machine the PostgreSQL tests skip, saying in one line what to install; under CI=true
// that is a failure instead.
import type { TestProject } from 'vitest/node';
import { withClient } from '../../db/pg/connection';
import { createMigratedDatabase } from '../../db/pg/migrate';
import { findPostgresBin, POSTGRES_INSTALL_HINT, startThrowawayCluster } from '../../scripts/pg-cluster';
import { TEMPLATE_DATABASE, type PostgresForTests } from './provided';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (!findPostgresBin()) {
    const reason = `PostgreSQL tests skipped: initdb/pg_ctl not found (${POSTGRES_INSTALL_HINT}, or set TTHC_PG_BIN)`;
    if (process.env.CI === 'true') throw new Error(`${reason} — under CI=true a skip is a failure`);
    console.log(reason);
    project.provide('postgres', { missing: reason } satisfies PostgresForTests);
    return undefined;
  }
  const cluster = await startThrowawayCluster();
  try {
    const admin = cluster.url('postgres');
    await createMigratedDatabase(admin, TEMPLATE_DATABASE);
    // Copied by CREATE DATABASE … TEMPLATE, which needs it free of connections: no one may connect to it any more.
    await withClient(admin, (client) => client.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`));
    project.provide('postgres', { adminUrl: admin } satisfies PostgresForTests);
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return () => cluster.stop();
}
