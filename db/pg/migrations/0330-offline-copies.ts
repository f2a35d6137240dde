import type { ClientBase } from 'pg';

/** SQLite's 0330 (db/sqlite/migrations/0330-offline-copies.ts): who took a team draft offline, when, and the draft as sent. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE offline_copies (
      id text COLLATE "C" PRIMARY KEY,
      draft_id text COLLATE "C" NOT NULL REFERENCES drafts (id),
      taken_by text COLLATE "C" NOT NULL,
      taken_by_name text COLLATE "C" NOT NULL,
      taken_at text COLLATE "C" NOT NULL,
      base jsonb NOT NULL,
      returned_at text COLLATE "C",
      released_at text COLLATE "C",
      released_by text COLLATE "C"
    );
    CREATE UNIQUE INDEX offline_copies_one_out ON offline_copies (draft_id) WHERE returned_at IS NULL AND released_at IS NULL;
    CREATE INDEX offline_copies_by_draft ON offline_copies (draft_id, taken_by);
  `);
}
