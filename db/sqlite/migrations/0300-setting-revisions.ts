import type { Database } from 'better-sqlite3';

/**
 * No silent overwrite of a letter's particulars (issue 21 item 4): they are a row of `settings`
 * (`letter:<draftId>:<stage>`), which now carries a version, raised by one with each change, and who changed it and
 * when, as opinion answers do (0280). A save names the version it was made on and is written only while that version
 * is still stored. Rows written before this start at version 1, changed by nobody named.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE settings ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE settings ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
  `);
}
