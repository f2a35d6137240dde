import type { ClientBase } from 'pg';

/** SQLite's 0140 (db/sqlite/migrations/0140-draft-trash.ts): the trash for drafts. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE drafts ADD COLUMN deleted_at text COLLATE "C";
    ALTER TABLE drafts ADD COLUMN deleted_by text COLLATE "C";
    CREATE INDEX drafts_in_trash ON drafts (deleted_at) WHERE deleted_at IS NOT NULL;
  `);
}
