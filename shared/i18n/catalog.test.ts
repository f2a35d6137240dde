import { describe, expect, it } from 'vitest';
import { messages } from './catalog';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.vi).sort());
  });

  it('have no empty Vietnamese message', () => {
    const empty = keys(messages.vi).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages.vi);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});
