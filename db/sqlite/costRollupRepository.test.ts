// The cost roll-up summed by SQLite over the stored figures must equal the pure domain roll-up over the same
// regulations, to the last bit, whatever the data: fast-check generates drafts, changes, answers and worksheets.
import fc from 'fast-check';
import { costWorksheetArbitrary } from '../../test/fixtures/costWorksheetArbitrary';
import { describe, expect, it } from 'vitest';
import { answerEverything } from '../../test/unit/assessmentAnswers';
import { createTestApi } from '../../test/unit/helpers';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../../shared/domain/assessmentTemplate';
import { combineRollups, compensatedSum, costRollup, rollupFromCounts } from '../../shared/domain/costRollup';
import type { Assessment, CostWorksheet } from '../../shared/domain/dossier';
import { CHANGES, type Change } from '../../shared/domain/vocabulary';
import { openDatabase } from './connection';
import { rollupJudgingPeriod } from '../../shared/domain/costFigures';
import { localDate } from '../../shared/domain/localDate';

const template = findTemplate(DEFAULT_TEMPLATE_ID)!;

const worksheet = costWorksheetArbitrary(2024);
type Answering = 'everything' | 'nothing' | 'not_necessary';
const regulation = fc.record({
  change: fc.constantFrom<Change>(...CHANGES),
  answering: fc.option(fc.constantFrom<Answering>('everything', 'nothing', 'not_necessary'), { nil: undefined }),
  cost: fc.option(worksheet, { nil: undefined }),
  trashed: fc.boolean(),
});

function assessmentOf(change: Change, answering: Answering | undefined, cost: CostWorksheet | undefined): Assessment | undefined {
  if (!answering) return undefined;
  const answers =
    answering === 'everything' ? answerEverything(template, change) : answering === 'not_necessary' ? { 'necessity.conclusion': { value: false } } : {};
  return { template: DEFAULT_TEMPLATE_ID, answers, ...(cost ? { cost } : {}) };
}

describe('cost roll-up in SQL', () => {
  it('equals the domain roll-up of every draft and of all drafts, exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(regulation, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (drafts) => {
        const { ctx, api } = await createTestApi();
        const ids = await ctx.tx(async (repos) => {
          const written: string[] = [];
          for (const [index, regulations] of drafts.entries()) {
            const draftId = ctx.newId();
            await repos.drafts.insert(
              { id: draftId, docType: 'nghi_dinh', title: `Dự thảo ${index}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
              { at: ctx.now(), by: 'Chuyên viên' },
            );
            for (const { change, answering, cost, trashed } of regulations) {
              const assessment = assessmentOf(change, answering, cost);
              const id = ctx.newId();
              await repos.regulations.insert({ id, draftId, kind: 'tthc', change, name: 'Cấp giấy phép', components: {}, ...(assessment ? { assessment } : {}) }, { at: ctx.now(), by: 'Chuyên viên' });
              if (trashed) await repos.regulations.trash(id, ctx.now(), 'Chuyên viên');
            }
            written.push(draftId);
          }
          return written;
        });
        // A draft with neither an issue date nor a step is judged on the officer's day, as its cost tab judges it
        // (shared/domain/costFigures.ts rollupJudgingPeriod); all of them together over the span of their days.
        const judgedIn = rollupJudgingPeriod([], localDate(ctx.now()));
        const expected = await ctx.read((repos) => Promise.all(ids.map(async (id) => costRollup(await repos.regulations.listByDraft(id), judgedIn))));
        const { overall, drafts: perDraft } = await api.getCostRollup({});
        expect(perDraft.map(({ rollup }) => rollup)).toEqual(expected);
        expect(overall).toEqual(combineRollups(expected, judgedIn));
        for (const [index, id] of ids.entries()) {
          expect((await api.getDraftAssessmentOverview({ draftId: id })).rollup).toEqual(expected[index]);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('sums as SQLite does, even where naive addition would drift', () => {
    const db = openDatabase(':memory:');
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e15, noNaN: true }), { maxLength: 40 }), (values) => {
        db.exec('CREATE TEMP TABLE IF NOT EXISTS terms (value REAL); DELETE FROM terms;');
        const insert = db.prepare('INSERT INTO terms (value) VALUES (?)');
        for (const value of values) insert.run(value);
        const { total } = db.prepare<[], { total: number }>('SELECT total(value) AS total FROM terms').get()!;
        expect(compensatedSum(values)).toBe(total);
      }),
    );
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
  });

  it('gives an empty roll-up for a draft without regulations', async () => {
    const { ctx } = await createTestApi();
    const judgedIn = { from: '2023-01-01', to: '2023-12-31' };
    expect(rollupFromCounts(await ctx.read((repos) => repos.costRollups.ofDraft(ctx.newId())), judgedIn)).toEqual(costRollup([], judgedIn));
  });
});
