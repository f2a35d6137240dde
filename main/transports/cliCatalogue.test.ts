import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_SAMPLE_PATH, catalogueSample, ISSUED_DRAFT_ID, issuedDecreeDossier } from '../../test/fixtures/catalogueSample';
import { catalogueFileSchema } from '../../shared/domain/catalogue';
import { catalogueWorkbook } from '../export/catalogueXlsx';
import { runCli } from './cli';

const directory = mkdtempSync(join(tmpdir(), 'tthc-catalogue-'));
let count = 0;
const nextPath = (name: string) => join(directory, `${(count += 1)}-${name}`);

async function run(database: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', database, ...argv], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tthc catalogue', () => {
  it('imports the sample, then finds records by folded text and by code', async () => {
    const database = nextPath('db.sqlite');
    const imported = await run(database, 'catalogue', 'import', CATALOGUE_SAMPLE_PATH);
    expect(imported).toMatchObject({ code: 0, out: `Đã nhập danh mục TTHC: thêm ${catalogueSample().procedures.length}, cập nhật 0, không đổi 0.` });

    const found = await run(database, 'catalogue', 'search', 'dang', 'ky', 'ket', 'hon');
    expect(found.code).toBe(0);
    expect(found.out.split('\n')).toEqual(['1.000894\tĐăng ký kết hôn\tHộ tịch\tCấp xã\t1872/QĐ-BTP', '1 kết quả.']);

    const json = await run(database, 'catalogue', 'search', '1.001193', '--json');
    expect((JSON.parse(json.out) as Array<{ code: string; name: string }>).map((hit) => [hit.code, hit.name])).toEqual([['1.001193', 'Đăng ký khai sinh']]);
  });

  it('refuses an invalid file with one line per problem, and leaves no database behind', async () => {
    const database = nextPath('db.sqlite');
    const file = nextPath('bad.json');
    const sample = catalogueSample();
    sample.procedures[0] = { ...sample.procedures[0], code: 'KS-01' };
    writeFileSync(file, JSON.stringify(sample));
    const refused = await run(database, 'catalogue', 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Lỗi: Tệp danh mục TTHC không hợp lệ, không có gì được ghi.');
    expect(refused.err).toContain('procedures[0].code: mã TTHC phải có dạng 1.001193 hoặc 1.001612.000.00.00.H01');
    expect(existsSync(database)).toBe(false);
  });

  it('imports the same records from an XLSX, and refuses one with a wrong row whole, naming row and column', async () => {
    const procedures = catalogueFileSchema.parse(catalogueSample()).procedures;
    const database = nextPath('db.sqlite');
    const bad = nextPath('bad.xlsx');
    writeFileSync(bad, await catalogueWorkbook(procedures.map((procedure, index) => (index === 2 ? { ...procedure, code: '1.00119' } : procedure))));
    const refused = await run(database, 'catalogue', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Lỗi: Tệp danh mục TTHC không hợp lệ, không có gì được ghi.');
    expect(refused.err).toContain('dòng 4, cột “Mã TTHC”: mã TTHC phải có dạng 1.001193 hoặc 1.001612.000.00.00.H01');
    expect(existsSync(database)).toBe(false);

    const good = nextPath('danh-muc.xlsx');
    writeFileSync(good, await catalogueWorkbook(procedures));
    expect(await run(database, 'catalogue', 'import', good)).toMatchObject({ code: 0, out: `Đã nhập danh mục TTHC: thêm ${procedures.length}, cập nhật 0, không đổi 0.` });
    expect((await run(database, 'catalogue', 'search', 'dang', 'ky', 'ket', 'hon')).out).toContain('1.000894\tĐăng ký kết hôn');
  });

  it('asks for import or search', async () => {
    const refused = await run(nextPath('db.sqlite'), 'catalogue', 'list');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Lệnh catalogue cần import hoặc search.');
  });
});

describe('tthc publication', () => {
  it('writes the publication decision of an issued draft as DOCX, and its list as XLSX', async () => {
    const database = nextPath('db.sqlite');
    const dossier = nextPath('dossier.json');
    writeFileSync(dossier, JSON.stringify(issuedDecreeDossier()));
    expect((await run(database, 'import', dossier)).code).toBe(0);
    for (const extension of ['docx', 'xlsx']) {
      const out = nextPath(`danh-muc.${extension}`);
      const written = await run(database, 'publication', '--draft', ISSUED_DRAFT_ID, '--out', out, '--issued-number', '87/2025/NĐ-CP', '--date', '2025-09-25');
      expect(written).toMatchObject({
        code: 0,
        out: extension === 'docx' ? `Đã ghi quyết định công bố TTHC kèm danh mục (DOCX) vào ${out}.` : `Đã ghi danh mục TTHC công bố (XLSX) vào ${out}.`,
      });
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('says why it writes nothing: a draft not issued, a wrong file type', async () => {
    const database = nextPath('db.sqlite');
    const dossier = nextPath('dossier.json');
    writeFileSync(dossier, JSON.stringify(issuedDecreeDossier('drafting')));
    await run(database, 'import', dossier);
    const out = nextPath('danh-muc.docx');
    const notIssued = await run(database, 'publication', '--draft', ISSUED_DRAFT_ID, '--out', out);
    expect(notIssued.code).toBe(1);
    expect(notIssued.err).toMatch(/chưa ban hành/);
    expect(existsSync(out)).toBe(false);
    const wrongType = await run(database, 'publication', '--draft', ISSUED_DRAFT_ID, '--out', nextPath('danh-muc.pdf'));
    expect(wrongType).toMatchObject({ code: 2, err: 'Lỗi: Tệp --out phải có đuôi .docx hoặc .xlsx.' });
  });
});
