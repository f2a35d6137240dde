import type { Database } from 'better-sqlite3';

/** Versions per round: each submission for appraisal or review keeps a copy of every regulation as it was sent. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE draft_rounds (
      draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
      round INTEGER NOT NULL CHECK (round >= 1),
      stage TEXT NOT NULL CHECK (stage IN ('appraisal', 'review')),
      taken_at TEXT NOT NULL,
      PRIMARY KEY (draft_id, round)
    ) STRICT;

    -- No foreign key to regulations: a regulation deleted later keeps the rounds it was part of.
    CREATE TABLE regulation_snapshots (
      draft_id TEXT NOT NULL,
      round INTEGER NOT NULL,
      regulation_id TEXT NOT NULL,
      name TEXT NOT NULL,
      components TEXT NOT NULL CHECK (json_valid(components)),
      assessment TEXT CHECK (assessment IS NULL OR json_valid(assessment)),
      PRIMARY KEY (draft_id, round, regulation_id),
      FOREIGN KEY (draft_id, round) REFERENCES draft_rounds (draft_id, round) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX regulation_snapshots_by_regulation ON regulation_snapshots (regulation_id, round);
  `);
}
