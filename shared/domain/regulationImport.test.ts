import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  mappingProblems,
  parseRow,
  suggestMapping,
  type CellValue,
  type ImportMapping,
  type SheetHeader,
} from './regulationImport';

const headersOf = (...texts: string[]): SheetHeader[] => texts.map((text, index) => ({ column: index + 1, text }));

describe('suggestMapping', () => {
  it.each<[string, string[], ImportMapping]>([
    ['Vietnamese titles, any case, with or without diacritics', ['STT', 'TÊN THỦ TỤC HÀNH CHÍNH', 'linh vuc', 'Cấp thực hiện', 'Mã TTHC'], { name: 2, field: 3, level: 4, nationalCode: 5 }],
    ['titles that go on after the field name', ['Tên thủ tục', 'Thời hạn giải quyết (ngày làm việc)', 'Phí, lệ phí (đồng)'], { name: 1, timeLimitDays: 2, fees: 3 }],
    ['short titles only when whole', ['Tên', 'Mã số', 'Phí'], { name: 1, nationalCode: 2, fees: 3 }],
    ['no column twice: the first title wins', ['Tên TTHC', 'Tên thủ tục', 'Hồ sơ', 'Thành phần hồ sơ'], { name: 1, dossier: 3 }],
    ['unknown titles stay unmapped', ['Ghi chú', 'Người nhập'], {}],
  ])('%s', (_case, texts, mapping) => {
    expect(suggestMapping(headersOf(...texts))).toEqual(mapping);
  });

  it('maps every column of our own export back to its field', () => {
    const headers = headersOf('STT', ...IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]), 'Điểm cần thiết');
    expect(suggestMapping(headers)).toEqual(Object.fromEntries(IMPORT_FIELDS.map((field, index) => [field, index + 2])));
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%i → %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe('mappingProblems', () => {
  const headers = headersOf('Tên', 'Loại', 'Hồ sơ');
  it.each<[ImportMapping, string[]]>([
    [{ name: 1, kind: 2 }, []],
    [{ kind: 2 }, ['Chưa chọn cột cho “Tên thủ tục/quy định”.']],
    [{ name: 1, dossier: 1 }, ['Cột A được chọn cho nhiều trường: “Tên thủ tục/quy định”, “Thành phần, số lượng hồ sơ”.']],
    [{ name: 1, field: 9 }, ['Cột I chọn cho “Lĩnh vực” không có tiêu đề trong tệp.']],
  ])('%j', (mapping, problems) => {
    expect(mappingProblems(mapping, headers)).toEqual(problems);
  });
});

describe('parseRow', () => {
  const headers = headersOf('Tên thủ tục', 'Loại', 'Hình thức', 'Cấp', 'Thời hạn', 'Cách thức', 'Mã TTHC');
  const mapping = suggestMapping(headers);
  const row = (...cells: (CellValue | undefined)[]) =>
    new Map(cells.flatMap((cell, index) => (cell === undefined ? [] : [[index + 1, cell] as [number, CellValue]])));

  it('reads labels, codes and numbers into the fields of a regulation', () => {
    const parsed = parseRow(7, row('Cấp phiếu lý lịch tư pháp', 'QĐKD', 'Sửa đổi, bổ sung', 'Tỉnh', 10, 'Trực tuyến', 1.001234), mapping, headers);
    expect(parsed).toEqual({
      rowNumber: 7,
      problems: [],
      fields: {
        name: 'Cấp phiếu lý lịch tư pháp',
        kind: 'qdkd',
        change: 'amended',
        level: 'province',
        nationalCode: '1.001234',
        article: undefined,
        field: undefined,
        components: { timeLimitDays: 10, methods: ['online'] },
      },
    });
  });

  it.each([
    ['Ban hành mới', 'new'],
    ['sửa đổi', 'amended'],
    ['THAY THẾ', 'replaced'],
    ['Huỷ bỏ', 'abolished'],
    ['hủy', 'abolished'],
  ])('reads the change “%s” as %s', (text, change) => {
    expect(parseRow(2, row('Đăng ký kết hôn', undefined, text), mapping, headers).fields.change).toBe(change);
  });

  it('reads a blank kind and change as a new TTHC', () => {
    const { fields, problems } = parseRow(2, row('Đăng ký kết hôn'), mapping, headers);
    expect(problems).toEqual([]);
    expect([fields.kind, fields.change, fields.level]).toEqual(['tthc', 'new', undefined]);
  });

  it('names the column and says what is wrong, for every problem of the row', () => {
    const { problems } = parseRow(9, row(' ', 'Thủ tục', 'Giữ nguyên', 'Quận', 'sớm', 'Fax'), mapping, headers);
    expect(problems).toEqual([
      { column: 'A “Tên thủ tục”', field: 'name', message: 'không được để trống' },
      { column: 'B “Loại”', field: 'kind', message: 'không nhận ra “Thủ tục” (chỉ nhận: TTHC, QĐKD)' },
      { column: 'C “Hình thức”', field: 'change', message: 'không nhận ra “Giữ nguyên” (chỉ nhận: Ban hành mới, Sửa đổi, bổ sung, Thay thế, Bãi bỏ)' },
      { column: 'D “Cấp”', field: 'level', message: 'không nhận ra “Quận” (chỉ nhận: Trung ương, Cấp tỉnh, Cấp huyện, Cấp xã)' },
      { column: 'E “Thời hạn”', field: 'timeLimitDays', message: '“sớm” không phải thời hạn; hãy ghi một số ngày, ví dụ “15 ngày” hoặc “05 ngày làm việc”' },
      { column: 'F “Cách thức”', field: 'methods', message: 'không nhận ra cách thức “Fax” (chỉ nhận: Trực tiếp, Qua bưu chính, Trực tuyến)' },
    ]);
  });

  it('leaves the name to the mapping check when no column holds it', () => {
    expect(parseRow(3, row('Đăng ký kết hôn'), { kind: 2 }, headers).problems).toEqual([]);
  });
});
