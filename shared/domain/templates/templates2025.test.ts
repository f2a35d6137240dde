import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerEverything } from '../../../test/unit/assessmentAnswers';
import { answersCarriedTo, assessedConditionCounts, assessmentProgress, answerProblems, necessityScore } from '../assessment';
import { assessmentTemplateSchema, defaultTemplateFor, findTemplate, templateQuestions, templateRefusal, templatesFor, type AssessmentTemplateInput } from '../assessmentTemplate';
import type { Answer } from '../dossier';

const tthc2025 = findTemplate('2025')!;
const qdkd = findTemplate('2025-qdkd')!;
const row = (cells: Record<string, Answer['value'] & (string | number | boolean | null)>) => cells;

describe('templates by kind and date', () => {
  it('names the 2025 basis in the title of each form made for it, so an officer tells it from the 2010 form (issue 20 defect 11)', () => {
    const offered2025 = [...templatesFor('tthc', '2025-06-01'), ...templatesFor('qdkd', '2025-06-01')].filter(({ id }) => id !== '2010');
    expect(offered2025.map(({ id }) => id).sort()).toEqual(['2025', '2025-qdkd']);
    for (const template of offered2025) expect(template.title).toMatch(/2025/);
    expect(findTemplate('2010')!.title).not.toMatch(/2025/);
  });

  it.each([
    ['tthc', '2023-11-20', '2010', ['2010']],
    // A business condition is asked the business-condition questions before 2025 too (issue 19).
    ['qdkd', '2023-11-20', '2021-qdkd', ['2021-qdkd', '2010']],
    ['qdkd', '2025-03-26', '2025-qdkd', ['2025-qdkd', '2010']],
    ['tthc', '2025-03-31', '2010', ['2010']],
    ['tthc', '2025-04-01', '2025', ['2025', '2010']],
    ['qdkd', '2026-06-01', '2025-qdkd', ['2025-qdkd', '2010']],
  ] as const)('a %s regulation of a draft dated %s defaults to %s', (kind, date, expected, offered) => {
    expect(defaultTemplateFor(kind, date).id).toBe(expected);
    expect(templatesFor(kind, date).map(({ id }) => id)).toEqual(offered);
  });

  it.each([
    ['2025', 'tthc', '2025-06-01', undefined, null],
    ['2025-qdkd', 'qdkd', '2025-06-01', undefined, null],
    ['2010', 'qdkd', '2025-06-01', undefined, null],
    ['2025-qdkd', 'tthc', '2025-06-01', undefined, 'không dùng để đánh giá một thủ tục hành chính (TTHC)'],
    ['2025', 'qdkd', '2025-06-01', undefined, 'không dùng để đánh giá một quy định kinh doanh (QĐKD)'],
    ['2025', 'tthc', '2025-03-31', undefined, 'áp dụng từ 01/04/2025; dự thảo ngày 31/03/2025 dùng mẫu “2010”.'],
    // An assessment already on a template keeps it whatever the draft's date; the kind is checked all the same.
    ['2025', 'tthc', '2025-03-31', '2025', null],
    ['2025', 'qdkd', '2025-06-01', '2025', 'không dùng để đánh giá một quy định kinh doanh (QĐKD)'],
  ] as const)('template %s for a %s of a draft dated %s (stored: %s)', (id, kind, date, stored, refusal) => {
    const message = templateRefusal(id, kind, date, stored);
    if (refusal === null) expect(message).toBeNull();
    else expect(message).toContain(refusal);
  });

  // A QĐKD of a 2023 draft was offered the 2010 form first, whose questions are a procedure's (issue 19).
  it('offers a business regulation business-condition questions first, whatever the draft’s date since the Investment Law 2020', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (day) => {
        const questions = templateQuestions(defaultTemplateFor('qdkd', day.toISOString().slice(0, 10))).map(({ question }) => question.text);
        expect(questions.some((text) => /điều kiện kinh doanh/u.test(text))).toBe(true);
        expect(questions.filter((text) => /thủ tục hành chính|hồ sơ|thời hạn giải quyết/iu.test(text))).toEqual([]);
      }),
    );
  });

  // Issue 19: the business-condition form rests on the Investment Law 2020 (Luật số 61/2020/QH14, in force 01/01/2021,
  // Phụ lục IV): a QĐKD of an earlier draft is assessed on Nghị định 63/2010's form, and may not choose 2021-qdkd.
  it('gives a business regulation of a draft dated before 2021 the 2010 form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2010-10-14T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }), (day) => {
        const date = day.toISOString().slice(0, 10);
        expect(defaultTemplateFor('qdkd', date).id).toBe('2010');
        expect(templatesFor('qdkd', date).map(({ id }) => id)).toEqual(['2010']);
        expect(templateRefusal('2021-qdkd', 'qdkd', date)).toContain('áp dụng từ 01/01/2021 đến 25/03/2025');
      }),
    );
    expect(defaultTemplateFor('qdkd', '2021-01-01').id).toBe('2021-qdkd');
  });

  it('keeps 2010 unchanged for the records answered on it', () => {
    expect(findTemplate('2010')?.sections.map(({ id }) => id)).toEqual(['necessity', 'reasonableness', 'legality', 'cost', 'amendment']);
  });
});

describe('template 2025 (TTHC, component by component)', () => {
  it('adds section III between reasonableness and legality, renumbering the rest', () => {
    expect(tthc2025.sections.map(({ id, title }) => `${id}: ${title.split(' ')[0]}`)).toEqual([
      'necessity: I.',
      'reasonableness: II.',
      'components: III.',
      'legality: IV.',
      'cost: V.',
      'amendment: VI.',
    ]);
  });

  it.each([
    'components.dossier_items',
    'components.fully_online',
    'components.field_inspection',
    'components.subjects',
    'components.deciding_agency',
    'components.implementing_agency',
    'components.coordinating_agencies',
    'components.result_validity',
    'components.result_scope',
    'components.can_decentralise',
    'components.regardless_of_boundaries',
  ])('asks %s', (key) => {
    expect(templateQuestions(tthc2025).map((question) => question.key)).toContain(key);
  });

  it('skips the new section too when section I concludes "not necessary"', () => {
    const progress = assessmentProgress(tthc2025, { 'necessity.conclusion': { value: false } }, 'new');
    expect(progress.sections.filter(({ asked }) => asked).map(({ id }) => id)).toEqual(['necessity']);
  });

  it('is complete only when every dossier item row is answered', () => {
    const answers = answerEverything(tthc2025, 'new', {
      'components.dossier_items': [row({ item: 'Tờ khai', reason: 'Xác định yêu cầu', form: 'original', replaceable_by: 'none' })],
      'components.subjects': [row({ type: 'individual', per_year: 12_000 })],
      'components.result_scope': 'nationwide',
    });
    expect(assessmentProgress(tthc2025, answers, 'new').complete).toBe(true);
    const halfRow = { ...answers, 'components.dossier_items': { value: [row({ item: 'Tờ khai', reason: 'Xác định yêu cầu' })] } };
    expect(assessmentProgress(tthc2025, halfRow, 'new').missing).toEqual(['components.dossier_items']);
    expect(assessmentProgress(tthc2025, { ...answers, 'components.dossier_items': { value: [] } }, 'new').missing).toEqual(['components.dossier_items']);
  });

  it('scores each dossier item that a national database could replace against keeping it, the weight shared by the rows', () => {
    // Weights answered: fully_online 1 (yes) + regardless 1 (yes) + the items' 2, shared by 2 rows (1 each, one "none").
    const answers = {
      'components.dossier_items': {
        value: [
          row({ item: 'Tờ khai', reason: 'a', form: 'original', replaceable_by: 'none' }),
          row({ item: 'Bản sao giấy khai sinh', reason: 'b', form: 'certified_copy', replaceable_by: 'civil_status' }),
        ],
      },
      'components.fully_online': { value: true },
      'components.regardless_of_boundaries': { value: true },
    };
    const { score, breakdown } = necessityScore(tthc2025, answers);
    expect(breakdown.filter((line) => line.key === 'components.dossier_items')).toEqual([
      { questionId: 'components.dossier_items[0].replaceable_by', key: 'components.dossier_items', row: 0, field: 'replaceable_by', weight: 1, supports: true, contribution: 25 },
      { questionId: 'components.dossier_items[1].replaceable_by', key: 'components.dossier_items', row: 1, field: 'replaceable_by', weight: 1, supports: false, contribution: 0 },
    ]);
    // 3 of 4 answered points support keeping.
    expect(score).toBe(75);
  });

  it('names a wrong value inside a row', () => {
    const answers = { 'components.dossier_items': { value: [row({ item: 'Tờ khai', form: 'photocopy' })] } };
    expect(answerProblems(tthc2025, answers)).toEqual([
      { path: 'components.dossier_items', message: 'mục 1, “Hình thức”: cần chọn một trong: Bản chính, Bản sao, Bản sao chứng thực' },
    ]);
    expect(answerProblems(tthc2025, { 'components.dossier_items': { value: 'Tờ khai' } })[0]?.message).toBe('cần liệt kê từng mục (mỗi mục một dòng)');
  });
});

describe('template 2025-qdkd (business conditions)', () => {
  const conditions = [
    row({ condition: 'Có kho chứa đạt chuẩn', necessary: true, post_inspection: false, proportionate: true, keep: true }),
    row({ condition: 'Có 03 nhân viên có chứng chỉ', necessary: false, post_inspection: true, proportionate: false, keep: false }),
    row({ condition: 'Ký quỹ 500 triệu đồng', necessary: false, post_inspection: true, proportionate: false, cost: 500_000_000, keep: false }),
  ];

  it('counts the conditions listed and those kept', () => {
    expect(assessedConditionCounts({ template: '2025-qdkd', answers: { 'conditions.items': { value: conditions } } })).toEqual({ listed: 3, kept: 1 });
    expect(assessedConditionCounts({ template: '2025-qdkd', answers: {} })).toBeUndefined();
    expect(assessedConditionCounts({ template: '2010', answers: {} })).toBeUndefined();
  });

  it('scores necessity, post-inspection and proportion per condition', () => {
    // Each condition carries 5/3 of the 5 points: only the first supports keeping on all three → 5/3 of 5 + 6 (I).
    const answers = {
      'necessity.objective_needed': { value: true },
      'necessity.sector_conditional': { value: true },
      'conditions.items': { value: conditions },
    };
    const { score } = necessityScore(qdkd, answers);
    expect(score).toBeCloseTo((100 * (6 + 5 / 3)) / (6 + 5), 10);
  });

  it('can be answered in full, the cost of a condition being optional', () => {
    const answers = answerEverything(qdkd, 'amended', { 'conditions.items': conditions });
    expect(assessmentProgress(qdkd, answers, 'amended').complete).toBe(true);
  });
});

describe('group questions in the template schema', () => {
  const base = (question: Record<string, unknown>): AssessmentTemplateInput => ({
    id: 't',
    version: '1',
    validFrom: '2025-01-01',
    kinds: ['qdkd'],
    title: 'Mẫu',
    sections: [{ id: 's', title: 'Mục', questions: [question as AssessmentTemplateInput['sections'][number]['questions'][number]] }],
  });
  it.each<[string, Record<string, unknown>, string]>([
    ['a group without fields', { id: 'g', text: 'Nhóm', answerType: 'group' }, 'chỉ nhóm lặp lại (group) có, và phải có, danh sách fields'],
    ['a choice without options', { id: 'c', text: 'Chọn', answerType: 'choice' }, 'chỉ câu hỏi lựa chọn (choice) có, và phải có, danh sách options'],
    [
      'a kept rule on an unknown field',
      { id: 'g', text: 'Nhóm', answerType: 'group', fields: [{ id: 'a', text: 'A', answerType: 'yes_no' }], countsBusinessConditions: { keptWhen: { field: 'keep', equals: true } } },
      'nhóm không có trường "keep"',
    ],
    [
      'a supporting answer that is not an option',
      { id: 'g', text: 'Nhóm', answerType: 'group', fields: [{ id: 'a', text: 'A', answerType: 'choice', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }], weight: 1, supportsKeepingWhen: 'z' }] },
      'chỉ dùng cho câu hỏi có/không, mức độ hoặc lựa chọn, với giá trị phù hợp',
    ],
  ])('rejects %s', (_label, question, message) => {
    const parsed = assessmentTemplateSchema.safeParse(base(question));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

describe('changing the template of an assessment', () => {
  it('keeps the answers the new template asks and accepts, and names the others', () => {
    const answers = {
      'necessity.objective_needed': { value: true, explanation: 'Quản lý' },
      'reasonableness.conclusion': { value: true },
      'components.fully_online': { value: false },
    };
    expect(answersCarriedTo(findTemplate('2010')!, answers)).toEqual({
      kept: { 'necessity.objective_needed': { value: true, explanation: 'Quản lý' }, 'reasonableness.conclusion': { value: true } },
      dropped: ['components.fully_online'],
    });
    expect(answersCarriedTo(qdkd, answers).dropped).toEqual(['reasonableness.conclusion', 'components.fully_online']);
    expect(answersCarriedTo(tthc2025, answers)).toEqual({ kept: answers, dropped: [] });
  });
});
