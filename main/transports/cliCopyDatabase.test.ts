// `tthc --database postgres://…` and `tthc copy-database` against a PostgreSQL database of the test cluster: a solo
// SQLite database moved into the unit's one and back, each copy checked by comparing dossier exports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { writeReviewedDossier } from '../../test/fixtures/reviewedDossier';
import { FLOW_IDS, workflowDossier } from '../../test/fixtures/workflowDossier';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

/** The drafts an export holds, without its stamp (when, by whom). */
const exportedDrafts = (file: string): unknown => (JSON.parse(readFileSync(file, 'utf8')) as { drafts: unknown[] }).drafts;

describePostgres('a unit’s PostgreSQL database from the command line', () => {
  const database = useTestDatabase();

  it('copies a solo SQLite database into PostgreSQL and back, each side exporting the same dossier', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-copy-db-'));
    const solo = join(dir, 'solo.sqlite');
    const civil = join(dir, 'civil.json');
    writeFileSync(civil, JSON.stringify(civilStatusDossier()));
    expect(await runCli(['--db', solo, 'import', civil], capture().io)).toBe(0);
    expect(await runCli(['--db', solo, 'import', writeReviewedDossier(dir)], capture().io)).toBe(0);

    const copied = capture();
    expect(await runCli(['copy-database', '--from', solo, '--to', database.url], copied.io), copied.err.join('\n')).toBe(0);
    expect(copied.out.join('\n')).toMatch(/^Đã chép 2 dự thảo .* giống hệt nhau\.$/);

    // Every command that takes --db takes --database, or TTHC_DATABASE_URL, for the same database.
    const fromSolo = join(dir, 'solo.json');
    const fromServer = join(dir, 'server.json');
    expect(await runCli(['--db', solo, 'export', '--out', fromSolo], capture().io)).toBe(0);
    expect(await runCli(['--database', database.url, 'export', '--out', fromServer], capture().io)).toBe(0);
    expect(exportedDrafts(fromServer)).toEqual(exportedDrafts(fromSolo));
    const searched = capture();
    expect(await runCli(['search', 'khai sinh', '--json'], searched.io, { TTHC_DATABASE_URL: database.url })).toBe(0);
    const soloSearched = capture();
    expect(await runCli(['--db', solo, 'search', 'khai sinh', '--json'], soloSearched.io)).toBe(0);
    expect(searched.out).toEqual(soloSearched.out);
    const verified = capture();
    expect(await runCli(['--database', database.url, 'verify'], verified.io)).toBe(0);
    expect(verified.out.join('\n')).toMatch(/nguyên vẹn/);

    const back = join(dir, 'back.sqlite');
    expect(await runCli(['copy-database', '--from', database.url, '--to', back], capture().io)).toBe(0);
    const fromBack = join(dir, 'back.json');
    expect(await runCli(['--db', back, 'export', '--out', fromBack], capture().io)).toBe(0);
    expect(exportedDrafts(fromBack)).toEqual(exportedDrafts(fromSolo));
  });

  it('refuses --database without a PostgreSQL URL, and both --db and --database at once', async () => {
    const refused = capture();
    expect(await runCli(['--database', 'solo.sqlite', 'export', '--out', 'x.json'], refused.io)).toBe(2);
    expect(await runCli(['--db', 'a.sqlite', '--database', database.url, 'export', '--out', 'x.json'], capture().io)).toBe(2);
    expect(refused.err.join('\n')).toMatch(/--database postgres:\/\//);
  });

  describe('tthc restore --database', () => {
    const dataFolder = process.env.XDG_CONFIG_HOME;
    afterEach(() => {
      if (dataFolder === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = dataFolder;
    });

    it('refuses a copy whose history the seals do not vouch for, and puts the database back as it was', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tthc-pg-restore-'));
      // The copy kept before a restore goes to the data folder: the test's own.
      process.env.XDG_CONFIG_HOME = dir;
      const flow = join(dir, 'flow.json');
      writeFileSync(flow, JSON.stringify(workflowDossier({ status: 'assessed' })));
      const imported = capture();
      expect(await runCli(['--database', database.url, 'import', flow], imported.io), imported.err.join('\n')).toBe(0);
      const good = join(dir, 'good.dump');
      const doctored = join(dir, 'doctored.dump');
      expect(await runCli(['--database', database.url, 'backup', '--out', good], capture().io)).toBe(0);
      // Its owner moves the draft to «issued» by hand, with no event saying so, and takes a copy of that.
      await database.pool.query("UPDATE drafts SET status = 'issued' WHERE id = $1", [FLOW_IDS.draft]);
      expect(await runCli(['--database', database.url, 'backup', '--out', doctored], capture().io)).toBe(0);
      const putBack = capture();
      expect(await runCli(['--database', database.url, 'restore', good], putBack.io), putBack.err.join('\n')).toBe(0);
      const statusNow = async () => (await database.pool.query<{ status: string }>('SELECT status FROM drafts WHERE id = $1', [FLOW_IDS.draft])).rows[0]?.status;
      expect(await statusNow()).toBe('assessed');

      const refused = capture();
      expect(await runCli(['--database', database.url, 'restore', doctored], refused.io)).not.toBe(0);
      expect(refused.err.join('\n')).toMatch(/doctored\.dump không phải bản sao lưu của Bàn thẩm định TTHC: lịch sử xử lý không khớp niêm phong.*cơ sở dữ liệu hiện tại giữ nguyên/s);
      expect(await statusNow()).toBe('assessed');
      const verified = capture();
      expect(await runCli(['--database', database.url, 'verify'], verified.io), verified.out.join('\n')).toBe(0);
    }, 120_000);
  });
});
