// Sao lưu on a unit's PostgreSQL database, through the API as the settings screen calls it: copies taken on request
// are kept on the serving machine's shelf, and restoring the shared database is left to its administrator.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { restorePgDatabase } from '../../db/pg/backups';
import { openPgStore } from '../../db/pg/store';
import { createTestDatabase, describePostgres, useTestDatabase } from '../../test/pg/database';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { createServiceContext } from './context';

const folder = () => mkdtempSync(join(tmpdir(), 'tthc-pgshelf-'));

describePostgres('Sao lưu on a PostgreSQL database', () => {
  const database = useTestDatabase();
  const addDraft = (title: string) =>
    database.pool.query(
      `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
       VALUES (gen_random_uuid()::text, 'nghi_dinh', $1, 'Bộ Tư pháp', false, 'drafting', 'x', 'x')`,
      [title],
    );

  it('keeps the copies an officer takes on Sao lưu in the serving machine’s folder, and leaves restoring the unit’s database to its administrator', async () => {
    const place = folder();
    const store = await openPgStore(database.url, { poolSize: 2, backupFolder: place });
    try {
      const { api } = await createTestApi(createServiceContext(store));
      await addDraft('Nghị định về đăng ký khai sinh');
      const titles = async (pool: typeof database.pool) => (await pool.query('SELECT title FROM drafts ORDER BY seq')).rows.map((row) => row.title as string);
      const copied = await titles(database.pool);
      const copy = await api.createBackup({});
      expect(copy).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^manual-.*\.dump$/) });
      expect((await api.listBackups({})).items.map((item) => item.name)).toEqual([copy.name]);
      expect(readdirSync(place)).toEqual([copy.name]);
      // The copy on the shelf is a whole pg_dump copy: restoring it elsewhere gives the draft back.
      const elsewhere = await createTestDatabase();
      try {
        await restorePgDatabase(elsewhere.url, join(place, copy.name));
        expect(await titles(elsewhere.pool)).toEqual(copied);
      } finally {
        await elsewhere.drop();
      }
      expect(await store.backups!.takeDaily(new Date())).toBe(false);
      await addDraft('Thông tư viết sau khi sao lưu');
      const refused = await rejection(api.restoreBackup({ name: copy.name }));
      expect(refused.message).toMatch(/^Cơ sở dữ liệu PostgreSQL dùng chung .* tthc restore --database/);
      expect(await titles(database.pool)).toEqual([...copied, 'Thông tư viết sau khi sao lưu']);
    } finally {
      await store.close();
    }
  });
});
