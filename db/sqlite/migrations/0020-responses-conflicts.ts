import type { Database } from 'better-sqlite3';

/** The drafter's answer to each opinion, and the incoming changes an import could not apply on its own. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE opinion_responses (
      opinion_id TEXT PRIMARY KEY REFERENCES opinions (id) ON DELETE CASCADE,
      decision TEXT NOT NULL CHECK (decision IN ('accepted', 'explained')),
      text TEXT NOT NULL,
      responded_at TEXT NOT NULL
    ) STRICT;

    -- Rows are never deleted: a resolved conflict keeps both the incoming value and the value it met, so nothing is lost.
    CREATE TABLE import_conflicts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('draft', 'regulation', 'opinion', 'response')),
      entity_id TEXT NOT NULL,
      path TEXT NOT NULL,
      message TEXT NOT NULL,
      incoming TEXT NOT NULL CHECK (json_valid(incoming)),
      current TEXT CHECK (current IS NULL OR json_valid(current)),
      sender_agency TEXT NOT NULL,
      sender_role TEXT NOT NULL CHECK (sender_role IN ('drafter', 'appraiser', 'reviewer')),
      received_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
      resolved_at TEXT
    ) STRICT;
    CREATE INDEX import_conflicts_by_draft ON import_conflicts (draft_id, status, seq);
    CREATE INDEX import_conflicts_by_status ON import_conflicts (status, seq);
    CREATE INDEX import_conflicts_by_entity ON import_conflicts (kind, entity_id);
  `);
}
