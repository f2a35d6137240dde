import type { Database } from 'better-sqlite3';

/**
 * A person's password is one-time until they choose their own (issue 21): the passwords `tthc team init`, `team user
 * add` and a reset print are handed over, so the first sign-in with one may only change it. Every password stored
 * before this step was one of those (no one could change theirs), so every existing person must change it too.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE persons ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1))');
}
