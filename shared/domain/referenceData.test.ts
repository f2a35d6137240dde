import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineReferenceSet,
  findReference,
  inForce,
  inForceDuring,
  ReferenceDataError,
  referenceEntryShape,
  referenceStamp,
  type ReferenceEntry,
} from './referenceData';

const provinceSchema = z.object({ ...referenceEntryShape, name: z.string().min(1) });
type ProvinceInput = z.input<typeof provinceSchema>;

// Two periods of one province code, and a province that exists only in the first period.
const provinces: ProvinceInput[] = [
  { id: 'HG', version: '2008', validFrom: '2008-08-01', validTo: '2025-06-30', name: 'Hà Giang' },
  { id: 'TQ', version: '2008', validFrom: '2008-08-01', validTo: '2025-06-30', name: 'Tuyên Quang' },
  { id: 'TQ', version: '2025', validFrom: '2025-07-01', name: 'Tuyên Quang (sau sáp nhập)' },
];

describe('defineReferenceSet', () => {
  const set = defineReferenceSet('provinces', provinceSchema, provinces);

  it('returns the parsed entries, frozen', () => {
    expect(set.map(({ id, version }) => `${id}@${version}`)).toEqual(['HG@2008', 'TQ@2008', 'TQ@2025']);
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set[0])).toBe(true);
  });

  it.each<[string, ProvinceInput[], string]>([
    ['a schema problem, with its path', [{ ...provinces[0]!, name: '' }], '[0] name:'],
    ['an impossible date', [{ ...provinces[0]!, validFrom: '2025-02-30' }], '[0] validFrom: không phải là một ngày có thật'],
    ['a period running backwards', [{ ...provinces[0]!, validTo: '2000-01-01' }], 'HG@2008: validTo trước validFrom'],
    ['a repeated id and version', [provinces[0]!, provinces[0]!], 'HG@2008: bị trùng'],
    [
      'two versions in force on the same day',
      [provinces[1]!, { ...provinces[2]!, validFrom: '2025-06-30' }],
      'TQ@2025: trùng thời gian hiệu lực với phiên bản 2008',
    ],
  ])('refuses %s, naming the set and the entry', (_label, entries, problem) => {
    let thrown: unknown;
    try {
      defineReferenceSet('provinces', provinceSchema, entries);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReferenceDataError);
    expect((thrown as ReferenceDataError).message).toContain('"provinces"');
    expect((thrown as ReferenceDataError).problems.join('\n')).toContain(problem);
  });
});

describe('selection by date', () => {
  const set = defineReferenceSet('provinces', provinceSchema, provinces);
  const names = (entries: readonly { name: string }[]) => entries.map(({ name }) => name);

  it.each([
    ['2008-07-31', []],
    ['2008-08-01', ['Hà Giang', 'Tuyên Quang']],
    ['2025-06-30', ['Hà Giang', 'Tuyên Quang']],
    ['2025-07-01', ['Tuyên Quang (sau sáp nhập)']],
    ['2025-07-01T08:30:00+07:00', ['Tuyên Quang (sau sáp nhập)']],
  ])('inForce on %s', (date, expected) => {
    expect(names(inForce(set, date))).toEqual(expected);
  });

  it.each([
    ['2025-01-01', '2025-06-30', ['Hà Giang', 'Tuyên Quang']],
    ['2025-06-01', '2025-07-31', ['Hà Giang', 'Tuyên Quang', 'Tuyên Quang (sau sáp nhập)']],
    ['2026-01-01', '2026-12-31', ['Tuyên Quang (sau sáp nhập)']],
  ])('inForceDuring %s – %s takes every entry applying on one day of it', (from, to, expected) => {
    expect(names(inForceDuring(set, from, to))).toEqual(expected);
  });

  it('findReference picks the version asked for, else the one in force, else the latest', () => {
    expect(findReference(set, 'TQ', { version: '2008' })?.name).toBe('Tuyên Quang');
    expect(findReference(set, 'TQ', { date: '2024-05-01' })?.name).toBe('Tuyên Quang');
    expect(findReference(set, 'TQ', { date: '2026-05-01' })?.name).toBe('Tuyên Quang (sau sáp nhập)');
    expect(findReference(set, 'TQ')?.name).toBe('Tuyên Quang (sau sáp nhập)');
    expect(findReference(set, 'HG', { date: '2026-05-01' })?.name).toBe('Hà Giang');
    expect(findReference(set, 'XX')).toBeUndefined();
  });

  it('referenceStamp keeps what a record stores', () => {
    const entry: ReferenceEntry = set[2]!;
    expect(referenceStamp(entry)).toEqual({ id: 'TQ', version: '2025' });
  });
});
