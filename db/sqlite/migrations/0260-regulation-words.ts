import type { Database } from 'better-sqlite3';

/**
 * PostgreSQL's migration 0260 moves its regulation search into a narrow table of its own (db/pg/migrations); SQLite
 * has searched its own table, the FTS5 `regulation_search`, since its first version. Nothing to change here: the
 * version keeps both engines' schema versions in step.
 */
export function up(_db: Database): void {}
