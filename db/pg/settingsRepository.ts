import type { SettingsRepository } from '../port';
import type { PgSession } from './session';

/** Key-value settings stored as jsonb; callers validate what they read with their own schema. */
export function createPgSettingsRepository(session: PgSession): SettingsRepository {
  return {
    async get(key) {
      return (await session.row<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]))?.value;
    },
    async set(key, value) {
      await session.run('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
        key,
        JSON.stringify(value),
      ]);
    },
  };
}
