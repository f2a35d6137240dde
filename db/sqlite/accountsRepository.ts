import type { Database } from 'better-sqlite3';
import type { LoginFailures, PersonRecord, SessionRecord, UnitRecord } from '../port';
import type { Role } from '../../shared/domain/vocabulary';

type PersonRow = {
  id: string;
  unit_id: string;
  login: string;
  full_name: string;
  agency: string;
  roles: string;
  administrator: number;
  disabled: number;
  must_change_password: number;
  created_at: string;
};
const PERSON_COLUMNS = 'id, unit_id, login, full_name, agency, roles, administrator, disabled, must_change_password, created_at';

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  unitId: row.unit_id,
  login: row.login,
  fullName: row.full_name,
  agency: row.agency,
  roles: JSON.parse(row.roles) as Role[],
  administrator: row.administrator === 1,
  disabled: row.disabled === 1,
  mustChangePassword: row.must_change_password === 1,
  createdAt: row.created_at,
});

type SessionRow = PersonRow & { session_created_at: string; last_seen_at: string; expires_at: string };
const SESSION_PERSON_COLUMNS = PERSON_COLUMNS.split(', ').map((column) => `p.${column}`).join(', ');

/** The team server's accounts (db/port.ts AccountsRepository). */
export function createAccountsRepository(db: Database) {
  const insertUnit = db.prepare('INSERT INTO units (id, name, created_at) VALUES (?, ?, ?)');
  const unit = db.prepare<[], { id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM units ORDER BY created_at LIMIT 1');
  const insertPerson = db.prepare(
    `INSERT INTO persons (${PERSON_COLUMNS}, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING`,
  );
  const personById = db.prepare<[string], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM persons WHERE id = ?`);
  const personByLogin = db.prepare<[string], PersonRow & { password_hash: string }>(`SELECT ${PERSON_COLUMNS}, password_hash FROM persons WHERE login = ?`);
  const persons = db.prepare<[], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM persons ORDER BY login`);
  const setDisabled = db.prepare('UPDATE persons SET disabled = ? WHERE id = ?');
  const setPasswordHash = db.prepare('UPDATE persons SET password_hash = ?, must_change_password = ? WHERE id = ?');
  const setRoles = db.prepare('UPDATE persons SET roles = ?, administrator = ? WHERE id = ?');
  const insertSession = db.prepare('INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const session = db.prepare<[string], SessionRow>(
    `SELECT ${SESSION_PERSON_COLUMNS}, s.created_at AS session_created_at, s.last_seen_at, s.expires_at
     FROM sessions s JOIN persons p ON p.id = s.person_id WHERE s.token_hash = ?`,
  );
  const touchSession = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const deletePersonSessions = db.prepare('DELETE FROM sessions WHERE person_id = ? AND token_hash <> ?');
  const failures = db.prepare<[string], { key: string; failures: number; last_failure_at: string }>(
    'SELECT key, failures, last_failure_at FROM login_failures WHERE key IN (SELECT value FROM json_each(?))',
  );
  const recordFailure = db.prepare(
    `INSERT INTO login_failures (key, failures, last_failure_at) SELECT value, 1, ? FROM json_each(?) WHERE true
     ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at`,
  );
  const clearFailures = db.prepare('DELETE FROM login_failures WHERE key IN (SELECT value FROM json_each(?))');

  return {
    insertUnit(record: UnitRecord): void {
      insertUnit.run(record.id, record.name, record.createdAt);
    },
    unit(): UnitRecord | undefined {
      const row = unit.get();
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },
    insertPerson(person: PersonRecord, passwordHash: string): boolean {
      const { id, unitId, login, fullName, agency, roles, administrator, disabled, mustChangePassword, createdAt } = person;
      return insertPerson.run(id, unitId, login, fullName, agency, JSON.stringify(roles), administrator ? 1 : 0, disabled ? 1 : 0, mustChangePassword ? 1 : 0, createdAt, passwordHash).changes === 1;
    },
    findPersonById(id: string): PersonRecord | undefined {
      const row = personById.get(id);
      return row && toPerson(row);
    },
    findPersonByLogin(login: string): { person: PersonRecord; passwordHash: string } | undefined {
      const row = personByLogin.get(login);
      return row && { person: toPerson(row), passwordHash: row.password_hash };
    },
    listPersons(): PersonRecord[] {
      return persons.all().map(toPerson);
    },
    setDisabled(id: string, disabled: boolean): boolean {
      return setDisabled.run(disabled ? 1 : 0, id).changes === 1;
    },
    setPasswordHash(id: string, passwordHash: string, mustChange: boolean): boolean {
      return setPasswordHash.run(passwordHash, mustChange ? 1 : 0, id).changes === 1;
    },
    setRoles(id: string, roles: readonly Role[], administrator: boolean): boolean {
      return setRoles.run(JSON.stringify(roles), administrator ? 1 : 0, id).changes === 1;
    },
    insertSession(tokenHash: string, record: SessionRecord): void {
      insertSession.run(tokenHash, record.personId, record.createdAt, record.lastSeenAt, record.expiresAt);
    },
    findSession(tokenHash: string): (SessionRecord & { person: PersonRecord }) | undefined {
      const row = session.get(tokenHash);
      return row && { personId: row.id, createdAt: row.session_created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, person: toPerson(row) };
    },
    touchSession(tokenHash: string, lastSeenAt: string): void {
      touchSession.run(lastSeenAt, tokenHash);
    },
    deleteSession(tokenHash: string): void {
      deleteSession.run(tokenHash);
    },
    deletePersonSessions(personId: string, keepTokenHash = ''): number {
      return deletePersonSessions.run(personId, keepTokenHash).changes;
    },
    loginFailures(keys: readonly string[]): Map<string, LoginFailures> {
      return new Map(failures.all(JSON.stringify(keys)).map((row) => [row.key, { failures: row.failures, lastFailureAt: row.last_failure_at }]));
    },
    recordLoginFailure(keys: readonly string[], at: string): void {
      recordFailure.run(at, JSON.stringify(keys));
    },
    clearLoginFailures(keys: readonly string[]): void {
      clearFailures.run(JSON.stringify(keys));
    },
  };
}
