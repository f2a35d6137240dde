import type { ClientBase } from 'pg';

/** SQLite's 0210 (db/sqlite/migrations/0210-review-basis.ts): what a stored comparative review was judged on. */
export async function up(client: ClientBase): Promise<void> {
  await client.query('ALTER TABLE regulations ADD COLUMN review_basis text COLLATE "C";');
}
