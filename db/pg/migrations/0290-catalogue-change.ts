import type { ClientBase } from 'pg';

/** SQLite's 0290 (db/sqlite/migrations/0290-catalogue-change.ts): when the catalogue last changed, by index. */
export async function up(client: ClientBase): Promise<void> {
  await client.query('CREATE INDEX catalogue_by_imported_at ON catalogue_procedures (imported_at);');
}
