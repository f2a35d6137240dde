import type { AccountsRepository, PersonRecord } from '../port';
import type { Role } from '../../shared/domain/vocabulary';
import type { PgSession } from './session';

type PersonRow = {
  id: string;
  unit_id: string;
  login: string;
  full_name: string;
  agency: string;
  roles: Role[];
  administrator: boolean;
  disabled: boolean;
  must_change_password: boolean;
  created_at: string;
};
const PERSON_COLUMNS = 'id, unit_id, login, full_name, agency, roles, administrator, disabled, must_change_password, created_at';
const SESSION_PERSON_COLUMNS = PERSON_COLUMNS.split(', ').map((column) => `p.${column}`).join(', ');

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  unitId: row.unit_id,
  login: row.login,
  fullName: row.full_name,
  agency: row.agency,
  roles: row.roles,
  administrator: row.administrator,
  disabled: row.disabled,
  mustChangePassword: row.must_change_password,
  createdAt: row.created_at,
});

/** The team server's accounts (db/port.ts AccountsRepository), as SQLite's db/sqlite/accountsRepository.ts. */
export function createPgAccountsRepository(session: PgSession): AccountsRepository {
  return {
    async insertUnit(unit) {
      await session.run('INSERT INTO units (id, name, created_at) VALUES ($1, $2, $3)', [unit.id, unit.name, unit.createdAt]);
    },
    async unit() {
      const row = await session.row<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM units ORDER BY created_at LIMIT 1');
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },
    async insertPerson(person, passwordHash) {
      const { id, unitId, login, fullName, agency, roles, administrator, disabled, mustChangePassword, createdAt } = person;
      const inserted = await session.run(
        `INSERT INTO persons (${PERSON_COLUMNS}, password_hash) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11) ON CONFLICT (login) DO NOTHING`,
        [id, unitId, login, fullName, agency, JSON.stringify(roles), administrator, disabled, mustChangePassword, createdAt, passwordHash],
      );
      return inserted === 1;
    },
    async findPersonById(id) {
      const row = await session.row<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM persons WHERE id = $1`, [id]);
      return row && toPerson(row);
    },
    async findPersonByLogin(login) {
      const row = await session.row<PersonRow & { password_hash: string }>(`SELECT ${PERSON_COLUMNS}, password_hash FROM persons WHERE login = $1`, [login]);
      return row && { person: toPerson(row), passwordHash: row.password_hash };
    },
    async listPersons() {
      return (await session.rows<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM persons ORDER BY login`)).map(toPerson);
    },
    async setDisabled(id, disabled) {
      return (await session.run('UPDATE persons SET disabled = $1 WHERE id = $2', [disabled, id])) === 1;
    },
    async setPasswordHash(id, passwordHash, mustChange) {
      return (await session.run('UPDATE persons SET password_hash = $1, must_change_password = $2 WHERE id = $3', [passwordHash, mustChange, id])) === 1;
    },
    async setRoles(id, roles, administrator) {
      return (await session.run('UPDATE persons SET roles = $1::jsonb, administrator = $2 WHERE id = $3', [JSON.stringify(roles), administrator, id])) === 1;
    },
    async insertSession(tokenHash, record) {
      await session.run('INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        tokenHash,
        record.personId,
        record.createdAt,
        record.lastSeenAt,
        record.expiresAt,
      ]);
    },
    async findSession(tokenHash) {
      const row = await session.row<PersonRow & { session_created_at: string; last_seen_at: string; expires_at: string }>(
        `SELECT ${SESSION_PERSON_COLUMNS}, s.created_at AS session_created_at, s.last_seen_at, s.expires_at
         FROM sessions s JOIN persons p ON p.id = s.person_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      return row && { personId: row.id, createdAt: row.session_created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, person: toPerson(row) };
    },
    async touchSession(tokenHash, lastSeenAt) {
      await session.run('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [lastSeenAt, tokenHash]);
    },
    async deleteSession(tokenHash) {
      await session.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deletePersonSessions(personId, keepTokenHash = '') {
      return session.run('DELETE FROM sessions WHERE person_id = $1 AND token_hash <> $2', [personId, keepTokenHash]);
    },
    async loginFailures(keys) {
      const rows = await session.rows<{ key: string; failures: number; last_failure_at: string }>(
        'SELECT key, failures, last_failure_at FROM login_failures WHERE key = ANY($1::text[])',
        [keys],
      );
      return new Map(rows.map((row) => [row.key, { failures: row.failures, lastFailureAt: row.last_failure_at }]));
    },
    async recordLoginFailure(keys, at) {
      await session.run(
        `INSERT INTO login_failures (key, failures, last_failure_at) SELECT key, 1, $2 FROM unnest($1::text[]) AS key
         ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = excluded.last_failure_at`,
        [keys, at],
      );
    },
    async clearLoginFailures(keys) {
      await session.run('DELETE FROM login_failures WHERE key = ANY($1::text[])', [keys]);
    },
  };
}
