import type { ClientBase } from 'pg';

/** SQLite's migration 0300, column for column: a version per setting (a letter's particulars), with who changed it and when. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE settings
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD COLUMN changed_at text COLLATE "C" NOT NULL DEFAULT '',
      ADD COLUMN changed_by text COLLATE "C" NOT NULL DEFAULT '';
  `);
}
