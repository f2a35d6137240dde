import type { Database } from 'better-sqlite3';

/** Drafts, their regulations, opinions, history, settings and the folded full-text index. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE drafts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      doc_type TEXT NOT NULL,
      title TEXT NOT NULL,
      drafting_agency TEXT NOT NULL,
      submitted_to_government INTEGER NOT NULL CHECK (submitted_to_government IN (0, 1)),
      status TEXT NOT NULL DEFAULT 'drafting',
      issued_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX drafts_by_updated ON drafts (updated_at DESC, seq DESC);

    CREATE TABLE regulations (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      change TEXT NOT NULL,
      national_code TEXT,
      name TEXT NOT NULL,
      article TEXT,
      field TEXT,
      level TEXT,
      components TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(components)),
      assessment TEXT CHECK (assessment IS NULL OR json_valid(assessment)),
      assessment_completed_at TEXT GENERATED ALWAYS AS (json_extract(assessment, '$.completedAt')) VIRTUAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX regulations_by_draft ON regulations (draft_id, position);
    CREATE INDEX regulations_by_assessment_date ON regulations (assessment_completed_at);
    CREATE INDEX regulations_by_name ON regulations (name, seq);

    CREATE TABLE opinions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      regulation_id TEXT NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
      stage TEXT NOT NULL CHECK (stage IN ('appraisal', 'review')),
      verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'amend', 'remove')),
      issued_at TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      components TEXT CHECK (components IS NULL OR json_valid(components)),
      text TEXT NOT NULL,
      body TEXT CHECK (body IS NULL OR json_valid(body))
    ) STRICT;
    CREATE INDEX opinions_by_regulation ON opinions (regulation_id, issued_at);
    CREATE INDEX opinions_by_stage_date ON opinions (stage, issued_at);

    CREATE TABLE events (
      seq INTEGER PRIMARY KEY,
      draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      at_epoch_ms INTEGER NOT NULL,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      role TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX events_by_draft ON events (draft_id, at_epoch_ms, seq);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    -- Prefix indexes keep type-ahead queries ("dang k") fast; text is folded (đ → d) before it gets here.
    CREATE VIRTUAL TABLE regulation_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
  `);
}
