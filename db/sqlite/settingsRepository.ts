import type { Database } from 'better-sqlite3';

/** Key-value settings stored as JSON; callers validate what they read with their own schema. */
export function createSettingsRepository(db: Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get(key: string): unknown {
      const row = get.get(key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    set(key: string, value: unknown): void {
      set.run(key, JSON.stringify(value));
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
