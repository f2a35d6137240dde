// The streaming reader against the in-memory reader it replaces, over generated workbooks, and against the hostile
// ones: each refused in Vietnamese, in bounded time and memory (issue 23, "What broke" 1 and 5).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { withoutXmlForbidden } from '../../shared/domain/storableText';
import { formatDateVi } from '../../shared/i18n/format';
import { catalogueSample } from '../../test/fixtures/catalogueSample';
import { editedSheet, handWorkbook, hostileWorkbook, manyRows, zipBomb } from '../../test/fixtures/hostileWorkbooks';
import { catalogueFileSchema } from '../../shared/domain/catalogue';
import { catalogueWorkbook } from '../export/catalogueXlsx';
import { readFirstSheetWithData, WORKBOOK_LIMITS, type SheetRow } from './xlsxReader';

const asRows = (rows: readonly SheetRow[]) => rows.map((row) => [row.rowNumber, Object.fromEntries(row.cells)]);

/** What exceljs' in-memory reader gives for the first sheet with data: the reading the import used before. */
async function readWithExcelJs(file: Uint8Array): Promise<Array<[number, Record<number, string | number>]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  const valueOf = (value: ExcelJS.CellValue): string | number | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'number') return value;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value;
    if (typeof value === 'boolean') return value ? 'Có' : 'Không';
    if (value instanceof Date) return formatDateVi(value.toISOString().slice(0, 10));
    if ('richText' in value) return valueOf(value.richText.map((part) => part.text).join(''));
    if ('formula' in value) return valueOf(value.result as ExcelJS.CellValue);
    return undefined;
  };
  for (const sheet of workbook.worksheets) {
    const rows: Array<[number, Record<number, string | number>]> = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: Record<number, string | number> = {};
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = valueOf(cell.value);
        if (value !== undefined) cells[column] = value;
      });
      if (Object.keys(cells).length > 0) rows.push([number, cells]);
    });
    if (rows.length > 0) return rows;
  }
  return [];
}

const cellValue = fc.oneof(
  // Texts exceljs writes as they are: without characters XML forbids and without its own _x0000_ escapes.
  fc.string({ maxLength: 30 }).filter((text) => withoutXmlForbidden(text) === text && !/_x[0-9A-Fa-f]{4}_/.test(text)),
  fc.constantFrom('Đăng ký khai sinh', 'Thời hạn: 5 ngày\nlàm việc', '  ', '<&>"\''),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.boolean(),
  fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => new Date(date.toISOString().slice(0, 10))),
  fc.constant(null),
);

describe('the streaming reader', () => {
  it('reads what exceljs read before, from workbooks exceljs writes: texts, numbers, booleans, dates, merges, blank sheets first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellValue, { maxLength: 8 }), { minLength: 1, maxLength: 25 }),
        fc.nat({ max: 2 }),
        fc.option(fc.record({ row: fc.integer({ min: 1, max: 20 }), column: fc.integer({ min: 1, max: 6 }), down: fc.nat({ max: 3 }), across: fc.nat({ max: 3 }) }), { nil: undefined }),
        async (rows, blankSheets, merge) => {
          const workbook = new ExcelJS.Workbook();
          for (let index = 0; index < blankSheets; index += 1) workbook.addWorksheet(`Trống ${index}`);
          const sheet = workbook.addWorksheet('Danh mục');
          sheet.addRows(rows);
          if (merge) sheet.mergeCells(merge.row, merge.column, merge.row + merge.down, merge.column + merge.across);
          const file = new Uint8Array(await workbook.xlsx.writeBuffer());
          const expected = await readWithExcelJs(file);
          const read = readFirstSheetWithData(file);
          expect(asRows(read.rows)).toEqual(expected.map(([number, cells]) => [number, cells]));
          if (expected.length > 0) expect(read.sheetName).toBe('Danh mục');
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("reads the app's own catalogue workbook as exceljs does", async () => {
    const file = new Uint8Array(await catalogueWorkbook(catalogueFileSchema.parse(catalogueSample()).procedures));
    expect(asRows(readFirstSheetWithData(file).rows)).toEqual(await readWithExcelJs(file));
  });

  it('reads shared strings (rich text joined, phonetic guides left out), rows and cells without references, and escapes', () => {
    const file = handWorkbook({ sheets: [{ rows: [] }], sharedStrings: ['   '] });
    const withParts = editedSheet(file, () =>
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row><c t="s"><v>0</v></c><c t="inlineStr"><is><r><t>Đăng </t></r><r><t>ký</t></r><rPh><t>とうろく</t></rPh></is></c></row>' +
        '<row><c t="str"><f>A1</f><v>Tab_x0009_here _x005F_x0041_</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><v>1.5E3</v></c></row>' +
        '</sheetData></worksheet>',
    );
    const read = readFirstSheetWithData(withParts);
    expect(asRows(read.rows)).toEqual([
      [1, { 2: 'Đăng ký' }],
      [2, { 1: 'Tab\there _x0041_', 2: 'Có', 4: 1500 }],
    ]);
  });
});

const MEGABYTE = 1024 * 1024;

describe('hostile workbooks are refused in bounded time and memory', () => {
  it('every kind of the class, with a Vietnamese message', () => {
    const tally = new Map<string, number>();
    fc.assert(
      fc.property(hostileWorkbook, ({ kind, file }) => {
        const heapBefore = process.memoryUsage().heapUsed;
        const started = Date.now();
        let refusal: unknown;
        let read: ReturnType<typeof readFirstSheetWithData> | undefined;
        try {
          read = readFirstSheetWithData(file);
        } catch (error) {
          refusal = error;
        }
        const seconds = (Date.now() - started) / 1000;
        // A sheet stopped at the row limit comes back as such; every other kind is refused outright.
        if (read) expect(read.tooManyRows, kind).toBe(true);
        else {
          expect(refusal, kind).toBeInstanceOf(ApiError);
          expect((refusal as ApiError).code).toBe('invalid_input');
          expect((refusal as ApiError).message).toMatch(/^(Tệp|Trang tính|Ô|Phần|Chuỗi)/);
          expect((refusal as ApiError).message.length).toBeLessThan(600);
        }
        expect(seconds, kind).toBeLessThan(20);
        expect(process.memoryUsage().heapUsed - heapBefore, kind).toBeLessThan(400 * MEGABYTE);
        const family = kind.replace(/[\d.]+/g, 'N');
        tally.set(family, (tally.get(family) ?? 0) + 1);
      }),
      { numRuns: 30, seed: 23_2026 },
    );
    expect(tally.size).toBeGreaterThan(6);
  }, 300_000);

  it.each([
    ['the merge bomb of issue 23 in the sample catalogue', async () => editedSheet(new Uint8Array(await catalogueWorkbook(catalogueFileSchema.parse(catalogueSample()).procedures)), (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')), /^Trang tính “Danh mục TTHC” gộp vùng ô A1:XFD1048576 \(17\.179\.869\.184 ô\), quá lớn/],
    ['1.048.575 rows', async () => manyRows(1_048_575), undefined],
    ['a part inflating a thousand times its size', async () => zipBomb(100), /^Phần xl\/worksheets\/sheet1\.xml của tệp bảng tính giải nén ra gấp hơn 200 lần kích thước nén/],
  ])('%s', async (_case, make, message) => {
    const file = await make();
    const started = Date.now();
    if (message === undefined) expect(readFirstSheetWithData(file).tooManyRows).toBe(true);
    else expect(() => readFirstSheetWithData(file)).toThrow(message);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('stops at the row limit after reading no more rows than it keeps', () => {
    const file = manyRows(WORKBOOK_LIMITS.rows + 10);
    expect(readFirstSheetWithData(file)).toEqual({ sheetName: 'Trang 1', rows: [], tooManyRows: true });
  });
});
