import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/sqlite/migrations/index';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { writeReviewedDossier } from '../../test/fixtures/reviewedDossier';
import { workflowDossier } from '../../test/fixtures/workflowDossier';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-cli-safe-'));
  return { dir, db: join(dir, 'x.sqlite') };
}

const drafts = (db: string): number => {
  const raw = new BetterSqlite3(db, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

describe('tthc backup / restore / verify', () => {
  it('backs up, restores over later changes, and keeps the database it replaced', async () => {
    const { dir, db } = workspace();
    const first = join(dir, 'first.json');
    writeFileSync(first, JSON.stringify(civilStatusDossier()));
    expect(await runCli(['--db', db, 'import', first], capture().io)).toBe(0);
    const copy = join(dir, 'copy.bak');
    const backup = capture();
    expect(await runCli(['--db', db, 'backup', '--out', copy], backup.io)).toBe(0);
    expect(backup.out[0]).toMatch(/^Đã sao lưu vào .*copy\.bak \(.* MB, đã kiểm tra toàn vẹn\)\.$/);

    const second = join(dir, 'second.json');
    writeFileSync(second, JSON.stringify(workflowDossier()));
    expect(await runCli(['--db', db, 'import', second], capture().io)).toBe(0);
    expect(drafts(db)).toBe(2);

    const restore = capture();
    expect(await runCli(['--db', db, 'restore', copy], restore.io)).toBe(0);
    expect(drafts(db)).toBe(1);
    expect(restore.out[1]).toMatch(/được giữ tại .*before-restore-.*\.bak\.$/);
    const kept = restore.out[1]!.replace(/^.*được giữ tại /, '').replace(/\.$/, '');
    expect(drafts(kept)).toBe(2);
  });

  it('refuses a copy from a newer app in one line, and changes nothing', async () => {
    const { dir, db } = workspace();
    expect(await runCli(['--db', db, 'backup', '--out', join(dir, 'none.bak')], capture().io)).toBe(1);
    const file = join(dir, 'd.json');
    writeFileSync(file, JSON.stringify(civilStatusDossier()));
    await runCli(['--db', db, 'import', file], capture().io);
    const newer = join(dir, 'newer.bak');
    const raw = new BetterSqlite3(newer);
    raw.exec('CREATE TABLE drafts (x); CREATE TABLE regulations (x); CREATE TABLE events (x);');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    const refused = capture();
    expect(await runCli(['--db', db, 'restore', newer], refused.io)).toBe(1);
    expect(refused.err).toEqual([expect.stringMatching(/^Lỗi: Tệp newer\.bak do phiên bản mới hơn.*không bị thay đổi\.$/)]);
    expect(drafts(db)).toBe(1);
  });

  it('verify reports a history edited with sqlite3 after dropping the trigger, naming the first broken event', async () => {
    const { dir, db } = workspace();
    expect(await runCli(['--db', db, 'import', writeReviewedDossier(dir)], capture().io)).toBe(0);
    const sound = capture();
    expect(await runCli(['--db', db, 'verify'], sound.io)).toBe(0);
    expect(sound.out).toEqual([
      'Toàn vẹn tệp (integrity_check): tốt.',
      'Khóa ngoại (foreign_key_check): tốt.',
      expect.stringMatching(/^Lịch sử xử lý \(chuỗi băm, [1-9]\d* sự kiện\): nguyên vẹn\.$/),
      'Niêm phong lịch sử (số sự kiện, trạng thái, ý kiến đã ban hành, theo khóa của cài đặt này): khớp.',
    ]);

    const raw = new BetterSqlite3(db);
    expect(() => raw.exec("UPDATE events SET note = 'sửa lén' WHERE seq = 1")).toThrow(/chỉ được ghi thêm/);
    raw.exec("DROP TRIGGER events_refuse_update; UPDATE events SET note = 'sửa lén' WHERE seq = 1;");
    raw.close();
    const tampered = capture();
    expect(await runCli(['--db', db, 'verify'], tampered.io)).toBe(1);
    expect(tampered.out[2]).toMatch(/^Lịch sử xử lý: BỊ SỬA NGOÀI ỨNG DỤNG từ sự kiện #1 /);
    // A status set directly is what only the seal sees.
    const statusRaw = new BetterSqlite3(db);
    statusRaw.exec("UPDATE drafts SET status = 'issued'");
    statusRaw.close();
    const forged = capture();
    expect(await runCli(['--db', db, 'verify'], forged.io)).toBe(1);
    expect(forged.out[3]).toMatch(/^Niêm phong lịch sử: KHÔNG KHỚP — Dự thảo .*: trạng thái hoặc ý kiến đã ban hành khác với lúc niêm phong/);
    expect(tampered.err[0]).toBe('Lỗi: Cơ sở dữ liệu không còn nguyên vẹn như ứng dụng đã ghi.');
  });

  it('verify and every other command explain a damaged file in one line instead of a stack', async () => {
    const { dir, db } = workspace();
    writeFileSync(db, 'hỏng '.repeat(2000));
    for (const args of [['verify'], ['search', 'x'], ['export', '--out', join(dir, 'o.json')]]) {
      const run = capture();
      expect(await runCli(['--db', db, ...args], run.io)).toBe(1);
      expect(run.err[0]).toMatch(/^Lỗi: Tệp cơ sở dữ liệu .* bị hỏng .*tthc restore/);
    }
  });
});
