import type { ClientBase } from 'pg';

/** SQLite's 0200 (db/sqlite/migrations/0200-team-accounts.ts): the team server's unit, persons, sessions and sign-in failures. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE units (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      created_at text COLLATE "C" NOT NULL
    );

    CREATE TABLE persons (
      id text COLLATE "C" PRIMARY KEY,
      unit_id text COLLATE "C" NOT NULL REFERENCES units (id),
      login text COLLATE "C" NOT NULL UNIQUE,
      full_name text COLLATE "C" NOT NULL,
      agency text COLLATE "C" NOT NULL,
      roles jsonb NOT NULL,
      administrator boolean NOT NULL,
      disabled boolean NOT NULL,
      password_hash text COLLATE "C" NOT NULL,
      created_at text COLLATE "C" NOT NULL
    );

    CREATE TABLE sessions (
      token_hash text COLLATE "C" PRIMARY KEY,
      person_id text COLLATE "C" NOT NULL REFERENCES persons (id),
      created_at text COLLATE "C" NOT NULL,
      last_seen_at text COLLATE "C" NOT NULL,
      expires_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX sessions_by_person ON sessions (person_id);

    CREATE TABLE login_failures (
      key text COLLATE "C" PRIMARY KEY,
      failures integer NOT NULL,
      last_failure_at text COLLATE "C" NOT NULL
    );
  `);
}
