import type { Database } from 'better-sqlite3';

/**
 * No silent overwrite of a tiếp thu–giải trình (issue 21 item 4): the drafter's answer to an opinion carries a version,
 * raised by one with each change, and who changed it and when, as drafts, regulations and opinions do (0160). A second
 * answer names the version it was made on and is written only while that version is still stored. Answers written
 * before this start at version 1, changed when they were given, by nobody named.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE opinion_responses ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE opinion_responses ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE opinion_responses ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
    UPDATE opinion_responses SET changed_at = responded_at;
  `);
}
