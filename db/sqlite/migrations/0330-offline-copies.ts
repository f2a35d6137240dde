import type { Database } from 'better-sqlite3';

/**
 * A team draft taken to work offline (issue 21 item 6): who took it («Mang về làm việc ngoại tuyến») and when, and
 * the draft as it was sent with them — the common ancestor its send-back («Gửi lại máy chủ») is merged against, so
 * only what changed on both sides since is a conflict. A copy ends once: sent back, or released by an administrator
 * (then its holder can still send it back, and what others changed meanwhile is listed as conflicts). At most one
 * copy of a draft is out at a time.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE offline_copies (
      id TEXT PRIMARY KEY,
      draft_id TEXT NOT NULL REFERENCES drafts (id),
      taken_by TEXT NOT NULL,
      taken_by_name TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      base TEXT NOT NULL CHECK (json_valid(base)),
      returned_at TEXT,
      released_at TEXT,
      released_by TEXT
    ) STRICT;
    CREATE UNIQUE INDEX offline_copies_one_out ON offline_copies (draft_id) WHERE returned_at IS NULL AND released_at IS NULL;
    CREATE INDEX offline_copies_by_draft ON offline_copies (draft_id, taken_by);
  `);
}
