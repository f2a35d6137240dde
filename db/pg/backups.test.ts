import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, useTestDatabase } from '../../test/pg/database';
import { dumpPgDatabase, PgBackupError, restorePgDatabase } from './backups';
import { databaseUrl } from './migrate';
import { PG_LATEST_SCHEMA_VERSION } from './migrations/index';

const folder = () => mkdtempSync(join(tmpdir(), 'tthc-pgdump-'));

describePostgres('PostgreSQL backups (pg_dump / pg_restore)', () => {
  const database = useTestDatabase();
  const addDraft = (title: string) =>
    database.pool.query(
      `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
       VALUES (gen_random_uuid()::text, 'nghi_dinh', $1, 'Bộ Tư pháp', false, 'drafting', 'x', 'x')`,
      [title],
    );
  const savedPath = process.env.TTHC_PG_BIN;
  afterEach(() => {
    if (savedPath === undefined) delete process.env.TTHC_PG_BIN;
    else process.env.TTHC_PG_BIN = savedPath;
  });

  it('restores the database as it was when copied, whatever was written since, and says the copy’s version', async () => {
    await addDraft('Nghị định về đăng ký khai sinh');
    const copy = join(folder(), 'copy.dump');
    await dumpPgDatabase(database.url, copy);
    expect(readdirSync(join(copy, '..'))).toEqual(['copy.dump']);
    await addDraft('Thông tư sửa đổi');
    await database.pool.query("UPDATE drafts SET title = 'Đã sửa' WHERE title = 'Nghị định về đăng ký khai sinh'");
    expect(await restorePgDatabase(database.url, copy)).toBe(PG_LATEST_SCHEMA_VERSION);
    const { rows } = await database.pool.query<{ title: string }>('SELECT title FROM drafts ORDER BY seq');
    expect(rows.map((row) => row.title)).toEqual(['Nghị định về đăng ký khai sinh']);
    // The restored schema keeps its guards.
    await database.pool.query("INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role) SELECT id, 'x', 0, 'create', 'A', 'drafter' FROM drafts");
    await expect(database.pool.query('DELETE FROM events')).rejects.toMatchObject({ code: '09000' });
  });

  it('refuses a file that is not a copy, and a copy from a newer app, leaving the database as it is', async () => {
    const target = await createTestDatabase();
    try {
      await target.pool.query(
        `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
         VALUES ('kept', 'nghi_dinh', 'Giữ nguyên', 'Bộ Tư pháp', false, 'drafting', 'x', 'x')`,
      );
      const notACopy = join(folder(), 'notes.dump');
      writeFileSync(notACopy, 'không phải bản sao lưu');
      await expect(restorePgDatabase(target.url, notACopy)).rejects.toThrow(/không phải là một bản sao lưu PostgreSQL/);
      const newer = await createTestDatabase();
      const newerCopy = join(folder(), 'newer.dump');
      try {
        await newer.pool.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')", [PG_LATEST_SCHEMA_VERSION + 10]);
        await dumpPgDatabase(newer.url, newerCopy);
      } finally {
        await newer.drop();
      }
      await expect(restorePgDatabase(target.url, newerCopy)).rejects.toThrow(`phiên bản ${PG_LATEST_SCHEMA_VERSION + 10}, mới hơn`);
      const { rows } = await target.pool.query('SELECT id, title FROM drafts');
      expect(rows).toEqual([{ id: 'kept', title: 'Giữ nguyên' }]);
    } finally {
      await target.drop();
    }
  });

  it('leaves no half-written file when the copy fails, and says in Vietnamese when pg_dump is missing', async () => {
    const place = folder();
    await expect(dumpPgDatabase(databaseUrl(database.url, 'no_such_database'), join(place, 'copy.dump'))).rejects.toBeInstanceOf(PgBackupError);
    expect(readdirSync(place)).toEqual([]);
    process.env.TTHC_PG_BIN = '/nonexistent';
    await expect(dumpPgDatabase(database.url, join(place, 'copy.dump'))).rejects.toThrow(/không có pg_dump và pg_restore.*postgresql-client/);
    expect(existsSync(join(place, 'copy.dump'))).toBe(false);
  });

});
