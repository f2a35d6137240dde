// The set-up every SQLite migration test shares, as test/pg/database.ts's atSchemaVersion and insertDraftD are for
// PostgreSQL's: an in-memory database migrated up to the version before the step under test, and the draft 'd' the
// test's regulations belong to.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../../db/sqlite/connection';
import { MIGRATIONS } from '../../db/sqlite/migrations/index';

/** An empty database migrated up to `version`, handed to `body` with `migrateTo` (the step under test); closed after. */
export function atSqliteSchemaVersion(version: number, body: (db: Database, migrateTo: (target: number) => void) => void): void {
  const db = new BetterSqlite3(':memory:');
  try {
    migrate(db, MIGRATIONS, version);
    body(db, (target) => migrate(db, MIGRATIONS, target));
  } finally {
    db.close();
  }
}

/** The draft 'd' (a decree of `agency`, Bộ Tư pháp unless told) that a migration test's regulations belong to. */
export function insertSqliteDraftD(db: Database, agency = 'Bộ Tư pháp'): void {
  db.prepare(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
    VALUES ('d', 'nghi_dinh', 'Dự thảo', ?, 0, 'drafting', 'x', 'x')`).run(agency);
}
