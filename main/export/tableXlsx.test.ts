// Workbooks read back with exceljs: what a printed page and a filtered list need, on every sheet the app writes.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../shared/contract/reportsApi';
import { PAPER_A4 } from './spreadsheetStyle';
import { Writable } from 'node:stream';
import { renderTablesXlsx, writeTablesXlsx, type SheetTable } from './tableXlsx';

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const longName = 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm do Sở Công Thương cấp';

const narrow: DataTable = {
  sheetName: 'Hẹp',
  title: 'Ý kiến thẩm tra theo loại văn bản',
  columns: [
    { header: 'Loại văn bản', format: 'text', width: 30 },
    { header: 'Số TTHC', format: 'integer', width: 12 },
  ],
  rows: [
    ['Nghị định', 12],
    ['Thông tư', 3],
  ],
};

const wide: DataTable = {
  sheetName: 'Rộng',
  title: `Danh sách TTHC/QĐKD - ${longName} ${longName}`,
  subtitle: 'Cơ quan chủ trì soạn thảo: Bộ Công Thương',
  columns: [
    { header: 'STT', format: 'integer', width: 6 },
    { header: 'Tên thủ tục/quy định', format: 'text', width: 30 },
    ...Array.from({ length: 6 }, (_, index) => ({ header: `Bộ phận ${index + 1}`, format: 'text' as const, width: 20 })),
  ],
  rows: [
    [1, longName, 'Trực tiếp\nQua dịch vụ bưu chính\nTrực tuyến', null, null, null, null, null],
    [2, 'Đổi giấy phép lái xe', null, null, null, null, null, null],
  ],
};

describe('one spreadsheet style for every XLSX', () => {
  it('prints on A4, fitted to the page width, as many pages down as needed, the header repeated', async () => {
    const workbook = await readBack(await renderTablesXlsx([narrow, wide]));
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.paperSize).toBe(PAPER_A4);
      expect(sheet.pageSetup.fitToPage).toBe(true);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.fitToHeight).toBe(0);
      expect(sheet.headerFooter.oddFooter).toContain('&P');
    }
    expect(workbook.getWorksheet('Hẹp')?.pageSetup.printTitlesRow).toBe('3:3');
    expect(workbook.getWorksheet('Rộng')?.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('turns landscape only where the table is wider than a portrait page', async () => {
    const workbook = await readBack(await renderTablesXlsx([narrow, wide]));
    expect(workbook.getWorksheet('Hẹp')?.pageSetup.orientation).toBe('portrait');
    expect(workbook.getWorksheet('Rộng')?.pageSetup.orientation).toBe('landscape');
  });

  it('freezes the header row and puts an autofilter on it over every data row', async () => {
    const sheet = (await readBack(await renderTablesXlsx([wide]))).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:H6');
  });

  it('sizes wrapped rows to their text, so that no row overlaps the next', async () => {
    const sheet = (await readBack(await renderTablesXlsx([wide]))).worksheets[0]!;
    const [tall, short] = [sheet.getRow(5), sheet.getRow(6)];
    // The long name wraps to 5 lines in a 30-character column; the three methods are three lines.
    expect(tall.height).toBeGreaterThanOrEqual(5 * 15);
    expect(short.height).toBeLessThan(20);
    expect(tall.getCell(2).alignment?.wrapText).toBe(true);
  });

  it('gives the merged title the height of its wrapped lines', async () => {
    const sheet = (await readBack(await renderTablesXlsx([wide]))).worksheets[0]!;
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(2 * 19);
  });

  it('consumes a generator of rows once, in order, writing each as it comes', async () => {
    let made = 0;
    function* rows() {
      for (let index = 1; index <= 600; index += 1) {
        made += 1;
        yield [index, `Thủ tục số ${index}`];
      }
    }
    const streamed: SheetTable = { ...narrow, columns: [{ header: 'STT', format: 'integer' }, { header: 'Tên', format: 'text', width: 30 }], rows: rows() };
    const sheet = (await readBack(await renderTablesXlsx([streamed]))).worksheets[0]!;
    expect(made).toBe(600);
    expect(sheet.getRow(3 + 600).getCell(2).value).toBe('Thủ tục số 600');
    expect(sheet.autoFilter).toBe('A3:B603');
  });
});

describe('a table too wide for one legible page', () => {
  const veryWide: SheetTable = {
    sheetName: 'Rất rộng',
    title: 'Danh sách TTHC/QĐKD',
    keyColumns: 2,
    columns: [
      { header: 'STT', format: 'integer', width: 6 },
      { header: 'Tên', format: 'text', width: 32 },
      ...Array.from({ length: 14 }, (_, index) => ({ header: `Bộ phận ${index + 1}`, format: 'text' as const, width: 28 })),
    ],
    rows: [[1, 'Đổi giấy phép lái xe']],
  };

  it('prints across as few pages as keep it legible, repeating the columns that name each row', async () => {
    const sheet = (await readBack(await renderTablesXlsx([veryWide]))).worksheets[0]!;
    // 430 characters wide: two landscape pages at 60% or more, not one at 31%.
    expect(sheet.pageSetup.fitToWidth).toBe(2);
    expect(sheet.pageSetup.printTitlesColumn).toBe('A:B');
    expect(sheet.pageSetup.pageOrder).toBe('overThenDown');
  });

});

describe('a streamed sheet', () => {
  it('keeps memory flat in the row count: rows wait for the compression instead of queueing the whole sheet', async () => {
    // 30.000 rows of about 1 KB each: left unchecked, exceljs queues all 30 MB of the sheet's XML before zipping it.
    const text = `${longName} `.repeat(8);
    const startBuffers = process.memoryUsage().arrayBuffers;
    let mostBuffered = 0;
    function* rows() {
      for (let index = 1; index <= 30_000; index += 1) {
        if (index % 500 === 0) mostBuffered = Math.max(mostBuffered, process.memoryUsage().arrayBuffers - startBuffers);
        yield [index, `${index} ${text}`];
      }
    }
    let written = 0;
    const discard = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done();
      },
    });
    const table: SheetTable = { ...narrow, columns: [{ header: 'STT', format: 'integer' }, { header: 'Tên', format: 'text', width: 30 }], rows: rows() };
    await writeTablesXlsx([table], discard);
    expect(written).toBeGreaterThan(0);
    expect(mostBuffered / 1024 / 1024).toBeLessThan(10);
  });
});
