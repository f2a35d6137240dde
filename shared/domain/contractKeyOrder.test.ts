import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { inContractKeyOrder } from './contractKeyOrder';
import { assessmentSchema, draftSchema } from './dossier';

/** The same value with every object's keys in an order drawn from `shuffle`, as an engine may give them back. */
function reordered(value: unknown, shuffle: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reordered(item, shuffle));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(shuffle(Object.keys(object)).map((key) => [key, reordered(object[key], shuffle)]));
}

const shuffler = fc.infiniteStream(fc.nat()).map((draws) => {
  const iterator = draws[Symbol.iterator]();
  return (keys: string[]) =>
    keys
      .map((key) => ({ key, rank: iterator.next().value as number }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ key }) => key);
});

describe('inContractKeyOrder', () => {
  const drafts = reviewedDossier.drafts;

  it('writes a draft stored with its keys in any order as the same bytes, holding the same data', () => {
    fc.assert(
      fc.property(fc.constantFrom(...drafts), shuffler, shuffler, (draft, first, second) => {
        const once = inContractKeyOrder(draftSchema, reordered(draft, first));
        expect(JSON.stringify(once)).toBe(JSON.stringify(inContractKeyOrder(draftSchema, reordered(draft, second))));
        expect(once).toEqual(draft);
      }),
      { numRuns: 50 },
    );
  });

  it('puts an object’s keys in its schema’s order, a record’s and an unschemed value’s sorted, keys it does not know last', () => {
    const answers = { 'b.two': { explanation: 'Vì', value: 1 }, 'a.one': { value: [{ z: 1, a: 2 }] } };
    const ordered = inContractKeyOrder(assessmentSchema, {
      cost: { hourlyIncome: 1, year: 2024 },
      answers,
      stray: { y: 1, x: 2 },
      template: 't',
    });
    expect(JSON.stringify(ordered)).toBe(
      JSON.stringify({
        template: 't',
        answers: { 'a.one': { value: [{ a: 2, z: 1 }] }, 'b.two': { value: 1, explanation: 'Vì' } },
        cost: { year: 2024, hourlyIncome: 1 },
        stray: { x: 2, y: 1 },
      }),
    );
  });
});
