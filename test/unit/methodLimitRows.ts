// Rows for migration 0350 on both engines: regulations whose filing methods copied the procedure's time limit as
// their own (picked from the catalogue before a4da8fd, or carried over by 0310), and the components each must hold after.
import type { Components, MethodTerms, RegulationBaseline } from '../../shared/domain/dossier';
import { catalogueFileSchema, regulationFromCatalogue } from '../../shared/domain/catalogue';
import { componentLines } from '../../shared/domain/componentText';
import { regulationMeasures } from '../../shared/domain/measures';
import { feePerCase, feesDeclared, termsPerMethod } from '../../shared/domain/methodTerms';
import { unitOfText } from '../../shared/domain/timeLimits';
import { catalogueSample } from '../fixtures/catalogueSample';

type Row = { id: string; components: Components; baseline?: RegulationBaseline; after: Components };

/** Every timed procedure of the published sample as a pick stored it before a4da8fd (each method's published limit its own), and as a pick stores it now. */
function cataloguePicks(): Row[] {
  return catalogueFileSchema
    .parse(catalogueSample())
    .procedures.filter((procedure) => procedure.methods.some((method) => method.timeLimitDays !== undefined))
    .map((procedure) => {
      const { components, baseline } = regulationFromCatalogue(procedure);
      const copied = procedure.methods.map(
        (method): MethodTerms => ({
          method: method.method,
          ...(method.timeLimitDays === undefined ? {} : { timeLimitDays: method.timeLimitDays, ...(unitOfText(method.timeLimitText) === 'calendar' ? { timeLimitUnit: 'calendar' as const } : {}) }),
          ...(method.fees.length === 0 ? {} : { fee: feesDeclared(method) }),
        }),
      );
      return { id: `catalogue-${procedure.code}`, components: { ...components, methodTerms: copied }, ...(baseline ? { baseline } : {}), after: components };
    });
}

export const ROWS_BEFORE_0350: ReadonlyArray<Row> = [
  ...cataloguePicks(),
  {
    // Carried over by 0310, fees and all: the limits go, each method's fee stays.
    id: 'carried-over-calendar',
    components: {
      methods: ['in_person', 'online'],
      timeLimitDays: 15,
      timeLimitUnit: 'calendar',
      fees: [{ name: 'Lệ phí', amount: 50_000 }],
      methodTerms: [
        { method: 'in_person', timeLimitDays: 15, timeLimitUnit: 'calendar', fee: 50_000 },
        { method: 'online', timeLimitDays: 15, timeLimitUnit: 'calendar', fee: 50_000 },
      ],
    },
    baseline: { timeLimitDays: 20, timeLimitUnit: 'calendar' },
    after: {
      methods: ['in_person', 'online'],
      timeLimitDays: 15,
      timeLimitUnit: 'calendar',
      fees: [{ name: 'Lệ phí', amount: 50_000 }],
      methodTerms: [
        { method: 'in_person', fee: 50_000 },
        { method: 'online', fee: 50_000 },
      ],
    },
  },
  {
    // A limit of the method's own is kept: another figure (online), or the same figure in another unit (post).
    id: 'own-limits',
    components: {
      methods: ['in_person', 'online', 'post'],
      timeLimitDays: 10,
      methodTerms: [
        { method: 'in_person', timeLimitDays: 10 },
        { method: 'online', timeLimitDays: 5 },
        { method: 'post', timeLimitDays: 10, timeLimitUnit: 'calendar' },
      ],
    },
    baseline: { timeLimitDays: 10 },
    after: {
      methods: ['in_person', 'online', 'post'],
      timeLimitDays: 10,
      methodTerms: [{ method: 'in_person' }, { method: 'online', timeLimitDays: 5 }, { method: 'post', timeLimitDays: 10, timeLimitUnit: 'calendar' }],
    },
  },
  {
    // The procedure states no limit: the method's is its own.
    id: 'no-procedure-limit',
    components: { methods: ['online'], methodTerms: [{ method: 'online', timeLimitDays: 3 }] },
    after: { methods: ['online'], methodTerms: [{ method: 'online', timeLimitDays: 3 }] },
  },
];

/** What is read from a regulation's methods: the time limits compared method by method, the printed method lines, the fee per case. */
export function readFromMethods(components: Components, baseline: RegulationBaseline | undefined) {
  return { measures: regulationMeasures({ change: 'amended', components, baseline }), methodLines: componentLines(components, 'methods'), fee: feePerCase(components) };
}

/** The methods whose limit is the procedure's once the procedure's limit becomes `days`. */
export function methodsFollowing(components: Components, days: number): string[] {
  return termsPerMethod({ ...components, timeLimitDays: days }).flatMap(({ method, timeLimit }) => (timeLimit?.days === days ? [method] : []));
}
