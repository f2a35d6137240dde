import type { Database } from 'better-sqlite3';

/**
 * When the national catalogue last changed, read on every review (issue 18): a stored review notes it in its basis, so
 * that a re-import that adds or changes a record has every review judged again against the records as they are now.
 * The index makes that read one step, whatever the catalogue's size.
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX catalogue_by_imported_at ON catalogue_procedures (imported_at);');
}
