// Rows for migration 0310's test on both engines: regulations stored before a filing method had terms of its own.
import type { Components } from '../../shared/domain/dossier';

export const ROWS_BEFORE_0310: ReadonlyArray<{ id: string; components: Components; after: Components }> = [
  {
    id: 'licence',
    components: { methods: ['in_person', 'online'], timeLimitDays: 15, timeLimitUnit: 'calendar', fees: [{ name: 'Phí thẩm định', amount: 150_000 }, { name: 'Lệ phí', amount: 50_000 }] },
    after: {
      methods: ['in_person', 'online'],
      timeLimitDays: 15,
      timeLimitUnit: 'calendar',
      fees: [{ name: 'Phí thẩm định', amount: 150_000 }, { name: 'Lệ phí', amount: 50_000 }],
      methodTerms: [
        { method: 'in_person', timeLimitDays: 15, timeLimitUnit: 'calendar', fee: 200_000 },
        { method: 'online', timeLimitDays: 15, timeLimitUnit: 'calendar', fee: 200_000 },
      ],
    },
  },
  { id: 'free', components: { methods: ['post'], timeLimitDays: 5 }, after: { methods: ['post'], timeLimitDays: 5, methodTerms: [{ method: 'post', timeLimitDays: 5 }] } },
  // Nothing to copy, or nowhere to copy it: left as stored.
  { id: 'no-methods', components: { timeLimitDays: 5 }, after: { timeLimitDays: 5 } },
  { id: 'no-terms', components: { methods: ['online'], steps: ['Nộp hồ sơ'] }, after: { methods: ['online'], steps: ['Nộp hồ sơ'] } },
  {
    id: 'already',
    components: { methods: ['online'], timeLimitDays: 5, methodTerms: [{ method: 'online', timeLimitDays: 2 }] },
    after: { methods: ['online'], timeLimitDays: 5, methodTerms: [{ method: 'online', timeLimitDays: 2 }] },
  },
];
