import type { ClientBase } from 'pg';

/**
 * The regulation search's own narrow table, as SQLite keeps its FTS5 table `regulation_search` beside the regulations:
 * `regulation_words` holds each live regulation's folded words (`regulations.search_words`) and its draft, with the
 * trigram index the search reads. Searching the wide `regulations` rows themselves (assessments, components and
 * findings inline: 124 MB for 100.000 regulations) read a heap page for nearly every hit — a common word («đăng ký»,
 * 20.000 hits) took 2,4 s to count and 0,9 s to page, and 50 officers searching at once queued every other call
 * behind them (`npm run bench:team`). The narrow table is 14 MB: the same count takes under a tenth of that.
 * A trigger keeps it: a regulation inserted or its words, draft or trash state changed writes its row (removes it
 * once trashed); a regulation removed takes its row with it (the foreign key). The old index on the wide table goes.
 */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE regulation_words (
      seq integer PRIMARY KEY REFERENCES regulations (seq) ON DELETE CASCADE,
      draft_id text COLLATE "C" NOT NULL,
      words text COLLATE "C" NOT NULL
    );
    INSERT INTO regulation_words (seq, draft_id, words) SELECT seq, draft_id, search_words FROM regulations WHERE deleted_at IS NULL;
    CREATE INDEX regulation_words_trigrams ON regulation_words USING gin (words gin_trgm_ops);
    CREATE INDEX regulation_words_by_draft ON regulation_words (draft_id);
    DROP INDEX regulations_search_words_trigrams;

    CREATE FUNCTION tthc_keep_regulation_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.deleted_at IS NULL THEN
        INSERT INTO regulation_words (seq, draft_id, words) VALUES (NEW.seq, NEW.draft_id, NEW.search_words)
          ON CONFLICT (seq) DO UPDATE SET draft_id = EXCLUDED.draft_id, words = EXCLUDED.words
          WHERE (regulation_words.draft_id, regulation_words.words) IS DISTINCT FROM (EXCLUDED.draft_id, EXCLUDED.words);
      ELSE
        DELETE FROM regulation_words WHERE seq = NEW.seq;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER regulations_keep_words AFTER INSERT OR UPDATE OF name, field, article, national_code, draft_id, deleted_at ON regulations
      FOR EACH ROW EXECUTE FUNCTION tthc_keep_regulation_words();
  `);
}
