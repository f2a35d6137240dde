import type { ClientBase } from 'pg';

/** SQLite's 0360 (db/sqlite/migrations/0360-password-change.ts): a one-time password must be changed at the next sign-in. */
export async function up(client: ClientBase): Promise<void> {
  await client.query('ALTER TABLE persons ADD COLUMN must_change_password boolean NOT NULL DEFAULT true');
}
