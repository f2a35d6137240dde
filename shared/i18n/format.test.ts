import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  formatDate,
  formatDateVi,
  formatDecimal,
  formatInteger,
  formatLetterDate,
  formatMoney,
  formatPercent,
  formatTwoDigitCount,
  formatReportMoney,
  formatScore,
  percentOfShare,
  shareOfPercent,
  parseTypedDate,
  readTypedDate,
  type Locale,
} from './format';

describe('formatInteger', () => {
  it.each<[number, Locale, string]>([
    [0, 'vi', '0'],
    [999, 'vi', '999'],
    [1059, 'vi', '1.059'],
    [2490909090.91, 'vi', '2.490.909.091'],
    [-1234, 'vi', '-1.234'],
    [1059, 'en', '1,059'],
  ])('%d (%s) → %s', (value, locale, expected) => {
    expect(formatInteger(value, locale)).toBe(expected);
  });
});

describe('formatDecimal', () => {
  it.each<[number, number, Locale, string]>([
    [1245454.545454, 2, 'vi', '1.245.454,55'],
    [34090.909, 2, 'vi', '34.090,91'],
    [5, 2, 'vi', '5,00'],
    [0.5, 1, 'vi', '0,5'],
    [1245454.545454, 2, 'en', '1,245,454.55'],
  ])('%d with %d digits (%s) → %s', (value, digits, locale, expected) => {
    expect(formatDecimal(value, digits, locale)).toBe(expected);
  });
});

describe('formatMoney (whole đồng on screen and paper; cents only inside the computation)', () => {
  it.each<[number, Locale, string]>([
    [1245454.545454, 'vi', '1.245.455 đ'],
    [500000, 'vi', '500.000 đ'],
    [822727.5, 'vi', '822.728 đ'],
    [34090.90909, 'vi', '34.091 đ'],
    [2490909091.001, 'vi', '2.490.909.091 đ'],
    [3890909090.91, 'vi', '3.890.909.091 đ'],
    [0, 'vi', '0 đ'],
    [-0.2, 'vi', '0 đ'],
    [1245454.55, 'en', '1,245,455 VND'],
    [-95861366321.09, 'en', '-95,861,366,321 VND'],
  ])('%d (%s) → %s', (value, locale, expected) => {
    expect(formatMoney(value, locale)).toBe(expected);
  });
});

describe('formatReportMoney (VPCP: billions with two decimals always)', () => {
  it.each<[number, Locale, string]>([
    [845454545.45, 'vi', '845.454.545 đồng'],
    [171_270_000_000, 'vi', '171,27 tỷ đồng'],
    // Issue 22: "1.144 tỷ" printed beside "1.691,59 tỷ" — one amount at one precision, the other at another.
    [1_144_000_000_000, 'vi', '1.144,00 tỷ đồng'],
    [1_691_590_000_000, 'vi', '1.691,59 tỷ đồng'],
    [10_000_000_000, 'vi', '10,00 tỷ đồng'],
    [999_999_999.6, 'vi', '1,00 tỷ đồng'],
    [2_500_000_000, 'en', '2.50 billion VND'],
  ])('%d (%s) → %s', (value, locale, expected) => {
    expect(formatReportMoney(value, locale)).toBe(expected);
  });
});

describe('formatScore (a whole number — the same on screen and on paper)', () => {
  it.each<[number, Locale, string]>([
    [87.5, 'vi', '88'],
    [87.4999, 'vi', '87'],
    [100, 'vi', '100'],
    [0, 'vi', '0'],
    [66.66666666666667, 'vi', '67'],
    [87.5, 'en', '88'],
  ])('%d (%s) → %s', (score, locale, expected) => {
    expect(formatScore(score, locale)).toBe(expected);
  });
});

describe('percent fields', () => {
  it('show a share as its percent without binary residue', () => {
    // Issue 22: the multi-year view opened on "7,000000000000001 %" (0.07 × 100).
    expect(0.07 * 100).not.toBe(7);
    expect(percentOfShare(0.07)).toBe(7);
    expect(percentOfShare(0.3394)).toBe(33.94);
    expect(shareOfPercent(7)).toBe(0.07);
  });

  it('round-trip every percent typed with up to four decimals', () => {
    for (let hundredths = 0; hundredths <= 10_000; hundredths += 7) {
      const percent = hundredths / 100;
      expect(percentOfShare(shareOfPercent(percent))).toBe(percent);
    }
  });
});

describe('formatPercent', () => {
  it.each<[number, Locale, number | undefined, string]>([
    [0.625, 'vi', undefined, '62,5%'],
    [0.3394, 'vi', undefined, '33,94%'],
    [845454545 / 2490909091, 'vi', undefined, '33,94%'],
    [1, 'vi', undefined, '100%'],
    [0, 'vi', undefined, '0%'],
    [641 / 1025, 'vi', 1, '62,5%'],
    [641 / 1025, 'vi', undefined, '62,54%'],
    [12.5, 'vi', undefined, '1.250%'],
    [0.625, 'en', undefined, '62.5%'],
  ])('%d (%s, %s digits) → %s', (share, locale, digits, expected) => {
    expect(formatPercent(share, locale, digits)).toBe(expected);
  });
});

describe('formatTwoDigitCount', () => {
  it.each<[number, string]>([
    [0, '00'],
    [1, '01'],
    [9, '09'],
    [10, '10'],
    [171, '171'],
    [1059, '1.059'],
  ])('%d → %s', (count, expected) => {
    expect(formatTwoDigitCount(count)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each<[string, Locale, string]>([
    ['2024-02-05', 'vi', '05/02/2024'],
    ['2023-11-20', 'vi', '20/11/2023'],
    ['2024-02-05', 'en', '5 February 2024'],
  ])('%s (%s) → %s', (isoDate, locale, expected) => {
    expect(formatDate(isoDate, locale)).toBe(expected);
  });

  it('formatDateVi is the Vietnamese short date', () => {
    expect(formatDateVi('2023-07-13')).toBe('13/07/2023');
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => formatDate('05/02/2024')).toThrow(RangeError);
  });
});

describe('formatLetterDate (Nghị định 30/2020: leading zero for days 1–9 and months 1–2 only)', () => {
  it.each<[string, string, Locale, string]>([
    ['2024-02-05', 'Hà Nội', 'vi', 'Hà Nội, ngày 05 tháng 02 năm 2024'],
    ['2024-01-31', 'Hà Nội', 'vi', 'Hà Nội, ngày 31 tháng 01 năm 2024'],
    ['2020-05-12', 'Hà Nội', 'vi', 'Hà Nội, ngày 12 tháng 5 năm 2020'],
    ['2022-09-15', 'Hà Nội', 'vi', 'Hà Nội, ngày 15 tháng 9 năm 2022'],
    ['2023-03-01', 'Đà Nẵng', 'vi', 'Đà Nẵng, ngày 01 tháng 3 năm 2023'],
    ['2023-11-28', 'Hà Nội', 'vi', 'Hà Nội, ngày 28 tháng 11 năm 2023'],
    ['2024-02-05', 'Hanoi', 'en', 'Hanoi, 5 February 2024'],
  ])('%s at %s (%s) → %s', (isoDate, place, locale, expected) => {
    expect(formatLetterDate(isoDate, place, locale)).toBe(expected);
  });
});

describe('number formats', () => {
  it('are built once per locale and option set, not once per figure', () => {
    const built = vi.spyOn(Intl, 'NumberFormat');
    try {
      for (let value = 0; value < 200; value += 1) {
        formatMoney(value * 1.5);
        formatPercent(value / 200);
        formatInteger(value, 'en');
      }
      expect(built.mock.calls.length).toBeLessThanOrEqual(4);
      expect(formatMoney(1245454.545)).toBe('1.245.455 đ');
    } finally {
      built.mockRestore();
    }
  });
});

describe('parseTypedDate', () => {
  it.each<[string, string | undefined]>([
    ['12/01/2026', '2026-01-12'],
    ['5/2/2024', '2024-02-05'],
    ['05.02.2024', '2024-02-05'],
    [' 2024-02-05 ', '2024-02-05'],
    ['31/02/2024', undefined],
    ['29/02/2023', undefined],
    ['01/13/2024', undefined],
    ['12/01', undefined],
    ['', undefined],
  ])('%j → %s', (typed, expected) => {
    expect(parseTypedDate(typed)).toBe(expected);
  });
});

describe('readTypedDate', () => {
  const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true });
  const iso = (date: Date) => date.toISOString().slice(0, 10);

  it('reads every real day typed day first, with any of the separators officers use, as that day', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('/', '.', '-'), fc.boolean(), (date, separator, padded) => {
        const [year, month, dayOfMonth] = iso(date).split('-');
        const strip = (part: string) => (padded ? part : String(Number(part)));
        expect(readTypedDate(`${strip(dayOfMonth!)}${separator}${strip(month!)}${separator}${year}`)).toEqual({ date: iso(date) });
      }),
    );
  });

  it('calls a day past its month’s end impossible, never the next month’s day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), (year, month, past) => {
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(readTypedDate(`${lastDay + past}/${month}/${year}`)).toEqual({ problem: 'impossible' });
      }),
    );
  });

  it('calls a text with anything besides a day unreadable, and blank blank', () => {
    fc.assert(
      fc.property(day, fc.string({ minLength: 1 }).filter((extra) => /\S/.test(extra) && !/^[\d/.-]*$/.test(extra.trim())), (date, extra) => {
        const [year, month, dayOfMonth] = iso(date).split('-');
        expect(readTypedDate(`${dayOfMonth}/${month}/${year}${extra}`)).toEqual({ problem: 'unreadable' });
      }),
    );
    expect(readTypedDate('  ')).toEqual({ problem: 'blank' });
  });
});
