import type { ClientBase } from 'pg';

/** SQLite's migration 0240: who made a draft's last change, as JSON { login, fullName }, written by the drafts repository. */
export async function up(client: ClientBase): Promise<void> {
  await client.query('ALTER TABLE drafts ADD COLUMN changed_by_person text');
}
