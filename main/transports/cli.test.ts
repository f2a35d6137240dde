import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { recordStatements } from '../../test/unit/statementLog';
import { runCli } from './cli';

const dossier = civilStatusDossier();

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-cli-'));
  const file = (name: string, content?: unknown) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  return { db: join(dir, 'x.sqlite'), file };
}

describe('tthc CLI', () => {
  it('imports, finds "dang ky" without diacritics, and exports a dossier that imports back unchanged', async () => {
    const { db, file } = workspace();
    const imported = capture();
    expect(await runCli(['--db', db, 'import', file('d.json', dossier)], imported.io)).toBe(0);
    expect(imported.out[0]).toBe('Đã thêm: 1 dự thảo, 3 TTHC/QĐKD, 0 ý kiến, 0 sự kiện.');

    const search = capture();
    expect(await runCli(['--db', db, 'search', 'dang ky', '--json'], search.io)).toBe(0);
    const hits = JSON.parse(search.out.join('\n')) as Array<{ name: string }>;
    expect(hits.map((hit) => hit.name).sort()).toEqual(['Đăng ký khai sinh', 'Đăng ký kết hôn']);

    const out = file('out.json');
    expect(await runCli(['--db', db, 'export', '--out', out], capture().io)).toBe(0);
    const again = capture();
    expect(await runCli(['--db', db, 'import', out], again.io)).toBe(0);
    expect(again.out[0]).toBe('Đã thêm: 0 dự thảo, 0 TTHC/QĐKD, 0 ý kiến, 0 sự kiện.');
    expect(again.out[1]).toBe('Đã cập nhật: 0 dự thảo, 0 TTHC/QĐKD, 0 ý kiến, 0 sự kiện.');
  });

  it('search prints every hit of a long result, paging by key: one count, no OFFSET after the first page', async () => {
    const { db, file } = workspace();
    expect(await runCli(['--db', db, 'import', file('big.json', generateDossier(30, 10))], capture().io)).toBe(0);
    const search = capture();
    const recording = recordStatements();
    try {
      expect(await runCli(['--db', db, 'search', 'giay phep'], search.io)).toBe(0);
    } finally {
      recording.stop();
    }
    const hits = search.out.slice(0, -1).join('\n').split('\n');
    expect(hits.length).toBeGreaterThan(500); // more than one page of 500
    expect(new Set(hits.map((line) => line.split('\t').at(-1))).size).toBe(hits.length);
    expect(search.out.at(-1)).toBe(`${hits.length} kết quả.`);
    const matching = recording.executed.filter((sql) => sql.includes('MATCH'));
    expect(matching.filter((sql) => /count\(\*\)/.test(sql))).toHaveLength(1);
    expect(matching.filter((sql) => /OFFSET/.test(sql))).toHaveLength(1);
  });

  it('rejects an invalid dossier with one line per problem path, exits non-zero and leaves the database file byte-for-byte unchanged', async () => {
    const { db, file } = workspace();
    await runCli(['--db', db, 'import', file('d.json', dossier)], capture().io);
    const before = readFileSync(db);
    const broken = civilStatusDossier();
    const regulation = broken.drafts[0]!.regulations[1]!;
    regulation.kind = 'thu_tuc';
    regulation.name = '';
    const result = capture();
    expect(await runCli(['--db', db, 'import', file('bad.json', broken)], result.io)).toBe(1);
    expect(result.err).toContain('  drafts[0].regulations[1].kind: giá trị không hợp lệ, chỉ nhận: "tthc", "qdkd"');
    expect(result.err).toContain('  drafts[0].regulations[1].name: không được để trống');
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('explains malformed JSON and unknown commands', async () => {
    const { db, file } = workspace();
    const malformed = capture();
    expect(await runCli(['--db', db, 'import', file('x.json', '{"format": ')], malformed.io)).toBe(1);
    expect(malformed.err[0]).toMatch(/^Lỗi: Tệp .* không phải JSON hợp lệ/);
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err[0]).toMatch(/^Cách dùng: tthc/);
  });
});
