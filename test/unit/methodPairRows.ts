// Rows for migration 0370 on both engines: regulations written before each filing method's time limits were stored,
// and the columns each must hold after it (written out, not computed by the code under test).
import type { Components, RegulationBaseline } from '../../shared/domain/dossier';
import type { Change } from '../../shared/domain/vocabulary';

type Expected = Partial<Record<'in_person' | 'post' | 'online', [before: number, after: number]>>;

export const ROWS_BEFORE_0370: ReadonlyArray<{ id: string; change: Change; components: Components; baseline: RegulationBaseline | null; after: Expected }> = [
  {
    // Online cut to 5 working days of 10, in person kept at 10.
    id: 'online-cut',
    change: 'amended',
    components: { methods: ['in_person', 'online'], timeLimitDays: 10, methodTerms: [{ method: 'online', timeLimitDays: 5 }] },
    baseline: { timeLimitDays: 10 },
    after: { in_person: [10, 10], online: [10, 5] },
  },
  {
    // Post had its own 20 days before; the draft gives every method 15.
    id: 'post-own-before',
    change: 'replaced',
    components: { methods: ['in_person', 'post'], timeLimitDays: 15 },
    baseline: { timeLimitDays: 15, methodTerms: [{ method: 'post', timeLimitDays: 20 }] },
    after: { in_person: [15, 15], post: [20, 15] },
  },
  // No time limit before: nothing per method.
  { id: 'no-before', change: 'amended', components: { methods: ['online'], timeLimitDays: 3 }, baseline: null, after: {} },
  // A new procedure has no «before».
  { id: 'new', change: 'new', components: { methods: ['online'], timeLimitDays: 3 }, baseline: null, after: {} },
];

export const METHOD_COLUMNS = ['in_person', 'post', 'online'].flatMap((method) => [`time_limit_${method}_before`, `time_limit_${method}_after`]);

/** A stored row's columns as the expectation's shape. */
export function storedPairs(row: Record<string, number | null>): Expected {
  const pairs: Expected = {};
  for (const method of ['in_person', 'post', 'online'] as const) {
    const before = row[`time_limit_${method}_before`];
    const after = row[`time_limit_${method}_after`];
    if (before !== null && before !== undefined && after !== null && after !== undefined) pairs[method] = [before, after];
  }
  return pairs;
}
