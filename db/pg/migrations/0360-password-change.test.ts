import { expect, it } from 'vitest';
import { PERSONS_BEFORE_0360, UNIT_BEFORE_0360 } from '../../../test/unit/passwordChangeRows';
import { atSchemaVersion, describePostgres } from '../../../test/pg/database';

describePostgres('a one-time password must be changed at the next sign-in (PostgreSQL migration 0360)', () => {
  it('makes every person stored before it change their printed password and keeps their hash, as on SQLite', async () => {
    await atSchemaVersion(350, async (client, migrateTo) => {
      await client.query("INSERT INTO units (id, name, created_at) VALUES ($1, $2, 'x')", [UNIT_BEFORE_0360.id, UNIT_BEFORE_0360.name]);
      for (const person of PERSONS_BEFORE_0360) {
        await client.query(
          `INSERT INTO persons (id, unit_id, login, full_name, agency, roles, administrator, disabled, password_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'x')`,
          [person.id, UNIT_BEFORE_0360.id, person.login, person.fullName, UNIT_BEFORE_0360.name, JSON.stringify(person.roles), person.administrator, person.disabled, `hash-${person.id}`],
        );
      }
      await migrateTo(360);
      const { rows } = await client.query<{ id: string; password_hash: string; must_change_password: boolean }>('SELECT id, password_hash, must_change_password FROM persons ORDER BY id');
      expect(rows).toEqual(PERSONS_BEFORE_0360.map((person) => ({ id: person.id, password_hash: `hash-${person.id}`, must_change_password: true })).sort((a, b) => a.id.localeCompare(b.id)));
    });
  });
});
