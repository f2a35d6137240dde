import type { Database } from 'better-sqlite3';

/** The period report counts issued drafts by their issue date. */
export function up(db: Database): void {
  db.exec('CREATE INDEX drafts_by_issued ON drafts (issued_at) WHERE issued_at IS NOT NULL;');
}
