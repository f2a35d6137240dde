// Issue 8: `tthc import` reads the file's bytes strictly — invalid UTF-8 and repeated keys are refused with where
// they are, a BOM is accepted, a spreadsheet picked by mistake is named — and a refused file leaves the database
// file byte-for-byte as it was.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { runCli } from './cli';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-cli-bytes-'));
  const db = join(dir, 'x.sqlite');
  const write = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', db, ...argv], { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  };
  return { db, write, run };
}

const text = JSON.stringify(civilStatusDossier(), null, 2);

async function refusedLeavingDatabaseAlone(bytes: string | Uint8Array) {
  const { db, write, run } = setup();
  expect((await run('import', write('good.json', text))).code).toBe(0);
  const before = readFileSync(db);
  const result = await run('import', write('bad.json', bytes));
  expect(result.code).toBe(1);
  expect(readFileSync(db).equals(before)).toBe(true);
  expect(result.err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
  return result.err;
}

describe('tthc import reads bytes strictly', () => {
  it('accepts a file that starts with a UTF-8 BOM', async () => {
    const { write, run } = setup();
    const result = await run('import', write('bom.json', `\uFEFF${text}`));
    expect(result).toMatchObject({ code: 0, out: expect.arrayContaining(['Đã thêm: 1 dự thảo, 3 TTHC/QĐKD, 0 ý kiến, 0 sự kiện.']) });
  });

  it('refuses invalid UTF-8 with the byte offset instead of storing U+FFFD', async () => {
    const encoded = new TextEncoder().encode(text.replace('Đăng ký kết hôn', 'Đăng ký kết h#n'));
    const offset = encoded.indexOf('#'.charCodeAt(0));
    encoded[offset] = 0xff;
    const err = await refusedLeavingDatabaseAlone(encoded);
    expect(err[1]).toContain(`byte thứ ${offset.toLocaleString('vi-VN')} (0xFF, dòng `);
    expect(err[1]).toContain('không phải văn bản UTF-8');
  });

  it('refuses a key written twice in one object, naming the path and both lines', async () => {
    const duplicated = text.replace('"name": "Đăng ký kết hôn",', '"name": "Đăng ký kết hôn",\n          "name": "Đăng ký nhận cha, mẹ, con",');
    const err = await refusedLeavingDatabaseAlone(duplicated);
    expect(err[1]).toMatch(/^ {2}drafts\[0\]\.regulations\[1\]\.name: khóa "name" lặp lại trong cùng một đối tượng \(dòng \d+, cột \d+; lần đầu ở dòng \d+, cột \d+\)/);
  });

  it('says that a ZIP (an XLSX picked by mistake) is not a JSON dossier', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const err = await refusedLeavingDatabaseAlone(zip);
    expect(err[1]).toBe('  (tệp): tệp này là một tệp nén ZIP (có thể là bảng tính Excel .xlsx hoặc văn bản Word .docx), không phải tệp JSON');
  });

  it('gives the line and column of a syntax error in Vietnamese', async () => {
    const err = await refusedLeavingDatabaseAlone(text.replace('"kind": "tthc",', '"kind": "tthc",,'));
    expect(err[1]).toMatch(/^ {2}\(tệp\): tệp không phải JSON hợp lệ: dòng \d+, cột \d+: gặp «,» không đúng chỗ$/);
  });

  it('refuses nesting far beyond any dossier without overflowing the stack', async () => {
    const err = await refusedLeavingDatabaseAlone(`{"drafts": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(err[1]).toMatch(/^ {2}drafts(\[0\]){63}: dữ liệu lồng nhau quá 64 tầng \(dòng 1, cột \d+\)/);
  });
});
