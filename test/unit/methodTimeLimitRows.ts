// Rows for migration 0340 on both engines: regulations whose figures were stored before the time-limit cut was
// compared method by method, and the pair each must hold after it.
import type { Components, RegulationBaseline } from '../../shared/domain/dossier';

export const ROWS_BEFORE_0340: ReadonlyArray<{ id: string; components: Components; baseline: RegulationBaseline; stored: [number, number]; after: [number, number] }> = [
  {
    // Online cut to 5 working days, in person kept at 10: the procedure's own pair (10 → 10) was stored; half the methods gain 5 days.
    id: 'online-cut',
    components: { methods: ['in_person', 'online'], timeLimitDays: 10, methodTerms: [{ method: 'in_person', timeLimitDays: 10 }, { method: 'online', timeLimitDays: 5 }] },
    baseline: { timeLimitDays: 10 },
    stored: [10, 10],
    after: [10, 7.5],
  },
  {
    // Carried over by 0310: every method the procedure's limit; the pair stays as it was.
    id: 'carried-over',
    components: { methods: ['in_person', 'post'], timeLimitDays: 15, methodTerms: [{ method: 'in_person', timeLimitDays: 15 }, { method: 'post', timeLimitDays: 15 }] },
    baseline: { timeLimitDays: 20 },
    stored: [20, 15],
    after: [20, 15],
  },
];
