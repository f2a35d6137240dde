import type { ClientBase } from 'pg';

/**
 * SQLite's 0270-history-seal: each draft's checkpoint beside its chain head, and when the database first met a key
 * (the row without a key asks the store to seal the history already stored, once).
 */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE event_chain_heads ADD COLUMN event_count integer NOT NULL DEFAULT 0;
    ALTER TABLE event_chain_heads ADD COLUMN state_digest text COLLATE "C" NOT NULL DEFAULT '';
    ALTER TABLE event_chain_heads ADD COLUMN seal text COLLATE "C" NOT NULL DEFAULT '';
    CREATE TABLE history_seal (
      key_id text COLLATE "C" PRIMARY KEY,
      sealed_at text COLLATE "C" NOT NULL,
      drafts integer NOT NULL,
      events integer NOT NULL
    );
    INSERT INTO history_seal (key_id, sealed_at, drafts, events) VALUES ('', '', 0, 0);
  `);
}
