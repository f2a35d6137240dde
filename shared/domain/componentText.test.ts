import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentLines, parseComponentCell, parseTimeLimit, parseVietnameseNumber, type ListedComponentKey } from './componentText';
import type { Components } from './dossier';
import { copyKindsOf } from './dossierItems';
import { termsPerMethod } from './methodTerms';

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
    expect(parseComponentCell(key, cell)).toEqual({ ok: true, value: { [key]: value } });
  });

  // Issue 22 item 5: «15 ngày» was read as 15 working days, its unit lost on the way in.
  it.each<[string | number, Components]>([
    ['15 ngày', { timeLimitDays: 15, timeLimitUnit: 'calendar' }],
    ['15 ngày làm việc', { timeLimitDays: 15 }],
    ['03 ngày làm việc', { timeLimitDays: 3 }],
    ['0,5 ngày', { timeLimitDays: 0.5, timeLimitUnit: 'calendar' }],
    ['05', { timeLimitDays: 5 }],
    [5, { timeLimitDays: 5 }],
  ])('a time limit written %j is read with its unit', (cell, value) => {
    expect(parseComponentCell('timeLimitDays', cell)).toEqual({ ok: true, value });
  });

  it('reads a filing method with its own time limit and fee', () => {
    expect(parseComponentCell('methods', 'Trực tiếp\nTrực tuyến: 10 ngày làm việc; 25.000 đồng\nQua bưu chính: 20 ngày; miễn phí')).toEqual({
      ok: true,
      value: {
        methods: ['in_person', 'online', 'post'],
        methodTerms: [
          { method: 'online', timeLimitDays: 10, fee: 25000 },
          { method: 'post', timeLimitDays: 20, timeLimitUnit: 'calendar', fee: 0 },
        ],
      },
    });
  });

  it.each<[ListedComponentKey, string | number, RegExp]>([
    ['methods', 'Trực tiếp; qua fax', /không nhận ra cách thức “qua fax”/],
    ['timeLimitDays', 'ngay lập tức', /^“ngay lập tức” không phải thời hạn/],
    ['methods', 'Trực tuyến: sớm nhất có thể', /cách thức “Trực tuyến”: không hiểu “sớm nhất có thể”/],
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

  it('reads a dossier item\'s originals and certified copies back from the spreadsheet cell it printed (issue 22)', () => {
    // «Tờ khai (01 bản chính, 01 bản sao)» read as one copy before: the first number of the bracket.
    const counted = fc
      .record({ originals: fc.integer({ min: 0, max: 5 }), certifiedCopies: fc.integer({ min: 0, max: 5 }), plain: fc.integer({ min: 0, max: 5 }), stated: fc.boolean() })
      .filter(({ originals, certifiedCopies, plain }) => originals + certifiedCopies + plain > 0)
      .map(({ originals, certifiedCopies, plain, stated }) => ({ item: 'Giấy chứng nhận đăng ký doanh nghiệp', copies: originals + certifiedCopies + plain, ...(stated ? { originals, certifiedCopies } : {}) }));
    fc.assert(
      fc.property(fc.array(counted, { minLength: 1, maxLength: 5 }), (dossier) => {
        const cell = componentLines({ dossier }, 'dossier').join('\n');
        const read = parseComponentCell('dossier', cell);
        if (!read.ok) throw new Error(read.message);
        expect(componentLines(read.value, 'dossier').join('\n')).toBe(cell);
        expect(read.value.dossier!.map(copyKindsOf)).toEqual(dossier.map((entry) => (copyKindsOf(entry) === null ? null : copyKindsOf(entry))));
        expect(read.value.dossier!.map(({ copies }) => copies)).toEqual(dossier.map(({ copies }) => copies));
      }),
    );
  });

  it.each(Object.keys(components) as ListedComponentKey[])('reads %s back as it was written', (key) => {
    expect(parseComponentCell(key, componentLines(components, key).join('\n'))).toEqual({ ok: true, value: { [key]: components[key] } });
  });

  it('prints a method with terms of its own after its name, and a calendar time limit as «ngày»', () => {
    const withTerms: Components = { ...components, timeLimitUnit: 'calendar', methodTerms: [{ method: 'online', timeLimitDays: 3, fee: 0 }] };
    expect(componentLines(withTerms, 'methods')).toEqual(['Trực tiếp', 'Trực tuyến: 3 ngày làm việc; 0 đ']);
    expect(componentLines(withTerms, 'timeLimitDays')).toEqual(['5 ngày']);
  });

  // The written forms of the methods' terms and of a time limit read back to the same fields, whatever they hold.
  it('reads every time limit, unit and per-method terms back as printed', () => {
    const days = fc.integer({ min: 0, max: 730 }).map((halves) => halves / 2);
    const unit = fc.constantFrom('working' as const, 'calendar' as const);
    const terms = fc.record(
      { timeLimitDays: days, timeLimitUnit: unit, fee: fc.integer({ min: 0, max: 10 ** 9 }) },
      { requiredKeys: [] },
    );
    const world = fc
      .record({
        methods: fc.uniqueArray(fc.constantFrom('in_person' as const, 'post' as const, 'online' as const), { minLength: 1, maxLength: 3 }),
        terms: fc.array(terms, { minLength: 3, maxLength: 3 }),
        timeLimitDays: days,
        timeLimitUnit: unit,
      })
      .map(({ methods, terms: drawn, timeLimitDays, timeLimitUnit }): Components => {
        const methodTerms = methods
          .map((method, index) => {
            const { timeLimitDays: own, timeLimitUnit: ownUnit, fee } = drawn[index]!;
            return { method, ...(own === undefined ? {} : { timeLimitDays: own, ...(ownUnit === 'calendar' ? { timeLimitUnit: ownUnit } : {}) }), ...(fee === undefined ? {} : { fee }) };
          })
          .filter((term) => term.timeLimitDays !== undefined || term.fee !== undefined);
        return { methods, ...(methodTerms.length > 0 ? { methodTerms } : {}), timeLimitDays, ...(timeLimitUnit === 'calendar' ? { timeLimitUnit } : {}) };
      });
    fc.assert(
      fc.property(world, (written) => {
        const methods = parseComponentCell('methods', componentLines(written, 'methods').join('\n'));
        const limit = parseComponentCell('timeLimitDays', componentLines(written, 'timeLimitDays').join('\n'));
        const read: Components = { ...(methods.ok ? methods.value : {}), ...(limit.ok ? limit.value : {}) };
        // What a method states that the procedure already says is not printed again: each method's terms are the same.
        const effective = (components: Components) => termsPerMethod(components).map(({ method, timeLimit, fee }) => ({ method, timeLimit, fee }));
        expect(effective(read)).toEqual(effective(written));
        expect([read.timeLimitDays, read.timeLimitUnit ?? 'working']).toEqual([written.timeLimitDays, written.timeLimitUnit ?? 'working']);
      }),
    );
  });
});

describe('subjects in print', () => {
  it('prints the label of a subject stored as its code, and any other text as it is', () => {
    expect(componentLines({ subjects: ['citizen', 'business', 'Hợp tác xã'] }, 'subjects')).toEqual(['Cá nhân', 'Doanh nghiệp', 'Hợp tác xã']);
  });
});

// Issue 23, "What broke" 5: the first digits found in a cell were taken as its days ("-3" → 3, "1e308" → 1, "0x10" → 0).
describe('parseTimeLimit reads a whole or half number of days written as such, and nothing else', () => {
  const MAX = 365;
  const unit = fc.constantFrom('', ' ngày', ' ngày làm việc', 'ngày', ' NGÀY LÀM VIỆC', ' Ngày');

  it('reads every whole or half day up to the maximum, as a number or as people write it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX * 2 }), unit, fc.constantFrom(',', '.'), (halves, suffix, separator) => {
        const days = halves / 2;
        const written = `${Math.floor(days)}${halves % 2 ? `${separator}5` : ''}${suffix}`;
        const writtenUnit = /ngày/iu.test(suffix) && !/làm việc/iu.test(suffix) ? 'calendar' : 'working';
        expect(parseTimeLimit(days, MAX)).toEqual({ ok: true, value: { days, unit: 'working' } });
        expect(parseTimeLimit(written, MAX)).toEqual({ ok: true, value: { days, unit: writtenUnit } });
      }),
    );
  });

  it('refuses any number that is negative, past the maximum, not finite or between halves', () => {
    fc.assert(
      fc.property(fc.double(), (days) => {
        const valid = Number.isFinite(days) && days >= 0 && days <= MAX && Number.isInteger(days * 2);
        expect(parseTimeLimit(days, MAX).ok).toBe(valid);
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
        const parsed = parseTimeLimit(cell, MAX);
        expect(parsed.ok, cell).toBe(false);
        if (!parsed.ok) expect(parsed.message).toMatch(/ngày/);
      }),
    );
  });
});
