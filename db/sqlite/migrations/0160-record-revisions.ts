import type { Database } from 'better-sqlite3';

/**
 * No lost update (issue 17 item 5): drafts, regulations, their assessments and opinions carry a version, raised by one
 * with each change, and who made the change and when. An edit names the version it was made on and the repository
 * writes it only if that version is still the stored one (`UPDATE … WHERE id = ? AND version = ?`), so an officer
 * saving over a colleague's change is refused instead of silently overwriting it. A regulation's assessment has a
 * version of its own: the questionnaire saved as it is typed must not make the regulation's form stale, nor the other
 * way round. Rows written before this start at version 1, changed when they were last updated, by nobody
 * named (an opinion's time unknown: an issued opinion's row may not be touched, not even by a migration).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE drafts ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
    UPDATE drafts SET changed_at = updated_at;

    ALTER TABLE regulations ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE regulations ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE regulations ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE regulations ADD COLUMN assessment_version INTEGER NOT NULL DEFAULT 1 CHECK (assessment_version >= 1);
    ALTER TABLE regulations ADD COLUMN assessment_changed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE regulations ADD COLUMN assessment_changed_by TEXT NOT NULL DEFAULT '';
    UPDATE regulations SET changed_at = updated_at, assessment_changed_at = updated_at;

    ALTER TABLE opinions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE opinions ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE opinions ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
  `);
}
