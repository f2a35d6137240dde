import type { Database } from 'better-sqlite3';

/**
 * Who made a draft's last change (issue 21 item 4, the polling fallback of live updates): the signed-in person a
 * change was written for, as JSON { login, fullName }, beside `updated_at`, so that a page that cannot have the server's
 * stream asks for it and tells others' changes from its own. Only a team server (PostgreSQL) names them; here it stays null.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE drafts ADD COLUMN changed_by_person TEXT');
}
