import type { Database } from 'better-sqlite3';

/**
 * The history's seal (issue 23, item 3; db/common/historySeal.ts): each draft's chain head keeps a checkpoint — how
 * many events its chain holds, a digest of its status and issued opinions, and their HMAC under this installation's
 * key — and history_seal records when the database first met a key. The key lives outside the database, so the
 * checkpoints of a history already stored are written when the store first opens it with the key (sealOnFirstOpen),
 * not here: this row (no key yet) asks for that, once. Only this migration asks: a database whose seals someone
 * blanked or whose record they removed is not sealed again, so a rewritten history cannot be laundered by reopening.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE event_chain_heads ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE event_chain_heads ADD COLUMN state_digest TEXT NOT NULL DEFAULT '';
    ALTER TABLE event_chain_heads ADD COLUMN seal TEXT NOT NULL DEFAULT '';
    CREATE TABLE history_seal (
      key_id TEXT PRIMARY KEY,
      sealed_at TEXT NOT NULL,
      drafts INTEGER NOT NULL,
      events INTEGER NOT NULL
    ) STRICT;
    INSERT INTO history_seal (key_id, sealed_at, drafts, events) VALUES ('', '', 0, 0);
  `);
}
