import { describe, expect, it } from 'vitest';
import { componentLines, parseComponentCell, parseVietnameseNumber, type ListedComponentKey } from './componentText';
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
    ['timeLimitDays', 'ngay lập tức', /cần số ngày làm việc/],
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
