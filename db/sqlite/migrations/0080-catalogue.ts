import type { Database } from 'better-sqlite3';

/**
 * The local copy of the national TTHC database: one row per published procedure, keyed by its code, the whole
 * record as JSON beside the columns lists sort and filter by, and a folded full-text index (đ → d done in code).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE catalogue_procedures (
      seq INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      field TEXT NOT NULL,
      level TEXT NOT NULL,
      publication_decision TEXT NOT NULL,
      record TEXT NOT NULL CHECK (json_valid(record)),
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX catalogue_by_name ON catalogue_procedures (name, seq);

    CREATE VIRTUAL TABLE catalogue_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
  `);
}
