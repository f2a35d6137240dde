// The dashboard's and the period report's cost, summed per day by SQLite over the stored worksheet figures, must
// equal what evaluating every assessed regulation's worksheet gives (computePeriodStatistics, the counting rules
// over the whole dossier), whatever the data: fast-check generates changes, dates, worksheets with or without each
// side, and trashed regulations.
import fc from 'fast-check';
import { costWorksheetArbitrary } from '../../test/fixtures/costWorksheetArbitrary';
import { describe, expect, it } from 'vitest';
import { monthPeriod } from '../../shared/domain/dashboard';
import type { Draft, Regulation } from '../../shared/domain/dossier';
import { computePeriodStatistics, type Period, type PeriodReport } from '../../shared/domain/statistics';
import { CHANGES, type Change } from '../../shared/domain/vocabulary';
import { createTestApi } from '../../test/unit/helpers';

const worksheet = costWorksheetArbitrary(2023);
// A few days in a few months, so that several regulations share a day and the ranges below cut between them.
const completedAt = fc.option(fc.constantFrom('2023-01-31', '2023-02-01', '2023-06-15', '2023-06-16', '2023-12-31', '2024-01-01'), { nil: undefined });
const regulation = fc.record({
  change: fc.constantFrom<Change>(...CHANGES),
  completedAt,
  cost: fc.option(worksheet, { nil: undefined }),
  trashed: fc.boolean(),
});

const RANGES: Period[] = [
  { from: '2023-01-01', to: '2023-12-31' },
  monthPeriod('2023-06'),
  { from: '2023-02-01', to: '2023-06-15' },
  { from: '2023-12-01', to: '2024-01-31' },
];

/** The sums differ from one regulation-by-regulation in the order of additions only: a relative 1e-12 at most. */
function expectSameCost(actual: PeriodReport['cost'], expected: PeriodReport['cost']): void {
  for (const key of ['baseline', 'proposed', 'reductionShare'] as const) {
    expect(Math.abs(actual[key] - expected[key])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[key])));
  }
}

describe('report costs in SQL', () => {
  it('equal the worksheets evaluated one by one, for the dashboard and the period report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(regulation, { maxLength: 12 }), async (regulations) => {
        const { ctx, api } = await createTestApi();
        const draftId = ctx.newId();
        const live: Regulation[] = [];
        await ctx.tx(async (repos) => {
          await repos.drafts.insert(
            { id: draftId, docType: 'nghi_dinh', title: 'Dự thảo', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
            { at: ctx.now(), by: 'Chuyên viên' },
          );
          for (const { change, completedAt: date, cost, trashed } of regulations) {
            const id = ctx.newId();
            const assessment = date || cost ? { template: '2010', answers: {}, ...(date ? { completedAt: date } : {}), ...(cost ? { cost } : {}) } : undefined;
            const record = { id, kind: 'tthc' as const, change, name: 'Cấp giấy phép', components: {}, ...(assessment ? { assessment } : {}) };
            await repos.regulations.insert({ ...record, draftId }, { at: ctx.now(), by: 'Chuyên viên' });
            if (trashed) await repos.regulations.trash(id, ctx.now(), 'Chuyên viên');
            else live.push({ ...record, opinions: [] });
          }
        });
        const drafts: Draft[] = [
          { id: draftId, docType: 'nghi_dinh', title: 'Dự thảo', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null, events: [], regulations: live },
        ];
        for (const range of RANGES) {
          const expected = computePeriodStatistics(drafts, range);
          const { report } = await api.periodReport(range);
          expectSameCost(report.cost, expected.cost);
          expect(report.programs).toEqual(expected.programs);
          expect({ ...report, cost: null }).toEqual({ ...expected, cost: null });
        }
        const dashboard = await api.dashboard({ from: '2023-01', to: '2023-12' });
        expectSameCost(dashboard.cost, computePeriodStatistics(drafts, RANGES[0]!).cost);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
