import { describe, expect, it } from 'vitest';
import { PERSONS_BEFORE_0360, UNIT_BEFORE_0360 } from '../../../test/unit/passwordChangeRows';
import { atSqliteSchemaVersion } from '../../../test/unit/sqliteMigration';

describe('a one-time password must be changed at the next sign-in (migration 0360)', () => {
  it('makes every person stored before it change their printed password, keeps their hash, and refuses any other value', () => {
    atSqliteSchemaVersion(350, (db, migrateTo) => {
      db.prepare("INSERT INTO units (id, name, created_at) VALUES (?, ?, 'x')").run(UNIT_BEFORE_0360.id, UNIT_BEFORE_0360.name);
      const insert = db.prepare(`INSERT INTO persons (id, unit_id, login, full_name, agency, roles, administrator, disabled, password_hash, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x')`);
      for (const person of PERSONS_BEFORE_0360) {
        insert.run(person.id, UNIT_BEFORE_0360.id, person.login, person.fullName, UNIT_BEFORE_0360.name, JSON.stringify(person.roles), Number(person.administrator), Number(person.disabled), `hash-${person.id}`);
      }
      migrateTo(360);
      const stored = db.prepare<[], { id: string; password_hash: string; must_change_password: number }>('SELECT id, password_hash, must_change_password FROM persons ORDER BY id').all();
      expect(stored).toEqual(PERSONS_BEFORE_0360.map((person) => ({ id: person.id, password_hash: `hash-${person.id}`, must_change_password: 1 })).sort((a, b) => a.id.localeCompare(b.id)));
      expect(() => db.prepare("UPDATE persons SET must_change_password = 2 WHERE id = 'lan'").run()).toThrow(/CHECK constraint failed/);
    });
  });
});
