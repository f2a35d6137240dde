import type { Database } from 'better-sqlite3';

/**
 * The team server's accounts (issue 21): the unit a shared database serves, the persons who sign in to it (their
 * agency, the workflow roles they hold as a JSON array, whether they administer the accounts, an argon2id password
 * hash), their sessions stored under the SHA-256 of the token only, and failed sign-ins per key for throttling. A
 * solo installation has the tables and never fills them.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE units (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE persons (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES units (id),
      login TEXT NOT NULL UNIQUE,
      full_name TEXT NOT NULL,
      agency TEXT NOT NULL,
      roles TEXT NOT NULL CHECK (json_valid(roles)),
      administrator INTEGER NOT NULL CHECK (administrator IN (0, 1)),
      disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      person_id TEXT NOT NULL REFERENCES persons (id),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_person ON sessions (person_id);

    CREATE TABLE login_failures (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_failure_at TEXT NOT NULL
    ) STRICT;
  `);
}
