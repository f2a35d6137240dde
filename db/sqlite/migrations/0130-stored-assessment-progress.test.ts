import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerEverything, WORKED_WORKSHEET } from '../../../test/unit/assessmentAnswers';
import { createTestApi, saveAssessmentOnLatest } from '../../../test/unit/helpers';
import { assessmentStatus } from '../../../shared/domain/assessmentStatus';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../../../shared/domain/assessmentTemplate';
import { evaluateCostWorksheet } from '../../../shared/domain/cost';
import type { Assessment } from '../../../shared/domain/dossier';
import { CHANGES, type Change } from '../../../shared/domain/vocabulary';
import { migrate } from '../connection';
import type { RegulationRecord } from '../../port';
import { MIGRATIONS } from './index';

/** The checklist row as the domain computes it from the assessment itself. */
function expectedItem(regulation: RegulationRecord) {
  const status = assessmentStatus(regulation.assessment, regulation.change);
  return {
    id: regulation.id,
    kind: regulation.kind,
    change: regulation.change,
    nationalCode: regulation.nationalCode,
    name: regulation.name,
    started: regulation.assessment !== undefined,
    complete: status.complete,
    completedAt: regulation.assessment?.completedAt ?? null,
    answered: status.progress.answered,
    total: status.progress.total,
    worksheet: status.worksheet,
    score: status.score.score,
    recommendation: status.progress.recommendation,
    problems: status.problems.length,
    annual: regulation.assessment?.cost ? evaluateCostWorksheet(regulation.assessment.cost).annual : null,
  };
}

const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
const WORKSHEETS = [undefined, WORKED_WORKSHEET, { ...WORKED_WORKSHEET, baseline: undefined }, { ...WORKED_WORKSHEET, proposed: undefined }];

/** Any mix of answered and unanswered questions, with or without a (possibly one-sided) worksheet, or no assessment. */
const assessmentArbitrary = (change: Change) =>
  fc.option(
    fc.record({
      dropped: fc.array(fc.nat(), { maxLength: 12 }),
      worksheet: fc.constantFrom(...WORKSHEETS),
      completedAt: fc.option(fc.constant('2024-01-01'), { nil: undefined }),
    }).map(({ dropped, worksheet, completedAt }): Assessment => {
      const answers = { ...answerEverything(template, change) };
      const keys = Object.keys(answers);
      for (const index of dropped) delete answers[keys[index % keys.length]!];
      return { template: DEFAULT_TEMPLATE_ID, answers, ...(worksheet ? { cost: worksheet } : {}), ...(completedAt ? { completedAt } : {}) };
    }),
    { nil: undefined },
  );

const regulationsArbitrary = fc.array(
  fc.constantFrom(...CHANGES).chain((change) => fc.record({ change: fc.constant(change), assessment: assessmentArbitrary(change), coded: fc.boolean() })),
  { minLength: 1, maxLength: 8 },
);

describe('stored assessment progress (migration 0130)', () => {
  it('the checklist read from stored columns equals the domain computation, whatever the assessments', async () => {
    const { api, ctx } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Dự thảo', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false });
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(regulationsArbitrary, async (specs) => {
        const { id: draftId } = await api.createDraft({ docType: 'nghi_dinh', title: `Dự thảo ${++counter}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false });
        const records = specs.map(({ change, assessment, coded }, index): RegulationRecord => ({
          id: `00000000-0000-4000-8000-${String(counter * 100 + index).padStart(12, '0')}`,
          draftId,
          kind: 'tthc',
          change,
          name: `Thủ tục ${index}`,
          components: {},
          ...(coded ? { nationalCode: `1.00${index}` } : {}),
          ...(assessment ? { assessment } : {}),
        }));
        const now = { at: ctx.now(), by: 'Nguyễn Văn A' };
        await ctx.tx(async (repos) => {
          for (const record of records) await repos.regulations.insert(record, now);
          // Written once more, so the update path stores the same figures as the insert.
          await repos.regulations.update(records[0]!, now);
        });
        const overview = await api.getDraftAssessmentOverview({ draftId });
        expect(overview.checklist).toEqual(records.map(expectedItem));
      }),
      { numRuns: 60 },
    );
    expect(draft.id).toBeDefined();
  });

  it('the migration recomputes the columns of the regulations already there', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 100);
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, assessment, created_at, updated_at)
      VALUES (?, 'd', ?, 'tthc', ?, 'Cấp giấy phép', '{}', ?, 'x', 'x')`);
    const finished: Assessment = { template: DEFAULT_TEMPLATE_ID, answers: answerEverything(template, 'amended'), cost: WORKED_WORKSHEET };
    const half: Assessment = { template: DEFAULT_TEMPLATE_ID, answers: { ...answerEverything(template, 'new') } };
    delete half.answers[Object.keys(half.answers)[0]!];
    insert.run('finished', 0, 'amended', JSON.stringify(finished));
    insert.run('half', 1, 'new', JSON.stringify(half));
    insert.run('unassessed', 2, 'abolished', null);
    migrate(db, MIGRATIONS, 130);
    const rows = db
      .prepare('SELECT assessment_answered AS answered, assessment_total AS total, assessment_worksheet AS worksheet, assessment_problems AS problems, worksheet_annual_baseline AS baseline FROM regulations ORDER BY position')
      .all();
    const expected = ([['amended', finished], ['new', half], ['abolished', undefined]] as const).map(([change, assessment]) => {
      const status = assessmentStatus(assessment, change);
      return {
        answered: status.progress.answered,
        total: status.progress.total,
        worksheet: status.worksheet,
        problems: status.problems.length,
        baseline: assessment?.cost ? evaluateCostWorksheet(assessment.cost).annual.baseline : null,
      };
    });
    expect(rows).toEqual(expected);
    expect(expected[0]!.answered).toBeGreaterThan(expected[1]!.answered);
  });
});

describe('a partly answered assessment whose every answer supports keeping', () => {
  it('scores 100, not 100.00000000000003, and is saved (the stored score is checked to lie in 0–100)', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Dự thảo', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false });
    const regulation = await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép', components: {} } });
    const answers = { ...answerEverything(template, 'new') };
    delete answers['reasonableness.consistent'];
    const saved = await saveAssessmentOnLatest(api, { regulationId: regulation.id, assessment: { template: DEFAULT_TEMPLATE_ID, answers } });
    expect(saved.status.score.score).toBe(100);
  });
});
