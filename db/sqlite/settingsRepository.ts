import type { Database } from 'better-sqlite3';
import type { Edit } from '../port';

/**
 * Key-value settings stored as JSON; callers validate what they read with their own schema. Every change raises the
 * row's version (migration 0300); `setOnVersion` writes only on the version a form read.
 */
export function createSettingsRepository(db: Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1, changed_at = '', changed_by = ''`,
  );
  const first = db.prepare('INSERT INTO settings (key, value, changed_at, changed_by) VALUES (@key, @value, @at, @by) ON CONFLICT (key) DO NOTHING');
  const onVersion = db.prepare('UPDATE settings SET value = @value, version = version + 1, changed_at = @at, changed_by = @by WHERE key = @key AND version = @onVersion');
  return {
    get(key: string): unknown {
      const row = get.get(key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    set(key: string, value: unknown): void {
      set.run(key, JSON.stringify(value));
    },
    /** Written on the version it was read at (none: there was no row); false, writing nothing, when another is stored. */
    setOnVersion(key: string, value: unknown, edit: Edit): boolean {
      const values = { key, value: JSON.stringify(value), at: edit.at, by: edit.by };
      return (edit.onVersion === undefined ? first.run(values) : onVersion.run({ ...values, onVersion: edit.onVersion })).changes === 1;
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
