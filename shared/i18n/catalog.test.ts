import { describe, expect, it } from 'vitest';
import { messages } from './catalog';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

/** A message as i18next finds it: English may split one by plural form (copies_one, copies_other); Vietnamese has one form. */
const messageNames = (catalogue: unknown): string[] => [...new Set(keys(catalogue).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

describe('message catalogues', () => {
  it('have the same messages in Vietnamese and English', () => {
    expect(messageNames(messages.en)).toEqual(messageNames(messages.vi));
  });

  it('have no empty Vietnamese message', () => {
    const empty = keys(messages.vi).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages.vi);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});
