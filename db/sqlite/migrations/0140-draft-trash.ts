import type { Database } from 'better-sqlite3';

/**
 * A trash for drafts, as 0060 made one for regulations: a draft created by mistake is put in the trash (deleted_at,
 * deleted_by) while still in drafting, and left out of every list, count and report until it is restored. Its live
 * regulations go into the trash with it at the same instant (regulations.deleted_at), so every search, report and
 * roll-up that already leaves trashed regulations out leaves the draft's out too.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE drafts ADD COLUMN deleted_at TEXT;
    ALTER TABLE drafts ADD COLUMN deleted_by TEXT;
    CREATE INDEX drafts_in_trash ON drafts (deleted_at) WHERE deleted_at IS NOT NULL;
  `);
}
