import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentLines, parseComponentCell, parseTimeLimitDays, parseVietnameseNumber, type ListedComponentKey } from './componentText';
import type { Components } from './dossier';

describe('parseVietnameseNumber', () => {
  it.each([
    ['1.245.454,55', 1245454.55],
    ['200.000', 200000],
    ['05', 5],
    ['0,5', 0.5],
    ['1245454.55', 1245454.55],
    [' 1 000 ', 1000],
    ['12.34', 12.34],
    ['năm', null],
    ['1.2.3', null],
  ])('%s → %s', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });
});

describe('parseComponentCell', () => {
  it.each<[ListedComponentKey, string | number, unknown]>([
    ['steps', '1. Nộp hồ sơ\n2) Nhận kết quả\n\n', ['Nộp hồ sơ', 'Nhận kết quả']],
    ['steps', '- Bước 1: nộp hồ sơ', ['Bước 1: nộp hồ sơ']],
    ['methods', 'Trực tiếp; qua bưu chính, TRUC TUYEN', ['in_person', 'post', 'online']],
    ['methods', 'Trực tuyến\nTrực tuyến', ['online']],
    ['dossier', 'Tờ khai (02 bản)\nBản sao CCCD - 1 bản\nẢnh 4x6', [
      { item: 'Tờ khai', copies: 2 },
      { item: 'Bản sao CCCD', copies: 1 },
      { item: 'Ảnh 4x6', copies: 1 },
    ]],
    ['timeLimitDays', 5, 5],
    ['timeLimitDays', '05 ngày làm việc', 5],
    ['timeLimitDays', '0,5 ngày', 0.5],
    ['fees', 'Lệ phí cấp giấy phép: 200.000 đồng\nPhí thẩm định 1.500.000 đ', [
      { name: 'Lệ phí cấp giấy phép', amount: 200000 },
      { name: 'Phí thẩm định', amount: 1500000 },
    ]],
    ['fees', 'Lệ phí: miễn phí', [{ name: 'Lệ phí', amount: 0 }]],
    // Issue 13: a plain numeric fee column, as a number cell or as an amount alone.
    ['fees', 50000, [{ name: 'Phí, lệ phí', amount: 50000 }]],
    ['fees', 0, [{ name: 'Phí, lệ phí', amount: 0 }]],
    ['fees', '50.000 đ', [{ name: 'Phí, lệ phí', amount: 50000 }]],
    ['agency', '  Sở Tư pháp ', 'Sở Tư pháp'],
    ['subjects', 'Cá nhân\nTổ chức', ['Cá nhân', 'Tổ chức']],
  ])('%s: %j', (key, cell, value) => {
    expect(parseComponentCell(key, cell)).toEqual({ ok: true, value });
  });

  it.each<[ListedComponentKey, string | number, RegExp]>([
    ['methods', 'Trực tiếp; qua fax', /không nhận ra cách thức “qua fax”/],
    ['timeLimitDays', 'ngay lập tức', /^“ngay lập tức” không phải số ngày làm việc/],
    ['fees', 'Lệ phí theo quy định', /cần ghi tên và mức thu/],
    ['fees', -5, /không được âm/],
  ])('%s refuses %j in Vietnamese', (key, cell, message) => {
    const parsed = parseComponentCell(key, cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('componentLines', () => {
  const components: Components = {
    steps: ['Nộp hồ sơ', 'Nhận kết quả'],
    methods: ['in_person', 'online'],
    dossier: [{ item: 'Tờ khai', copies: 2 }],
    timeLimitDays: 5,
    subjects: ['Doanh nghiệp'],
    agency: 'Sở Giao thông vận tải',
    result: 'Giấy phép',
    forms: ['Mẫu số 01'],
    conditions: ['Có phương án kinh doanh'],
    fees: [{ name: 'Lệ phí', amount: 1245454.55 }],
  };

  it('prints the way an officer writes them', () => {
    expect(componentLines(components, 'dossier')).toEqual(['Tờ khai (02 bản)']);
    expect(componentLines(components, 'methods')).toEqual(['Trực tiếp', 'Trực tuyến']);
    expect(componentLines(components, 'timeLimitDays')).toEqual(['5 ngày làm việc']);
    expect(componentLines(components, 'fees')).toEqual(['Lệ phí: 1.245.454,55 đ']);
    expect(componentLines({}, 'steps')).toEqual([]);
  });

  it.each(Object.keys(components) as ListedComponentKey[])('reads %s back as it was written', (key) => {
    expect(parseComponentCell(key, componentLines(components, key).join('\n'))).toEqual({ ok: true, value: components[key] });
  });
});

describe('subjects in print', () => {
  it('prints the label of a subject stored as its code, and any other text as it is', () => {
    expect(componentLines({ subjects: ['citizen', 'business', 'Hợp tác xã'] }, 'subjects')).toEqual(['Cá nhân', 'Doanh nghiệp', 'Hợp tác xã']);
  });
});

// Issue 23, "What broke" 5: the first digits found in a cell were taken as its days ("-3" → 3, "1e308" → 1, "0x10" → 0).
describe('parseTimeLimitDays reads a whole or half number of days written as such, and nothing else', () => {
  const MAX = 365;
  const unit = fc.constantFrom('', ' ngày', ' ngày làm việc', 'ngày', ' NGÀY LÀM VIỆC');

  it('reads every whole or half day up to the maximum, as a number or as people write it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX * 2 }), unit, fc.constantFrom(',', '.'), (halves, suffix, separator) => {
        const days = halves / 2;
        const written = `${Math.floor(days)}${halves % 2 ? `${separator}5` : ''}${suffix}`;
        expect(parseTimeLimitDays(days, MAX)).toEqual({ ok: true, value: days });
        expect(parseTimeLimitDays(written, MAX)).toEqual({ ok: true, value: days });
      }),
    );
  });

  it('refuses any number that is negative, past the maximum, not finite or between halves', () => {
    fc.assert(
      fc.property(fc.double(), (days) => {
        const valid = Number.isFinite(days) && days >= 0 && days <= MAX && Number.isInteger(days * 2);
        expect(parseTimeLimitDays(days, MAX).ok).toBe(valid);
      }),
    );
  });

  it('refuses any text with a sign, an exponent, another base, another unit or words around the number', () => {
    const hostile = fc.oneof(
      fc.tuple(fc.constantFrom('-', '+', '−'), fc.nat(MAX)).map(([sign, days]) => `${sign}${days}`),
      fc.tuple(fc.nat(9), fc.constantFrom('e', 'E'), fc.integer({ min: -400, max: 400 })).map(([digit, e, power]) => `${digit}${e}${power}`),
      fc.nat(255).map((days) => `0x${days.toString(16)}`),
      fc.tuple(fc.nat(MAX), fc.constantFrom('tháng', 'tuần', 'năm', 'giờ', 'phút')).map(([days, other]) => `${days} ${other}`),
      fc.tuple(fc.nat(MAX), fc.constantFrom('khoảng ', 'tối đa ', 'trong ')).map(([days, words]) => `${words}${days} ngày`),
      fc.tuple(fc.integer({ min: MAX + 1, max: 10 ** 9 }), unit).map(([days, suffix]) => `${days}${suffix}`),
    );
    fc.assert(
      fc.property(hostile, (cell) => {
        const parsed = parseTimeLimitDays(cell, MAX);
        expect(parsed.ok, cell).toBe(false);
        if (!parsed.ok) expect(parsed.message).toMatch(/ngày/);
      }),
    );
  });
});
