import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, formatVietnameseDateTime, formatVietnameseTimestamp } from './signingTime';

const moments = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

describe('Vietnam time', () => {
  it('writes the same moment, to the second, in ISO 8601 with +07:00', () => {
    fc.assert(
      fc.property(moments, (moment) => {
        const text = formatVietnameseTimestamp(moment);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        expect(new Date(text).getTime()).toBe(Math.floor(moment.getTime() / 1000) * 1000);
      }),
    );
  });

  it('gives the day and time an officer in Vietnam reads, whatever the machine’s zone', () => {
    fc.assert(
      fc.property(moments, (moment) => {
        const [date, time] = formatVietnameseTimestamp(moment).split('T') as [string, string];
        const [year, month, day] = date.split('-');
        expect(formatVietnameseDate(moment)).toBe(`${day}/${month}/${year}`);
        expect(formatVietnameseDateTime(moment)).toBe(`${time.slice(0, 8)} ngày ${day}/${month}/${year}`);
      }),
    );
    // 17:30 UTC is already the next day in Hà Nội.
    expect(formatVietnameseDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('00:30:00 ngày 01/01/2027');
  });
});
