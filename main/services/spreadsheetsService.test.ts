import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../shared/domain/regulationImport';
import { handWorkbook, type HandCell } from '../../test/fixtures/hostileWorkbooks';
import { REVIEWED_IDS, REVIEWED_NAMES, reviewedDossier, UNREVIEWED_NAME } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';

type Row = (string | number | null)[];

async function workbookBase64(sheets: Record<string, Row[]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function readWorkbook(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

async function withReviewedDraft() {
  const test = await createTestApi();
  await test.api.importDossier({ dossier: reviewedDossier });
  const target = await test.api.createDraft({ docType: 'thong_tu', title: 'Thông tư về vận tải', draftingAgency: 'Bộ Giao thông vận tải', submittedToGovernment: false });
  return { ...test, targetId: target.id };
}

/** The values of the row whose first cell is `first`, keyed by the header row's titles. */
function rowByHeader(sheet: ExcelJS.Worksheet, headerRow: number, name: string): Record<string, unknown> {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  for (let number = headerRow + 1; number <= sheet.rowCount; number += 1) {
    const values = (sheet.getRow(number).values as unknown[]).slice(1);
    if (values.includes(name)) return Object.fromEntries(headers.map((header, index) => [header, values[index]]));
  }
  throw new Error(`no row for ${name}`);
}

describe('exportRegulationList', () => {
  it("writes a draft's regulations with components, score and costs as numbers", async () => {
    const { api } = await withReviewedDraft();
    const file = await api.exportRegulationList({ draftId: REVIEWED_IDS.draft });
    expect(file.fileName).toBe(`Danh sách TTHC/QĐKD - ${reviewedDossier.drafts[0]!.title}.xlsx`.replace('/', ' '));
    const sheet = await readWorkbook(file.base64);
    expect(sheet.getCell('A1').value).toBe(`Danh sách TTHC/QĐKD - ${reviewedDossier.drafts[0]!.title}`);
    const licence = rowByHeader(sheet, 4, REVIEWED_NAMES[0]);
    expect(licence).toMatchObject({
      'Loại': 'TTHC',
      'Dự thảo quy định': 'Sửa đổi, bổ sung',
      'Cấp thực hiện': 'Cấp tỉnh',
      'Cách thức thực hiện': 'Trực tiếp\nQua bưu chính\nTrực tuyến',
      'Thành phần, số lượng hồ sơ': 'Giấy đề nghị cấp Giấy phép kinh doanh (01 bản)\nBản sao Giấy chứng nhận đăng ký doanh nghiệp (02 bản)',
      'Thời hạn giải quyết': '5 ngày làm việc',
      'Phí, lệ phí': 'Lệ phí cấp giấy phép: 200.000 đ',
    });
    expect(licence['Chi phí một lần - hiện hành']).toBeCloseTo(1_245_454.55, 2);
    expect(licence['Chi phí một năm - theo dự thảo']).toBeCloseTo(1_645_454_545.45, 1);
    expect(licence['Tỷ lệ cắt giảm chi phí']).toBeCloseTo(0.3394, 4);
    expect(licence['Điểm cần thiết']).toEqual(expect.any(Number));
    // The training certificate has neither worksheet nor components: blanks, not zeros.
    const training = rowByHeader(sheet, 4, REVIEWED_NAMES[2]);
    expect(training['Chi phí một năm - hiện hành']).toBeUndefined();
    expect(training['Bộ phận còn thiếu']).toMatch(/^Trình tự thực hiện, /);
  });

  it('writes search results with the draft of each', async () => {
    const { api } = await withReviewedDraft();
    const sheet = await readWorkbook((await api.exportRegulationList({ search: 'giay phep' })).base64);
    const headers = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['STT', 'Dự thảo', 'Tên thủ tục/quy định']);
    const names = Array.from({ length: sheet.rowCount - 4 }, (_, index) => sheet.getRow(index + 5).getCell(3).value);
    expect(names.sort()).toEqual([REVIEWED_NAMES[0], UNREVIEWED_NAME].sort());
  });

  it('writes only the filtered results, the filters named under the title (issue 13)', async () => {
    const { api } = await withReviewedDraft();
    const all = await api.searchRegulations({ text: '', limit: 500 });
    const change = all.items[0]!.change;
    const expected = all.items.filter((hit) => hit.change === change).map((hit) => hit.name);
    expect(expected.length).toBeLessThan(all.total);
    const sheet = await readWorkbook((await api.exportRegulationList({ search: '', filters: { changes: [change] } })).base64);
    expect(String(sheet.getRow(2).getCell(1).value)).toContain(`Hình thức: ${vocabularyMessages.vi.change[change]}`);
    const names = Array.from({ length: sheet.rowCount - 4 }, (_, index) => sheet.getRow(index + 5).getCell(3).value);
    expect(names.sort()).toEqual(expected.sort());
    await expect(api.exportRegulationList({ search: '😀' })).rejects.toThrow(/Không có gì để tìm/);
  });
});

describe('regulation import', () => {
  it('takes back its own export: every column recognised, every row written unchanged', async () => {
    const { api, targetId } = await withReviewedDraft();
    // Issue 22 item 5: a calendar-day time limit and a method's own terms survive the trip (the unit used to be lost).
    const first = await api.getRegulation({ id: reviewedDossier.drafts[0]!.regulations[0]!.id });
    const { kind, change, nationalCode, name, article, field, level, baseline } = first;
    await api.updateRegulation({
      id: first.id,
      version: first.version,
      fields: {
        kind, change, nationalCode, name, article, field, level, baseline,
        components: { ...first.components, timeLimitUnit: 'calendar', methodTerms: [{ method: 'post', timeLimitDays: 7, timeLimitUnit: 'calendar' }, { method: 'online', timeLimitDays: 3, fee: 100_000 }] },
      },
    });
    const exported = await api.exportRegulationList({ draftId: REVIEWED_IDS.draft });
    const preview = await api.previewRegulationImport({ draftId: targetId, fileBase64: exported.base64 });
    expect(Object.keys(preview.suggested).sort()).toEqual([...IMPORT_FIELDS].sort());
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.rows.map((row) => row.rowNumber)).toEqual([5, 6, 7, 8]);
    expect(preview.validRows).toBe(4);

    const committed = await api.commitRegulationImport({ draftId: targetId, fileBase64: exported.base64, mapping: preview.mapping });
    expect(committed.added).toBe(4);
    const target = await api.getDraft({ id: targetId });
    expect(target.regulations.map((regulation) => regulation.name)).toEqual([...REVIEWED_NAMES, UNREVIEWED_NAME]);
    const original = await api.getRegulation({ id: first.id });
    expect(original.components.methodTerms).toHaveLength(2);
    const copy = await api.getRegulation({ id: committed.regulationIds[0]! });
    expect(copy.components).toEqual(original.components);
    expect([copy.kind, copy.change, copy.nationalCode, copy.article, copy.field, copy.level]).toEqual([
      original.kind,
      original.change,
      original.nationalCode,
      original.article,
      original.field,
      original.level,
    ]);
  });

  const ministryList: Row[] = [
    ['DANH MỤC THỦ TỤC HÀNH CHÍNH', null, null, null],
    [],
    ['STT', 'Ten thu tuc hanh chinh', 'Thoi han giai quyet (ngay)', 'Cach thuc thuc hien', 'Ghi chú'],
    [1, 'Đăng ký khai sinh', '01 ngày', 'Trực tiếp; Trực tuyến', 'mới'],
    [2, 'Đăng ký kết hôn', 'ngay', 'Qua fax', null],
    [3, null, 3, null, 'thiếu tên'],
  ];

  it('finds the header under a title block, guesses the mapping and reports every row problem with row and column', async () => {
    const { api, targetId } = await withReviewedDraft();
    const preview = await api.previewRegulationImport({ draftId: targetId, fileBase64: await workbookBase64({ 'Danh mục': ministryList }) });
    expect(preview.sheetName).toBe('Danh mục');
    expect(preview.headers.map((header) => `${header.letter}:${header.text}`)).toEqual([
      'A:STT',
      'B:Ten thu tuc hanh chinh',
      'C:Thoi han giai quyet (ngay)',
      'D:Cach thuc thuc hien',
      'E:Ghi chú',
    ]);
    expect(preview.suggested).toEqual({ name: 2, timeLimitDays: 3, methods: 4 });
    expect(preview.validRows).toBe(1);
    expect(preview.rows.map((row) => [row.rowNumber, row.name, row.problems.map((problem) => `${problem.column}: ${problem.message}`)])).toEqual([
      [4, 'Đăng ký khai sinh', []],
      [
        5,
        'Đăng ký kết hôn',
        [
          'C “Thoi han giai quyet (ngay)”: “ngay” không phải thời hạn; hãy ghi một số ngày, ví dụ “15 ngày” hoặc “05 ngày làm việc”',
          'D “Cach thuc thuc hien”: không nhận ra cách thức “Qua fax” (chỉ nhận: Trực tiếp, Qua bưu chính, Trực tuyến)',
        ],
      ],
      [6, '', ['B “Ten thu tuc hanh chinh”: không được để trống']],
    ]);
  });

  it('writes nothing while any row has a problem, and says which', async () => {
    const { api, targetId } = await withReviewedDraft();
    const fileBase64 = await workbookBase64({ 'Danh mục': ministryList });
    const error = await rejection(api.commitRegulationImport({ draftId: targetId, fileBase64, mapping: { name: 2, timeLimitDays: 3, methods: 4 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Chưa nhập: 2 dòng có lỗi, không có TTHC/QĐKD nào được ghi.');
    expect(error.problems.map((problem) => problem.path)).toEqual([
      'dòng 5, cột C “Thoi han giai quyet (ngay)”',
      'dòng 5, cột D “Cach thuc thuc hien”',
      'dòng 6, cột B “Ten thu tuc hanh chinh”',
    ]);
    expect((await api.getDraft({ id: targetId })).regulations).toEqual([]);
  });

  it('reads the rows again with the mapping the officer chose', async () => {
    const { api, targetId } = await withReviewedDraft();
    const fileBase64 = await workbookBase64({ 'Danh mục': ministryList.slice(0, 4) });
    // The officer keeps the names but leaves the time limit and the methods out; the note column is read as the field.
    const mapping = { name: 2, field: 5 };
    const preview = await api.previewRegulationImport({ draftId: targetId, fileBase64, mapping });
    expect(preview.mapping).toEqual(mapping);
    expect(preview.validRows).toBe(1);
    expect(await api.commitRegulationImport({ draftId: targetId, fileBase64, mapping })).toMatchObject({ added: 1 });
    const [added] = (await api.getDraft({ id: targetId })).regulations;
    expect([added?.name, added?.field]).toEqual(['Đăng ký khai sinh', 'mới']);
  });

  it.each([
    ['a mapping without the name', { timeLimitDays: 3 }, 'cách chọn cột chưa hợp lệ', 'Chưa chọn cột cho “Tên thủ tục/quy định”.'],
    ['one column for two fields', { name: 2, field: 2 }, 'cách chọn cột chưa hợp lệ', 'Cột B được chọn cho nhiều trường: “Tên thủ tục/quy định”, “Lĩnh vực”.'],
  ])('refuses %s', async (_case, mapping, summary, problem) => {
    const { api, targetId } = await withReviewedDraft();
    const fileBase64 = await workbookBase64({ 'Danh mục': ministryList.slice(0, 4) });
    const error = await rejection(api.commitRegulationImport({ draftId: targetId, fileBase64, mapping }));
    expect(error.message).toContain(summary);
    expect(error.problems).toContainEqual({ path: 'cột', message: problem });
  });

  it.each<[string, () => Promise<string>, string]>([
    ['a file that is not a workbook', async () => Buffer.from('STT;Tên\n1;Đăng ký khai sinh').toString('base64'), 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ'],
    ['a zip that is not a workbook', async () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]).toString('base64'), 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ'],
    ['an Excel 97–2003 file', async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64'), 'Excel 97–2003 (.xls)'],
    ['a workbook whose sheets are empty', () => workbookBase64({ Trống: [], 'Cũng trống': [] }), 'Bảng tính trống'],
    ['a sheet with a header only', () => workbookBase64({ 'Danh mục': [['Tên thủ tục', 'Lĩnh vực']] }), 'Trang tính “Danh mục” chỉ có dòng tiêu đề'],
  ])('refuses %s with a clear Vietnamese message', async (_case, file, message) => {
    const { api, targetId } = await withReviewedDraft();
    const error = await rejection(api.previewRegulationImport({ draftId: targetId, fileBase64: await file() }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
  });

  it('reads the first sheet that has data, skipping empty ones', async () => {
    const { api, targetId } = await withReviewedDraft();
    const fileBase64 = await workbookBase64({ 'Hướng dẫn': [], 'Danh mục': [['Tên thủ tục'], ['Đăng ký thường trú']] });
    const preview = await api.previewRegulationImport({ draftId: targetId, fileBase64 });
    expect([preview.sheetName, preview.rows[0]?.name]).toEqual(['Danh mục', 'Đăng ký thường trú']);
  });
});

// Issue 23, "What broke" 5: "-3" became 3 days, "1e308" 1, "2 tháng" 2 days, "0x10" 0, 99.999.999 days passed, a
// 2.000.000-character name was accepted and a missing shared string became the name "999999".
describe('typed cells are read strictly, each wrong one named by row and column', () => {
  const base64 = (file: Uint8Array) => Buffer.from(file).toString('base64');

  it.each<[string, HandCell, RegExp]>([
    ['"-3"', '-3', /^“-3” không phải thời hạn/],
    ['-3 as a number', -3, /^không được âm$/],
    ['"1e308"', '1e308', /^“1e308” không phải thời hạn/],
    ['1e308 as a number', 1e308, /^không quá 365 ngày$/],
    ['"2 tháng"', '2 tháng', /^thời hạn ghi theo ngày; “2 tháng” tính bằng tháng/],
    ['"0x10"', '0x10', /^“0x10” không phải thời hạn/],
    ['99.999.999', 99_999_999, /^không quá 365 ngày$/],
    ['"99.999.999 ngày"', '99.999.999 ngày', /không phải thời hạn/],
    ['2,3 days', 2.3, /^“2,3” không phải số ngày nguyên hay nửa ngày/],
  ])('a time limit of %s', async (_case, days, message) => {
    const { api, targetId } = await withReviewedDraft();
    const file = handWorkbook({ sheets: [{ rows: [{ cells: [{ value: 'Tên thủ tục' }, { value: 'Thời hạn giải quyết' }] }, { cells: [{ value: 'Cấp phép' }, { value: days }] }] }] });
    const preview = await api.previewRegulationImport({ draftId: targetId, fileBase64: base64(file) });
    expect(preview.validRows).toBe(0);
    expect(preview.rows[0]!.problems).toEqual([{ column: 'B “Thời hạn giải quyết”', field: 'timeLimitDays', message: expect.stringMatching(message) }]);
    const error = await rejection(api.commitRegulationImport({ draftId: targetId, fileBase64: base64(file), mapping: preview.mapping }));
    expect(error.problems.map((problem) => problem.path)).toEqual(['dòng 2, cột B “Thời hạn giải quyết”']);
  });

  it('whole days and halves as people write them still read', async () => {
    const { api, targetId } = await withReviewedDraft();
    const cells: HandCell[] = [5, '05', '5 ngày', '5 ngày làm việc', '0,5', '0.5 ngày', 365];
    const file = handWorkbook({ sheets: [{ rows: [{ cells: [{ value: 'Tên thủ tục' }, { value: 'Thời hạn giải quyết' }] }, ...cells.map((days, index) => ({ cells: [{ value: `Thủ tục ${index}` }, { value: days }] }))] }] });
    const committed = await api.commitRegulationImport({ draftId: targetId, fileBase64: base64(file), mapping: { name: 1, timeLimitDays: 2 } });
    const days = await Promise.all(committed.regulationIds.map(async (id) => (await api.getRegulation({ id })).components.timeLimitDays));
    expect(days).toEqual([5, 5, 5, 5, 0.5, 0.5, 365]);
  });

  it('a name longer than an entry takes is named; one longer than a cell holds refuses the file by its cell', async () => {
    const { api, targetId } = await withReviewedDraft();
    const sheet = (name: string) => base64(handWorkbook({ sheets: [{ rows: [{ cells: [{ value: 'Tên thủ tục' }] }, { cells: [{ value: name }] }] }] }));
    const long = await api.previewRegulationImport({ draftId: targetId, fileBase64: sheet('n'.repeat(1_500)) });
    expect(long.rows[0]!.problems).toEqual([{ column: 'A “Tên thủ tục”', field: 'name', message: 'dài quá 500 ký tự' }]);
    const huge = await rejection(api.previewRegulationImport({ draftId: targetId, fileBase64: sheet('n'.repeat(2_000_000)) }));
    expect(huge.message).toBe('Ô A2 của trang tính “Trang 1” dài 2.000.000 ký tự, quá 32.767 ký tự một ô Excel chứa được; tệp không do Excel lưu hoặc đã bị sửa.');
  });

  it('a cell that points to a shared string the file lacks refuses the file, naming the cell', async () => {
    const { api, targetId } = await withReviewedDraft();
    const file = handWorkbook({ sheets: [{ rows: [{ cells: [{ value: { shared: 0 } }] }, { cells: [{ value: { shared: 999_999 } }] }] }], sharedStrings: ['Tên thủ tục'] });
    const error = await rejection(api.previewRegulationImport({ draftId: targetId, fileBase64: base64(file) }));
    expect(error.message).toBe('Tệp bảng tính bị hỏng hoặc không do Excel lưu (Ô A2 của trang tính “Trang 1” trỏ tới chuỗi dùng chung thứ 999999 mà tệp không có); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.');
  });

  it('text that cannot be stored is named by its cell; a character XML cannot hold at all makes the file unreadable', async () => {
    const { api, targetId } = await withReviewedDraft();
    const sheet = (agency: string) => base64(handWorkbook({ sheets: [{ rows: [{ cells: [{ value: 'Tên thủ tục' }, { value: 'Cơ quan thực hiện' }] }, { cells: [{ value: 'Cấp phép' }, { value: agency }] }] }] }));
    const noncharacter = await api.previewRegulationImport({ draftId: targetId, fileBase64: sheet('Sở\uFDD0 Tư pháp') });
    expect(noncharacter.rows[0]!.problems).toEqual([{ column: 'B “Cơ quan thực hiện”', field: 'agency', message: expect.stringMatching(/^chứa một ký tự không dùng trong văn bản .* ở ký tự thứ 3, ngay sau «/) }]);
    // Spreadsheets write a control character as _x0007_; read back, it is refused like one typed.
    const control = await api.previewRegulationImport({ draftId: targetId, fileBase64: sheet('Sở_x0007_ Tư pháp') });
    expect(control.rows[0]!.problems).toEqual([{ column: 'B “Cơ quan thực hiện”', field: 'agency', message: expect.stringMatching(/^chứa một ký tự điều khiển không in được .* ở ký tự thứ 3, ngay sau «/) }]);
    const forbidden = await rejection(api.previewRegulationImport({ draftId: targetId, fileBase64: sheet('Sở\uFFFE Tư pháp') }));
    expect(forbidden.message).toMatch(/^Tệp bảng tính bị hỏng hoặc không do Excel lưu \(phần xl\/worksheets\/sheet1\.xml: /);
  });
});
