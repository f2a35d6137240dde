import type { SettingsRepository } from '../port';
import type { PgSession } from './session';

/** Key-value settings stored as jsonb, versioned as db/sqlite/settingsRepository.ts keeps them. */
export function createPgSettingsRepository(session: PgSession): SettingsRepository {
  return {
    async get(key) {
      return (await session.row<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]))?.value;
    },
    async set(key, value) {
      await session.run(
        `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1, changed_at = '', changed_by = ''`,
        [key, JSON.stringify(value)],
      );
    },
    async setOnVersion(key, value, edit) {
      const values = [key, JSON.stringify(value), edit.at, edit.by];
      const written =
        edit.onVersion === undefined
          ? await session.rows(
              'INSERT INTO settings (key, value, changed_at, changed_by) VALUES ($1, $2::jsonb, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING key',
              values,
            )
          : await session.rows(
              'UPDATE settings SET value = $2::jsonb, version = version + 1, changed_at = $3, changed_by = $4 WHERE key = $1 AND version = $5 RETURNING key',
              [...values, edit.onVersion],
            );
      return written.length === 1;
    },
  };
}
