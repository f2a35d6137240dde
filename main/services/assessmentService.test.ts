import { describe, expect, it } from 'vitest';
import type { AssessmentInput } from '../../shared/contract/api';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../../shared/domain/assessmentTemplate';
import type { CostSide } from '../../shared/domain/dossier';
import type { Change } from '../../shared/domain/vocabulary';
import { answerEverything, WORKED_HOURLY_INCOME, WORKED_WORKSHEET, workedSide } from '../../test/unit/assessmentAnswers';
import { createTestApi, createTestStore, saveAssessmentOnLatest } from '../../test/unit/helpers';
import { createServiceContext } from './context';
import { rejection } from '../../test/unit/apiRejection';

const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
/** A test API whose clock the test sets, to follow the completion date across days. */
async function apiWithClock() {
  const clock = { now: '2024-03-05T12:00:00Z' };
  const ctx = createServiceContext(await createTestStore(), { now: () => clock.now });
  return { clock, ...(await createTestApi(ctx)) };
}

async function seed(api: Awaited<ReturnType<typeof createTestApi>>['api'], changes: Change[] = ['amended']) {
  const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
  const regulations = [];
  for (const [index, change] of changes.entries()) {
    regulations.push(
      await api.createRegulation({
        draftId: draft.id,
        fields: {
          kind: 'tthc',
          change,
          name: `Thủ tục ${index + 1}`,
          components: { fees: [{ name: 'Lệ phí', amount: 300_000 }, { name: 'Phí thẩm định', amount: 200_000 }] },
        },
      }),
    );
  }
  return { draft, regulations };
}

const completeAmended = (): AssessmentInput => ({ template: '2010', answers: answerEverything(template, 'amended'), cost: WORKED_WORKSHEET });

describe('templates', () => {
  it('lists every questionnaire, the 2010 one among them (which one a regulation starts on is its templateChoice)', async () => {
    const { api } = await createTestApi();
    const { templates } = await api.listAssessmentTemplates({});
    expect(templates.map((known) => known.id)).toEqual(expect.arrayContaining(['2010', '2025', '2025-qdkd']));
    expect(templates.map((known) => known.id)).toContain('2010');
    expect(templates.find((known) => known.id === '2010')?.sections.map((section) => section.id)).toEqual(template.sections.map((section) => section.id));
  });
});

describe('the template of a regulation', () => {
  async function regulationOf(kind: 'tthc' | 'qdkd', now: string) {
    const { api, clock } = await apiWithClock();
    clock.now = now;
    const draft = await api.createDraft({ docType: 'nghi_quyet_cp', title: 'Nghị quyết về cắt giảm điều kiện kinh doanh', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const regulation = await api.createRegulation({ draftId: draft.id, fields: { kind, change: 'amended', name: kind === 'tthc' ? 'Thủ tục cấp phép' : 'Điều kiện kinh doanh dịch vụ', components: {} } });
    return { api, clock, regulationId: regulation.id };
  }

  it.each([
    ['tthc', '2024-03-05T12:00:00Z', '2010', ['2010']],
    // A business regulation gets the business-condition questions before 2025 too (issue 19).
    ['qdkd', '2024-03-05T12:00:00Z', '2021-qdkd', ['2021-qdkd', '2010']],
    ['tthc', '2026-01-15T12:00:00Z', '2025', ['2025', '2010']],
    ['qdkd', '2026-01-15T12:00:00Z', '2025-qdkd', ['2025-qdkd', '2010']],
  ] as const)('a %s regulation of a draft dated %s starts on %s', async (kind, now, expected, offered) => {
    const { api, regulationId } = await regulationOf(kind, now);
    const { templateChoice } = await api.getAssessment({ regulationId });
    expect(templateChoice).toEqual({ date: now.slice(0, 10), defaultTemplateId: expected, offered });
  });

  it.each([
    ['tthc', '2025-qdkd', 'Mẫu đánh giá “Biểu mẫu đánh giá tác động quy định kinh doanh (Nghị quyết 66/NQ-CP ngày 26/03/2025)” (2025-qdkd) dùng cho quy định kinh doanh (QĐKD), không dùng để đánh giá một thủ tục hành chính (TTHC).'],
    ['qdkd', '2025', 'dùng cho thủ tục hành chính (TTHC), không dùng để đánh giá một quy định kinh doanh (QĐKD).'],
  ] as const)('refuses, in Vietnamese, to assess a %s on template %s, writing nothing', async (kind, template, message) => {
    const { api, regulationId } = await regulationOf(kind, '2026-01-15T12:00:00Z');
    const refused = await rejection(saveAssessmentOnLatest(api, { regulationId, assessment: { template, answers: {} } }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain(message);
    expect(refused.problems).toEqual([{ path: 'assessment.template', message: expect.stringContaining(message) }]);
    expect((await api.getAssessment({ regulationId })).assessment).toBeNull();
  });

  it('refuses a template not yet in force on the draft\'s date', async () => {
    const { api, regulationId } = await regulationOf('tthc', '2024-03-05T12:00:00Z');
    const refused = await rejection(saveAssessmentOnLatest(api, { regulationId, assessment: { template: '2025', answers: {} } }));
    expect(refused.message).toContain('áp dụng từ 01/04/2025; dự thảo ngày 05/03/2024 dùng mẫu “2010”.');
  });
});

describe('getAssessment', () => {
  it('starts empty, with the defaults a new worksheet takes', async () => {
    const { api } = await apiWithClock();
    const { regulations } = await seed(api);
    const view = await api.getAssessment({ regulationId: regulations[0]!.id });
    expect(view.assessment).toBeNull();
    expect(view.cost).toBeNull();
    expect(view.status.complete).toBe(false);
    expect(view.status.progress.answered).toBe(0);
    expect(view.worksheetDefaults).toEqual({ year: 2024, hourlyIncome: WORKED_HOURLY_INCOME, fees: 500_000, otherCosts: 0, certifiedCopies: 0 });
  });

  it('prices the certified copies the dossier asks for among the other costs, and the cost of a case counts them', async () => {
    // Issue 22: «01 bản chính và 02 bản sao chứng thực» costs the subject two certifications (Thông tư 226/2016/TT-BTC,
    // 2.000 đ a copy of a page); plain copies and originals cost none.
    const { api } = await apiWithClock();
    const { regulations } = await seed(api);
    const regulation = regulations[0]!;
    const dossier = [
      { item: 'Giấy chứng nhận đăng ký doanh nghiệp', copies: 3, originals: 1, certifiedCopies: 2 },
      { item: 'Giấy chứng nhận đủ điều kiện an toàn thực phẩm', copies: 2, certifiedCopies: 1 },
      { item: 'Đơn đề nghị', copies: 1, originals: 1 },
      { item: 'Bản sao hợp đồng', copies: 4 },
    ];
    const stored = await api.getRegulation({ id: regulation.id });
    await api.updateRegulation({ id: regulation.id, version: stored.version, fields: { kind: 'tthc', change: 'amended', name: stored.name, components: { ...stored.components, dossier } } });
    const { worksheetDefaults } = await api.getAssessment({ regulationId: regulation.id });
    expect(worksheetDefaults).toMatchObject({ certifiedCopies: 3, otherCosts: 6_000 });
    // A side that starts from the defaults, as the cost tab's does: its case costs the fees and the certifications.
    const side: CostSide = { activities: [], fees: worksheetDefaults.fees, otherCosts: worksheetDefaults.otherCosts, population: 100, frequencyPerYear: 1 };
    await saveAssessmentOnLatest(api, { regulationId: regulation.id, assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome: WORKED_HOURLY_INCOME, baseline: side, proposed: { ...side, otherCosts: 0 } } } });
    const { cost } = await api.getAssessment({ regulationId: regulation.id });
    expect(cost!.perCase.baseline).toBe(506_000);
    expect(cost!.annual.baseline).toBe(50_600_000);
    expect(cost!.reduction.amount).toBe(600_000);
  });

  it('refuses an unknown regulation', async () => {
    const { api } = await createTestApi();
    expect((await rejection(api.getAssessment({ regulationId: '0b4f0c55-8a43-4a8e-9a55-1d6a4f6f0b99' }))).code).toBe('not_found');
  });
});

describe('saveAssessment', () => {
  it('stores a partial assessment without a completion date', async () => {
    const { api } = await apiWithClock();
    const { regulations } = await seed(api);
    const view = await saveAssessmentOnLatest(api, {
      regulationId: regulations[0]!.id,
      assessment: { template: '2010', answers: { 'necessity.objective_needed': { value: true, explanation: 'Quản lý dân cư' } } },
    });
    expect(view.assessment).toEqual({
      template: '2010',
      completedAt: null,
      answers: { 'necessity.objective_needed': { value: true, explanation: 'Quản lý dân cư' } },
    });
    expect(view.status.progress.answered).toBe(1);
    expect(view.status.score.score).toBe(100);
    expect((await api.getRegulation({ id: regulations[0]!.id })).assessment).toEqual(view.assessment);
  });

  it('dates the first completion, keeps that date while complete, and clears it when no longer complete', async () => {
    const { api, clock } = await apiWithClock();
    const { regulations } = await seed(api);
    const regulationId = regulations[0]!.id;
    const save = async (assessment: AssessmentInput, now: string) => {
      clock.now = now;
      return (await saveAssessmentOnLatest(api, { regulationId, assessment })).assessment?.completedAt;
    };
    const complete = completeAmended();
    const { 'necessity.objective': _dropped, ...oneMissing } = complete.answers;

    expect(await save(complete, '2024-03-05T12:00:00Z')).toBe('2024-03-05');
    expect(await save({ ...complete, answers: { ...complete.answers, 'necessity.objective': { value: 'Mục tiêu khác' } } }, '2024-04-01T12:00:00Z')).toBe(
      '2024-03-05',
    );
    expect(await save({ ...complete, answers: oneMissing }, '2024-04-02T12:00:00Z')).toBeNull();
    expect(await save({ ...complete, cost: undefined }, '2024-04-03T12:00:00Z')).toBeNull();
    expect(await save(complete, '2024-04-04T12:00:00Z')).toBe('2024-04-04');
  });

  it('reports the score and the cost of what it saved', async () => {
    const { api } = await apiWithClock();
    const { regulations } = await seed(api);
    const view = await saveAssessmentOnLatest(api, { regulationId: regulations[0]!.id, assessment: completeAmended() });
    expect(view.status.complete).toBe(true);
    expect(view.status.score.score).toBe(100);
    expect(view.cost?.reduction.share).toBeCloseTo(0.3394, 4);
  });

  it.each<[string, (assessment: AssessmentInput) => unknown, string, string]>([
    ['negative hours', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, baseline: { ...workedSide(-1, 0) } } }), 'assessment.cost.baseline.activities[0].hours', 'không được âm'],
    ['negative population', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, proposed: { ...workedSide(8, 0), population: -5 } } }), 'assessment.cost.proposed.population', 'không được âm'],
    ['negative money', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, proposed: { ...workedSide(8, 0), fees: -500_000 } } }), 'assessment.cost.proposed.fees', 'không được âm'],
    ['non-numeric hours', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, baseline: { ...workedSide(0, 0), activities: [{ name: 'Chuẩn bị', hours: 'mười' }] } } }), 'assessment.cost.baseline.activities[0].hours', 'phải là một số hữu hạn'],
    ['a million hours', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, baseline: workedSide(1e6, 0) } }), 'assessment.cost.baseline.activities[0].hours', 'phải là số hữu hạn không lớn hơn 10.000'],
    ['frequency 0', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, proposed: { ...workedSide(8, 0), frequencyPerYear: 0 } } }), 'assessment.cost.proposed.frequencyPerYear', 'phải lớn hơn 0'],
    ['missing baseline on an amended regulation', (a) => ({ ...a, cost: { ...WORKED_WORKSHEET, baseline: undefined } }), 'assessment.cost.baseline', 'thủ tục sửa đổi, bổ sung cần chi phí hiện tại (trước khi sửa đổi)'],
    ['an unknown template', (a) => ({ ...a, template: '2099' }), 'assessment.template', 'không có mẫu đánh giá "2099" (các mẫu hiện có: "2010", "2025", "2021-qdkd", "2025-qdkd")'],
    ['an answer of the wrong type', (a) => ({ ...a, answers: { ...a.answers, 'legality.within_authority': { value: true } } }), 'assessment.answers.legality.within_authority', 'cần chọn một trong: hoàn toàn, một phần, không'],
  ])('rejects %s at its field and writes nothing', async (_label, spoil, path, message) => {
    const { api } = await apiWithClock();
    const { regulations } = await seed(api);
    const regulationId = regulations[0]!.id;
    const before = await saveAssessmentOnLatest(api, { regulationId, assessment: { template: '2010', answers: { 'necessity.objective': { value: 'Mục tiêu' } } } });

    const error = await rejection(saveAssessmentOnLatest(api, { regulationId, assessment: spoil(completeAmended()) as AssessmentInput }));
    expect(error.code).toBe('invalid_input');
    expect(error.problems).toContainEqual({ path, message });
    expect((await api.getAssessment({ regulationId })).assessment).toEqual(before.assessment);
  });

  it('shows the score and completeness on the draft’s regulation rows', async () => {
    const { api } = await apiWithClock();
    const { draft, regulations } = await seed(api, ['amended', 'new']);
    await saveAssessmentOnLatest(api, { regulationId: regulations[0]!.id, assessment: completeAmended() });
    await saveAssessmentOnLatest(api, {
      regulationId: regulations[1]!.id,
      assessment: { template: '2010', answers: { 'necessity.objective_needed': { value: true }, 'necessity.achieves_objective': { value: false } } },
    });
    const rows = (await api.getDraft({ id: draft.id })).regulations;
    expect(rows.map((row) => [row.necessityScore, row.assessmentComplete])).toEqual([
      [100, true],
      [50, false],
    ]);
  });
});

describe('the exchange format', () => {
  it('carries a saved assessment through export and import unchanged', async () => {
    const { api } = await apiWithClock();
    const { draft, regulations } = await seed(api);
    const saved = await saveAssessmentOnLatest(api, { regulationId: regulations[0]!.id, assessment: completeAmended() });
    const dossier = await api.exportDossier({ draftIds: [draft.id] });
    expect(dossier.drafts[0]!.regulations[0]!.assessment).toEqual(saved.assessment);

    const elsewhere = (await apiWithClock()).api;
    await elsewhere.importDossier({ dossier });
    const imported = await elsewhere.getAssessment({ regulationId: regulations[0]!.id });
    expect(imported.assessment).toEqual(saved.assessment);
    expect(imported.status).toEqual(saved.status);
  });
});

describe('evaluateCost', () => {
  it('computes the DOMAIN.md worked example', async () => {
    const { api } = await createTestApi();
    const result = await api.evaluateCost({ worksheet: WORKED_WORKSHEET });
    expect(result.perCase.baseline).toBeCloseTo(1_245_454.55, 2);
    expect(result.annual.proposed).toBeCloseTo(1_645_454_545.45, 2);
    expect(result.reduction.amount).toBeCloseTo(845_454_545.45, 2);
    expect(result.reduction.share).toBeCloseTo(0.3394, 4);
    expect(result.presentValue).toBeUndefined();
  });

  it('values the DOMAIN.md multi-year example: 100 subjects × 100 a year, 10 years at 7%', async () => {
    const { api } = await createTestApi();
    const side: CostSide = { activities: [], fees: 100, otherCosts: 0, population: 100, frequencyPerYear: 1 };
    const result = await api.evaluateCost({ worksheet: { year: 2024, hourlyIncome: 0, proposed: side }, options: { years: 10, discountRate: 0.07 } });
    expect(result.presentValue?.proposed).toBeCloseTo(70_235.82, 2);
    expect(result.annualisedValue?.proposed).toBeCloseTo(10_000, 6);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['years 0', { years: 0 }, 'options.years'],
    ['a discount rate given as a percentage', { years: 5, discountRate: 7 }, 'options.discountRate'],
    ['a growth rate of -100%', { years: 5, growthRate: -1 }, 'options.growthRate'],
  ])('rejects %s', async (_label, options, path) => {
    const { api } = await createTestApi();
    const error = await rejection(api.evaluateCost({ worksheet: WORKED_WORKSHEET, options } as never));
    expect(error.problems.map((problem) => problem.path)).toEqual([path]);
  });
});

describe('hourly income settings', () => {
  it('falls back to 6.000.000 đ a month for years without a figure', async () => {
    const { api } = await createTestApi();
    expect(await api.getHourlyIncomeSettings({})).toEqual({
      byYear: [],
      defaultMonthlyIncome: 6_000_000,
      defaultHourlyIncome: WORKED_HOURLY_INCOME,
    });
  });

  it('keeps a history per year, newest first, and new worksheets take this year’s figure', async () => {
    const { api } = await apiWithClock();
    const saved = await api.saveHourlyIncomeSettings({
      byYear: [
        { year: 2023, monthlyIncome: 5_500_000 },
        { year: 2024, monthlyIncome: 7_040_000 },
      ],
    });
    expect(saved.byYear.map(({ year, hourlyIncome }) => [year, hourlyIncome])).toEqual([
      [2024, 40_000],
      [2023, 5_500_000 / 176],
    ]);
    expect(saved.byYear[0]!.monthlyIncome).toBeCloseTo(7_040_000, 6);
    const { regulations } = await seed(api);
    expect((await api.getAssessment({ regulationId: regulations[0]!.id })).worksheetDefaults.hourlyIncome).toBe(40_000);
  });

  it.each<[string, Array<{ year: number; monthlyIncome: number }>, string]>([
    ['a year twice', [{ year: 2024, monthlyIncome: 1 }, { year: 2024, monthlyIncome: 2 }], 'byYear[1].year'],
    ['no income', [{ year: 2024, monthlyIncome: 0 }], 'byYear[0].monthlyIncome'],
    ['a year out of range', [{ year: 1990, monthlyIncome: 1 }], 'byYear[0].year'],
  ])('rejects %s and keeps the old history', async (_label, byYear, path) => {
    const { api } = await createTestApi();
    await api.saveHourlyIncomeSettings({ byYear: [{ year: 2020, monthlyIncome: 4_400_000 }] });
    const error = await rejection(api.saveHourlyIncomeSettings({ byYear }));
    expect(error.problems.map((problem) => problem.path)).toEqual([path]);
    expect((await api.getHourlyIncomeSettings({})).byYear.map(({ year }) => year)).toEqual([2020]);
  });
});

describe('roll-ups', () => {
  it('lists which regulations of a draft still lack a complete assessment, and rolls up its cost', async () => {
    const { api } = await apiWithClock();
    const { draft, regulations } = await seed(api, ['amended', 'new', 'abolished']);
    await saveAssessmentOnLatest(api, { regulationId: regulations[0]!.id, assessment: completeAmended() });
    await saveAssessmentOnLatest(api, {
      regulationId: regulations[2]!.id,
      assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome: WORKED_HOURLY_INCOME, baseline: workedSide(16, 200_000) } },
    });
    const { checklist, rollup } = await api.getDraftAssessmentOverview({ draftId: draft.id });
    expect(checklist.map(({ name, started, complete, worksheet }) => [name, started, complete, worksheet])).toEqual([
      ['Thủ tục 1', true, true, 'present'],
      ['Thủ tục 2', false, false, 'missing'],
      ['Thủ tục 3', true, false, 'present'],
    ]);
    expect(checklist[0]!.completedAt).toBe('2024-03-05');
    expect(rollup.byChange).toEqual({ new: 1, amended: 1, replaced: 0, abolished: 1 });
    expect(rollup.assessed).toBe(1);
    // The abolished regulation saves its whole baseline on top of the worked example's saving.
    expect(rollup.annual.baseline).toBeCloseTo(2 * 2_490_909_090.91, 1);
    expect(rollup.annual.proposed).toBeCloseTo(1_645_454_545.45, 1);
    // Procedures without a business among their subjects: in no program's scope, judged against none (issue 22).
    expect(rollup.targets).toEqual([]);
  });

  it('adds up every draft', async () => {
    const { api } = await apiWithClock();
    const first = await seed(api, ['amended']);
    const second = await seed(api, ['amended', 'new']);
    for (const { regulations } of [first, second]) {
      await saveAssessmentOnLatest(api, { regulationId: regulations[0]!.id, assessment: completeAmended() });
    }
    const { overall, drafts } = await api.getCostRollup({});
    expect(drafts.map(({ id, rollup }) => [id, rollup.regulations])).toEqual([
      [first.draft.id, 1],
      [second.draft.id, 2],
    ]);
    expect(overall.regulations).toBe(3);
    expect(overall.assessed).toBe(2);
    expect(overall.annual.baseline).toBeCloseTo(2 * 2_490_909_090.91, 1);
    expect(overall.reduction.share).toBeCloseTo(0.3394, 4);
  });

  it('refuses an unknown draft', async () => {
    const { api } = await createTestApi();
    expect((await rejection(api.getDraftAssessmentOverview({ draftId: '0b4f0c55-8a43-4a8e-9a55-1d6a4f6f0a99' }))).code).toBe('not_found');
  });
});
