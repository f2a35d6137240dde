// Issue 8, "import that refuses ambiguity": each reproducer of the issue, through the API the UI and the CLI call.
import { describe, expect, it } from 'vitest';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { rejection } from '../../test/unit/apiRejection';
import { WORKED_WORKSHEET } from '../../test/unit/assessmentAnswers';
import { createTestApi } from '../../test/unit/helpers';
import { createHandlers } from './handlers';
import { createDispatcher } from '../transports/dispatcher';

const OPINION_ID = '6f2c1d2e-8a43-4a8e-9a55-1d6a4f6f0c01';

function nested(depth: number): unknown[] {
  let body: unknown[] = [{ type: 'paragraph', children: [{ text: 'x' }] }];
  for (let level = 0; level < depth; level += 1) body = [body];
  return body;
}

function withOpinionBody(body: unknown[]) {
  const file = civilStatusDossier();
  file.exportedBy.role = 'drafter';
  file.drafts[0]!.regulations[0]!.opinions = [
    { id: OPINION_ID, stage: 'appraisal', verdict: 'agree', issuedAt: '2023-11-15', by: 'Bộ Tư pháp', text: 'Đồng ý', body },
  ];
  return file;
}

async function problemsOf(api: Awaited<ReturnType<typeof createTestApi>>['api'], dossier: unknown) {
  const error = await rejection(api.importDossier({ dossier }));
  expect(error.code).toBe('invalid_input');
  return error.problems;
}

describe('import refuses what it cannot read unambiguously, with the path, and writes nothing', () => {
  it('refuses hours: 1e308, which used to be stored and then broke the cost roll-ups for the whole database', async () => {
    const { api } = await createTestApi();
    const file = civilStatusDossier();
    file.drafts[0]!.regulations[0]!.assessment = {
      template: '2010',
      answers: {},
      cost: { ...WORKED_WORKSHEET, baseline: undefined, proposed: { ...WORKED_WORKSHEET.proposed!, activities: [{ name: 'Chuẩn bị', hours: 1e308 }] } },
    };
    const problems = await problemsOf(api, file);
    expect(problems).toContainEqual({
      path: 'drafts[0].regulations[0].assessment.cost.proposed.activities[0].hours',
      message: 'phải là số hữu hạn không lớn hơn 10.000',
    });
    expect((await api.listDrafts({})).total).toBe(0);
    await expect(api.getCostRollup({})).resolves.toMatchObject({ overall: { regulations: 0 } });
  });

  it('bounds population, frequency, fees, copies, time limits and hourly income', async () => {
    const { api } = await createTestApi();
    const file = civilStatusDossier();
    const regulation = file.drafts[0]!.regulations[0]!;
    regulation.components = { timeLimitDays: 1e9, dossier: [{ item: 'Tờ khai', copies: 1e6 }], fees: [{ name: 'Lệ phí', amount: 1e15 }] };
    regulation.assessment = {
      template: '2010',
      answers: {},
      cost: { year: 2024, hourlyIncome: 1e12, proposed: { activities: [], fees: 0, otherCosts: 0, population: 1e12, frequencyPerYear: 1e9 } },
    };
    const paths = (await problemsOf(api, file)).map((problem) => problem.path);
    const at = 'drafts[0].regulations[0]';
    expect(paths).toEqual(
      expect.arrayContaining([
        `${at}.components.timeLimitDays`,
        `${at}.components.dossier[0].copies`,
        `${at}.components.fees[0].amount`,
        `${at}.assessment.cost.hourlyIncome`,
        `${at}.assessment.cost.proposed.population`,
        `${at}.assessment.cost.proposed.frequencyPerYear`,
      ]),
    );
  });

  it('the cost worksheet and the components the UI saves are bounded the same way', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: civilStatusDossier() });
    const regulationId = civilStatusDossier().drafts[0]!.regulations[0]!.id as string;
    const saved = rejection(
      api.saveAssessment({
        regulationId,
        version: (await api.getAssessment({ regulationId })).version,
        assessment: { template: '2010', answers: {}, cost: { ...WORKED_WORKSHEET, baseline: undefined, proposed: { ...WORKED_WORKSHEET.proposed!, population: 1e300 } } },
      }),
    );
    expect((await saved).problems.map((problem) => problem.path)).toContain('assessment.cost.proposed.population');
    const regulation = await api.getRegulation({ id: regulationId });
    const fields = { kind: regulation.kind, change: regulation.change, name: 'x'.repeat(1001), components: { timeLimitDays: 1e308 } };
    const updated = await rejection(api.updateRegulation({ id: regulationId, version: regulation.version, fields }));
    expect(updated.problems.map((problem) => problem.path).sort()).toEqual(['fields.components.timeLimitDays', 'fields.name']);
    await expect(api.getCostRollup({})).resolves.toBeDefined();
  });

  it.each([1000, 5000])('refuses an opinion body nested %i deep with its path, not a stack overflow or a CHECK failure', async (depth) => {
    const { api } = await createTestApi();
    const problems = await problemsOf(api, withOpinionBody(nested(depth)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/^drafts\[0\]\.regulations\[0\]\.opinions\[0\]\.body(\[0\]){20}$/);
    expect(problems[0]!.message).toBe('lồng nhau quá 20 tầng');
    expect((await api.listDrafts({})).total).toBe(0);
  });

  it('keeps a body of reasonable depth exactly as it came', async () => {
    const { api } = await createTestApi();
    const body = nested(3);
    await api.importDossier({ dossier: withOpinionBody(body) });
    const exported = await api.exportDossier({});
    expect(exported.drafts[0]!.regulations[0]!.opinions[0]!.body).toEqual(body);
  });

  it('refuses two drafts with the same id, into an empty database and into a full one, naming the second', async () => {
    const twice = () => {
      const file = civilStatusDossier();
      const copy = structuredClone(file.drafts[0]!);
      copy.regulations = copy.regulations.map((regulation) => ({ ...regulation, id: String(regulation.id).replace('-1d6a4f6f0b', '-1d6a4f6f0d') }));
      file.drafts.push(copy);
      return file;
    };
    const expected = {
      path: 'drafts[1].id',
      message: 'mã 6f2c1d2e-8a43-4a8e-9a55-1d6a4f6f0a01 đã dùng cho dự thảo tại drafts[0]; mỗi mã chỉ được dùng một lần trong tệp',
    };
    const { api } = await createTestApi();
    expect(await problemsOf(api, twice())).toEqual([expected]);
    expect((await api.listDrafts({})).total).toBe(0);
    await api.importDossier({ dossier: civilStatusDossier() });
    expect(await problemsOf(api, twice())).toEqual([expected]);
  });

  it('refuses the same id used for a regulation and an opinion anywhere in the file', async () => {
    const { api } = await createTestApi();
    const file = withOpinionBody(nested(0));
    const reused = file.drafts[0]!.regulations[2]!.id as string;
    (file.drafts[0]!.regulations[0]!.opinions as Array<{ id: string }>)[0]!.id = reused;
    expect((await problemsOf(api, file)).map((problem) => problem.path)).toEqual(['drafts[0].regulations[2].id']);
  });

  it('refuses an unknown assessment template and unknown question ids', async () => {
    const { api } = await createTestApi();
    const file = civilStatusDossier();
    file.drafts[0]!.regulations[0]!.assessment = { template: '1999', answers: {} };
    file.drafts[0]!.regulations[1]!.assessment = { template: '2010', answers: { 'necessity.no_such_question': { value: true } } };
    const problems = await problemsOf(api, file);
    expect(problems.map((problem) => problem.path)).toEqual([
      'drafts[0].regulations[0].assessment.template',
      'drafts[0].regulations[1].assessment.answers.necessity.no_such_question',
    ]);
    expect(problems[0]!.message).toContain('không có mẫu đánh giá "1999"');
  });

  it('bounds every string: names, titles and texts', async () => {
    const { api } = await createTestApi();
    const file = civilStatusDossier();
    file.drafts[0]!.title = 'T'.repeat(1001);
    file.drafts[0]!.regulations[0]!.name = 'N'.repeat(1001);
    file.drafts[0]!.regulations[1]!.components = { steps: ['S'.repeat(100_001)] };
    file.exportedBy.agency = 'A'.repeat(1001);
    const problems = await problemsOf(api, file);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'exportedBy.agency', message: 'dài quá 1.000 ký tự' },
        { path: 'drafts[0].title', message: 'dài quá 1.000 ký tự' },
        { path: 'drafts[0].regulations[0].name', message: 'dài quá 1.000 ký tự' },
        { path: 'drafts[0].regulations[1].components.steps[0]', message: 'dài quá 100.000 ký tự' },
      ]),
    );
  });

  it('refuses a lone surrogate, which SQLite would silently turn into U+FFFD', async () => {
    const { api } = await createTestApi();
    const file = civilStatusDossier();
    file.drafts[0]!.regulations[0]!.name = 'Đăng ký \ud800';
    expect((await problemsOf(api, file)).map((problem) => problem.path)).toEqual(['drafts[0].regulations[0].name']);
  });

  it('reports a result that breaks the output contract as internal, not as the caller’s invalid input', async () => {
    const { ctx } = await createTestApi();
    const dispatch = createDispatcher({ ...createHandlers(ctx), getCostRollup: () => ({ overall: { regulations: -1 } }) } as never, { failures: ctx.store.failures });
    const response = await dispatch('getCostRollup', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
