// The catalogue as a workbook: the published sample written to XLSX and read back gives the same records as its JSON
// (as far as one row per procedure carries them), and a wrong row is named by row and column while nothing is kept.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalogueFileSchema, componentsFromCatalogue, type CatalogueProcedure } from '../../shared/domain/catalogue';
import { catalogueSample } from '../../test/fixtures/catalogueSample';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { catalogueWorkbook, readCatalogueWorkbook } from './catalogueXlsx';

const sample = () => catalogueFileSchema.parse(catalogueSample()).procedures;

/** What a row carries: every field but the per-method split (one time limit and one fee list for all methods). */
const carried = (procedure: CatalogueProcedure) => {
  const { methods: _methods, dossier, results, legalBasis, ...rest } = procedure;
  return {
    ...rest,
    components: { ...componentsFromCatalogue(procedure), methodTerms: undefined },
    dossier: dossier.map(({ item, originals, copies, form }) => ({ item, originals, copies, form })),
    results: results.map(({ name }) => name),
    legalBasis: legalBasis.map(({ number, title }) => ({ number, title })),
  };
};

async function workbookWith(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await catalogueWorkbook(sample())) as unknown as ExcelJS.Buffer);
  edit(workbook.worksheets[0]!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('catalogue workbook', () => {
  it('reads back the sample it writes: codes, names, levels, components and lists alike', async () => {
    const read = await readCatalogueWorkbook(await catalogueWorkbook(sample()));
    expect(read.procedures).toHaveLength(sample().length);
    expect(read.procedures.map(carried)).toEqual(sample().map(carried));
  });

  it('names every wrong cell by row and column header', async () => {
    const bytes = await workbookWith((sheet) => {
      sheet.getCell('F3').value = 'Cấp thôn';
      sheet.getCell('B5').value = null;
      sheet.getCell('A7').value = sheet.getCell('A2').value;
      sheet.getCell('L4').value = 'Lệ phí tám nghìn';
    });
    const refused = await rejection(readCatalogueWorkbook(bytes));
    expect(refused.code).toBe('invalid_input');
    expect(refused.problems).toEqual([
      { path: 'dòng 3, cột “Cấp thực hiện”', message: '“Cấp thôn” không phải cấp thực hiện; ghi một trong: Trung ương, Cấp tỉnh, Cấp huyện, Cấp xã' },
      { path: 'dòng 4, cột “Phí, lệ phí”', message: 'dòng “Lệ phí tám nghìn” cần có dạng “Tên phí: số tiền”, ví dụ “Lệ phí: 8.000 đồng”' },
      { path: 'dòng 5, cột “Tên TTHC”', message: expect.stringMatching(/./) },
      { path: 'dòng 7, cột “Mã TTHC”', message: expect.stringContaining('đã có ở dòng 2') },
    ]);
    expect(refused.message).toMatch(/^Bảng tính danh mục TTHC có 4 chỗ chưa hợp lệ, không có gì được ghi: dòng 3, cột “Cấp thực hiện”/);
  });

  it('refuses a sheet without a required column, naming it', async () => {
    const bytes = await workbookWith((sheet) => {
      sheet.getCell('P1').value = 'Nơi tiếp nhận';
    });
    expect((await rejection(readCatalogueWorkbook(bytes))).problems).toEqual([
      { path: 'dòng tiêu đề', message: 'thiếu cột “Cơ quan thực hiện” (ghi đúng tên cột như docs/tthc-catalogue.md)' },
    ]);
  });

  it('imports all rows through the API or, with one wrong row, none', async () => {
    const { api } = await createTestApi();
    const bad = await workbookWith((sheet) => {
      sheet.getCell('F9').value = 'Cấp thôn';
    });
    expect((await rejection(api.importCatalogueWorkbook({ fileBase64: bad.toString('base64') }))).problems.map(({ path }) => path)).toEqual(['dòng 9, cột “Cấp thực hiện”']);
    expect((await api.searchCatalogue({ text: '' })).total).toBe(0);
    const good = (await catalogueWorkbook(sample())).toString('base64');
    expect(await api.importCatalogueWorkbook({ fileBase64: good })).toEqual({ added: sample().length, updated: 0, unchanged: 0 });
    expect((await api.getCatalogueProcedure({ code: '1.001193' })).name).toBe('Đăng ký khai sinh');
  });
});
