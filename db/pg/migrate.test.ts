import fc from 'fast-check';
import type pg from 'pg';
import { expect, it } from 'vitest';
import { foldVietnamese, searchWords } from '../../shared/domain/textFold';
import { createTestDatabase, describePostgres, useTestDatabase } from '../../test/pg/database';
import { vietnameseText } from '../../test/pg/vietnameseText';
import { MigrationLedgerError, migrationId } from '../common/migrationLedger';
import { DatabaseTooNewError } from '../port';
import { LATEST_SCHEMA_VERSION } from '../sqlite/migrations/index';
import { withClient } from './connection';
import { migratePostgres, pgSchemaVersion } from './migrate';
import { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS } from './migrations/index';

/** Runs `body` on a client of a fresh database that is dropped afterwards. */
async function withDatabase<T>(options: { migrated: boolean }, body: (url: string) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(options);
  try {
    return await body(database.url);
  } finally {
    await database.drop();
  }
}

describePostgres('PostgreSQL migrations', () => {
  it('start at the SQLite version the baseline copies, and end at the same version as SQLite', () => {
    expect(PG_MIGRATIONS[0]!.version).toBe(130);
    expect(PG_LATEST_SCHEMA_VERSION).toBe(LATEST_SCHEMA_VERSION);
  });

  it('migrate an empty database to the latest version, recording it, and then have nothing left to do', async () => {
    await withDatabase({ migrated: false }, (url) =>
      withClient(url, async (client) => {
        expect(await pgSchemaVersion(client)).toBe(0);
        expect(await migratePostgres(client)).toEqual(PG_MIGRATIONS.map((migration) => migration.version));
        expect(await pgSchemaVersion(client)).toBe(PG_LATEST_SCHEMA_VERSION);
        expect(await migratePostgres(client)).toEqual([]);
      }),
    );
  });

  it('run once when several processes migrate the same database at the same time (advisory lock)', async () => {
    await withDatabase({ migrated: false }, async (url) => {
      const runs = await Promise.all([0, 1, 2].map(() => withClient(url, (client) => migratePostgres(client))));
      expect(runs.flat().sort()).toEqual(PG_MIGRATIONS.map((migration) => migration.version));
      await withClient(url, async (client) => {
        const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((migration) => migration.version));
      });
    });
  });

  it('refuse, in Vietnamese, a database written by a newer app, and leave it alone', async () => {
    await withDatabase({ migrated: true }, (url) =>
      withClient(url, async (client) => {
        await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')", [PG_LATEST_SCHEMA_VERSION + 10]);
        const refusal = await migratePostgres(client).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(DatabaseTooNewError);
        expect((refusal as Error).message).toContain('mới hơn phiên bản');
        expect(await pgSchemaVersion(client)).toBe(PG_LATEST_SCHEMA_VERSION + 10);
      }),
    );
  });

  it('roll a failing migration back whole: neither its tables nor its version stay', async () => {
    await withDatabase({ migrated: false }, (url) =>
      withClient(url, async (client) => {
        const broken = {
          version: PG_LATEST_SCHEMA_VERSION + 10,
          name: 'broken',
          up: async (inside: pg.ClientBase) => {
            await inside.query('CREATE TABLE half_done (x integer)');
            throw new Error('boom');
          },
        };
        await expect(migratePostgres(client, [...PG_MIGRATIONS, broken], broken.version)).rejects.toThrow('boom');
        expect(await pgSchemaVersion(client)).toBe(PG_LATEST_SCHEMA_VERSION);
        const { rows } = await client.query("SELECT to_regclass('half_done') AS found");
        expect(rows[0].found).toBeNull();
        // The lock went with the failure: another run is not kept waiting.
        expect(await migratePostgres(client)).toEqual([]);
      }),
    );
  });

  it('keep a ledger of applied migrations by id and checksum, give rows from before it theirs, and refuse one that does not account for the version', async () => {
    await withDatabase({ migrated: true }, (url) =>
      withClient(url, async (client) => {
        const ledger = async () => (await client.query<{ id: string | null; checksum: string | null }>('SELECT id, checksum FROM schema_migrations ORDER BY version')).rows;
        expect((await ledger()).map((row) => row.id)).toEqual(PG_MIGRATIONS.map(migrationId));
        const written = await ledger();
        // Rows from before the ledger had ids: taken on their version and name.
        await client.query('UPDATE schema_migrations SET id = NULL, checksum = NULL');
        expect(await migratePostgres(client)).toEqual([]);
        expect(await ledger()).toEqual(written);
        const spoilings: Array<[string, string]> = [
          ['a migration left out', 'DELETE FROM schema_migrations WHERE version = 140'],
          ['another text of a migration', "UPDATE schema_migrations SET checksum = 'x' WHERE version = 140"],
          ['a migration of another build', "INSERT INTO schema_migrations (version, name, id, checksum) VALUES (135, 'other', '0135-other', 'x')"],
        ];
        for (const [kind, spoil] of spoilings) {
          await client.query('BEGIN');
          await client.query(spoil);
          const refusal = await migratePostgres(client).catch((error: unknown) => error);
          expect(refusal, kind).toBeInstanceOf(MigrationLedgerError);
          expect((refusal as Error).message, kind).toMatch(/^Cơ sở dữ liệu không được nâng cấp: /);
          await client.query('ROLLBACK');
        }
      }),
    );
  });
});

describePostgres('PostgreSQL schema guards', () => {
  const database = useTestDatabase();
  const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }));

  async function seed(client: pg.PoolClient, status: string): Promise<{ draftId: string; opinionId: string }> {
    const suffix = Math.random().toString(36).slice(2);
    const draftId = `d-${suffix}`;
    const opinionId = `o-${suffix}`;
    await client.query(
      `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
       VALUES ($1, 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', false, $2, 'x', 'x')`,
      [draftId, status],
    );
    await client.query(
      `INSERT INTO regulations (id, draft_id, position, kind, change, name, created_at, updated_at)
       VALUES ($1, $2, 0, 'tthc', 'new', 'Đăng ký khai sinh', 'x', 'x')`,
      [`r-${suffix}`, draftId],
    );
    await client.query(
      `INSERT INTO opinions (id, regulation_id, stage, verdict, issued_at, issued_by, text)
       VALUES ($1, $2, 'appraisal', 'agree', 'x', 'Bộ Tư pháp', 'Đồng ý')`,
      [opinionId, `r-${suffix}`],
    );
    await client.query(
      `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash) VALUES ($1, 'x', 0, 'create', 'A', 'drafter', '', 'h')`,
      [draftId],
    );
    return { draftId, opinionId };
  }

  it('keep the history append-only: no UPDATE, DELETE, TRUNCATE, nor a draft deleted with its events', async () => {
    const client = await database.pool.connect();
    try {
      const { draftId } = await seed(client, 'drafting');
      const edited = await refusal(client.query("UPDATE events SET note = 'sửa' WHERE draft_id = $1", [draftId]));
      expect(edited).toEqual({ code: '09000', message: 'Lịch sử xử lý chỉ được ghi thêm: không được sửa một bước đã ghi.' });
      const removed = { code: '09000', message: 'Lịch sử xử lý chỉ được ghi thêm: không được xóa một bước đã ghi.' };
      expect(await refusal(client.query('DELETE FROM events WHERE draft_id = $1', [draftId]))).toEqual(removed);
      expect(await refusal(client.query('TRUNCATE events'))).toEqual(removed);
      expect(await refusal(client.query('DELETE FROM drafts WHERE id = $1', [draftId]))).toEqual(removed);
      const { rows } = await client.query('SELECT count(*)::integer AS events FROM events WHERE draft_id = $1', [draftId]);
      expect(rows[0].events).toBe(1);
    } finally {
      client.release();
    }
  });

  it('never delete an opinion, and change one only while its draft waits on that stage', async () => {
    const client = await database.pool.connect();
    try {
      const open = await seed(client, 'submitted_for_appraisal');
      await client.query("UPDATE opinions SET text = 'Đồng ý, sửa câu chữ' WHERE id = $1", [open.opinionId]);
      expect(await refusal(client.query('DELETE FROM opinions WHERE id = $1', [open.opinionId]))).toEqual({ code: '09000', message: 'Ý kiến đã ghi không được xóa.' });
      const issued = await seed(client, 'submitted_for_review');
      expect(await refusal(client.query("UPDATE opinions SET text = 'Khác' WHERE id = $1", [issued.opinionId]))).toEqual({
        code: '09000',
        message: 'Ý kiến đã ban hành được giữ nguyên, không được sửa.',
      });
      const { rows } = await client.query('SELECT id, text FROM opinions WHERE id = ANY ($1) ORDER BY text', [[open.opinionId, issued.opinionId]]);
      expect(rows).toEqual([
        { id: issued.opinionId, text: 'Đồng ý' },
        { id: open.opinionId, text: 'Đồng ý, sửa câu chữ' },
      ]);
    } finally {
      client.release();
    }
  });

  it('fold text as foldVietnamese does (case, diacritics, đ), whether it comes composed (NFC) or decomposed (NFD)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(vietnameseText(), { minLength: 1, maxLength: 40 }), async (texts) => {
        const { rows } = await database.pool.query<{ folded: string; words: string }>(
          'SELECT tthc_fold(t) AS folded, tthc_search_text(t) AS words FROM unnest($1::text[]) WITH ORDINALITY AS input (t, n) ORDER BY n',
          [texts],
        );
        expect(rows.map((row) => row.folded)).toEqual(texts.map(foldVietnamese));
        // The stored words are the ones the search splits typed text into.
        expect(rows.map((row) => row.words.split(' ').filter((word) => word !== ''))).toEqual(texts.map(searchWords));
      }),
      { numRuns: 40 },
    );
  });
});
