import { describe, expect, it } from 'vitest';
import { answerProblems, assessmentProblems, assessmentProgress, necessityScore, type Answers } from './assessment';
import { assessmentTemplateSchema } from './assessmentTemplate';
import type { Answer, Assessment } from './dossier';
import { template2010 } from './templates/template2010';
import { COMPONENT_KEYS, type Change } from './vocabulary';

const template = assessmentTemplateSchema.parse(template2010);

function answersOf(values: Record<string, Answer['value']>): Answers {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, explanation: 'Giải trình' }]));
}

/** Every question of sections I–IV that is always asked, answered in favour of keeping the procedure. */
const supportive = {
  'necessity.objective': 'Bảo đảm an toàn thực phẩm',
  'necessity.objective_needed': true,
  'necessity.achieves_objective': true,
  'necessity.alternative_exists': false,
  'necessity.conclusion': true,
  'reasonableness.consistent': true,
  'reasonableness.agency_clear': true,
  'reasonableness.sequence_method_clear': true,
  'reasonableness.dossier_reasonable': true,
  'reasonableness.time_limit_stated': true,
  'reasonableness.time_limit_can_shorten': false,
  'reasonableness.validity_period': '3 năm',
  'reasonableness.validity_reasonable': true,
  'reasonableness.linked': false,
  'reasonableness.conclusion': true,
  'legality.within_authority': 'fully',
  'legality.conflicts_higher': false,
  'legality.conclusion': true,
  'cost.has_fees': true,
  'cost.fees_reasonable': true,
  'cost.proposed_fee_amount': 200_000,
} satisfies Record<string, Answer['value']>;

const unchangedComponents = Object.fromEntries(COMPONENT_KEYS.map((key) => [`amendment.${key}`, false]));

// Always asked, by section: necessity 5 (objective, objective_needed, achieves_objective, alternative_exists,
// conclusion), reasonableness 9, legality 3, cost 1 (has_fees); amendment 11 for amended and replaced regulations.
const ALWAYS_ASKED = 5 + 9 + 3 + 1;

describe('necessityScore', () => {
  it.each<[string, Record<string, Answer['value']>, number | null, boolean]>([
    ['nothing answered', {}, null, false],
    ['everything in favour', supportive, 100, false],
    // objective_needed (3) for, achieves_objective (3) against → 3 / 6
    ['half the weight in favour', { 'necessity.objective_needed': true, 'necessity.achieves_objective': false }, 50, false],
    // 3 for; alternative_exists = true (2) against → 3 / 5
    ['an alternative exists', { 'necessity.objective_needed': true, 'necessity.alternative_exists': true }, 60, false],
    // within_authority "partly" (2) does not support, conflicts_higher = false (2) does → 2 / 4
    ['partly within authority', { 'legality.within_authority': 'partly', 'legality.conflicts_higher': false }, 50, false],
    // stated (1) and cannot be shortened (1) → 2 / 2
    ['time limit stated and tight', { 'reasonableness.time_limit_stated': true, 'reasonableness.time_limit_can_shorten': false }, 100, false],
    // not stated (1) against; the shortening follow-up is not asked, so its answer does not count → 0 / 1
    ['follow-up not asked', { 'reasonableness.time_limit_stated': false, 'reasonableness.time_limit_can_shorten': false }, 0, false],
    // fees_reasonable is asked only when there are fees
    ['fees question not asked', { 'cost.has_fees': false, 'cost.fees_reasonable': true }, null, false],
    ['an ill-typed answer counts as unanswered', { 'necessity.objective_needed': 'có' }, null, false],
    ['section I concludes "not necessary"', { ...supportive, 'necessity.conclusion': false }, 0, true],
  ])('%s → %s', (_label, values, score, forcedToZero) => {
    const result = necessityScore(template, answersOf(values));
    expect(result.score).toBe(score);
    expect(result.forcedToZero).toBe(forcedToZero);
    expect(result.breakdown.reduce((sum, line) => sum + line.contribution, 0)).toBeCloseTo(score ?? 0, 9);
  });

  it('explains the score answer by answer', () => {
    // 6 of 8 points in favour: 3 / 8 × 100 = 37,5 each for the two supporting answers.
    const { score, breakdown } = necessityScore(
      template,
      answersOf({ 'necessity.objective_needed': true, 'necessity.achieves_objective': true, 'necessity.alternative_exists': true }),
    );
    expect(score).toBe(75);
    expect(breakdown.slice(0, 3)).toEqual([
      { questionId: 'necessity.objective_needed', key: 'necessity.objective_needed', weight: 3, supports: true, contribution: 37.5 },
      { questionId: 'necessity.achieves_objective', key: 'necessity.achieves_objective', weight: 3, supports: true, contribution: 37.5 },
      { questionId: 'necessity.alternative_exists', key: 'necessity.alternative_exists', weight: 2, supports: false, contribution: 0 },
    ]);
    expect(breakdown.slice(3).every((line) => line.supports === null && line.contribution === 0)).toBe(true);
  });

  it('leaves the skipped sections out of the breakdown when forced to zero', () => {
    const { breakdown } = necessityScore(template, answersOf({ ...supportive, 'necessity.conclusion': false }));
    expect(breakdown.map((line) => line.questionId)).toEqual([
      'necessity.objective_needed',
      'necessity.achieves_objective',
      'necessity.alternative_exists',
    ]);
    expect(breakdown.every((line) => line.contribution === 0)).toBe(true);
  });
});

describe('assessmentProgress', () => {
  // `supportive` also answers the follow-ups it opens: time_limit_can_shorten, fees_reasonable, proposed_fee_amount.
  const SUPPORTIVE_ASKED = ALWAYS_ASKED + 3;

  // missing: null = every question asked
  it.each<[string, Change, Record<string, Answer['value']>, number, number, string[] | null]>([
    ['an empty new regulation', 'new', {}, 0, ALWAYS_ASKED, null],
    ['a fully answered new regulation', 'new', supportive, SUPPORTIVE_ASKED, SUPPORTIVE_ASKED, []],
    ['an abolished one has no amendment section', 'abolished', supportive, SUPPORTIVE_ASKED, SUPPORTIVE_ASKED, []],
    [
      'an amended one must explain each component',
      'amended',
      supportive,
      SUPPORTIVE_ASKED,
      SUPPORTIVE_ASKED + COMPONENT_KEYS.length,
      COMPONENT_KEYS.map((key) => `amendment.${key}`),
    ],
    [
      'a replaced one with every component explained',
      'replaced',
      { ...supportive, ...unchangedComponents, 'amendment.dossier': 'Bỏ bản sao giấy phép' },
      SUPPORTIVE_ASKED + COMPONENT_KEYS.length,
      SUPPORTIVE_ASKED + COMPONENT_KEYS.length,
      [],
    ],
    [
      'inconsistency asks which procedure and the fix',
      'new',
      { ...supportive, 'reasonableness.consistent': false },
      SUPPORTIVE_ASKED,
      SUPPORTIVE_ASKED + 2,
      ['reasonableness.conflicting_regulation', 'reasonableness.conflict_fix'],
    ],
    [
      'blank and ill-typed answers are missing',
      'new',
      { ...supportive, 'necessity.objective': '  ', 'cost.proposed_fee_amount': -5 },
      SUPPORTIVE_ASKED - 2,
      SUPPORTIVE_ASKED,
      ['necessity.objective', 'cost.proposed_fee_amount'],
    ],
    [
      '"not necessary" ends the assessment',
      'amended',
      { 'necessity.conclusion': false, 'necessity.alternative_exists': true },
      2,
      6,
      ['necessity.objective', 'necessity.objective_needed', 'necessity.achieves_objective', 'necessity.alternative_measure'],
    ],
  ])('%s', (_label, change, values, answered, total, missing) => {
    const progress = assessmentProgress(template, answersOf(values), change);
    expect(progress.answered).toBe(answered);
    expect(progress.total).toBe(total);
    expect(progress.applicable).toHaveLength(total);
    expect(progress.missing).toEqual(missing ?? progress.applicable);
    expect(progress.complete).toBe(progress.missing.length === 0);
  });

  it.each<[Record<string, Answer['value']>, string, boolean[]]>([
    [supportive, 'keep', [true, true, true, true, true]],
    [{ 'necessity.conclusion': true }, 'keep', [true, true, true, true, true]],
    [{ 'necessity.conclusion': false }, 'do_not_regulate', [true, false, false, false, false]],
  ])('recommends and shows the sections asked for %j', (values, recommendation, asked) => {
    const progress = assessmentProgress(template, answersOf(values), 'amended');
    expect(progress.recommendation).toBe(recommendation);
    expect(progress.sections.map((section) => section.asked)).toEqual(asked);
  });

  it('counts per section', () => {
    const progress = assessmentProgress(template, answersOf({ 'necessity.objective': 'Mục tiêu', 'legality.conclusion': true }), 'new');
    expect(progress.sections).toEqual([
      { id: 'necessity', asked: true, answered: 1, total: 5 },
      { id: 'reasonableness', asked: true, answered: 0, total: 9 },
      { id: 'legality', asked: true, answered: 1, total: 3 },
      { id: 'cost', asked: true, answered: 0, total: 1 },
      { id: 'amendment', asked: false, answered: 0, total: 0 },
    ]);
  });
});

describe('answerProblems', () => {
  it.each<[string, Answer['value'], string]>([
    ['necessity.objective_needed', 5, 'cần trả lời Có hoặc Không'],
    ['necessity.objective_needed', 'có', 'cần trả lời Có hoặc Không'],
    ['legality.within_authority', 'maybe', 'cần chọn một trong: hoàn toàn, một phần, không'],
    ['legality.within_authority', true, 'cần chọn một trong: hoàn toàn, một phần, không'],
    ['necessity.objective', true, 'cần nhập nội dung bằng chữ'],
    ['cost.proposed_fee_amount', 'hai trăm nghìn', 'cần nhập một số'],
    ['cost.proposed_fee_amount', -1, 'không được âm'],
    ['reasonableness.conflicting_regulation', 12, 'cần nêu tên hoặc mã thủ tục hành chính'],
    ['amendment.steps', true, 'cần chọn “Không thay đổi” hoặc nêu nội dung sửa đổi'],
    ['necessity.unknown', true, 'mẫu đánh giá "2010" không có câu hỏi này'],
    ['objective_needed', true, 'mẫu đánh giá "2010" không có câu hỏi này'],
  ])('%s = %j → %s', (key, value, message) => {
    expect(answerProblems(template, answersOf({ [key]: value }))).toEqual([{ path: key, message }]);
  });

  it.each<[string, Answer['value']]>([
    ['necessity.objective_needed', false],
    ['necessity.objective_needed', null],
    ['necessity.objective', ''],
    ['legality.within_authority', 'not'],
    ['cost.proposed_fee_amount', 0],
    ['amendment.steps', false],
    ['amendment.steps', 'Bỏ bước xác minh thực địa'],
  ])('accepts %s = %j', (key, value) => {
    expect(answerProblems(template, answersOf({ [key]: value }))).toEqual([]);
  });
});

describe('assessmentProblems', () => {
  const side = { activities: [], fees: 0, otherCosts: 0, population: 1, frequencyPerYear: 1 };

  it('names the unknown template and the known ones', () => {
    expect(assessmentProblems({ template: '2099', answers: {} }, 'new')).toEqual([
      { path: 'template', message: 'không có mẫu đánh giá "2099" (các mẫu hiện có: "2010", "2025", "2021-qdkd", "2025-qdkd")' },
    ]);
  });

  it.each<[string, Change, Assessment, string[]]>([
    ['a clean new one', 'new', { template: '2010', answers: answersOf(supportive), cost: { year: 2024, hourlyIncome: 1, proposed: side } }, []],
    ['no worksheet yet', 'amended', { template: '2010', answers: {} }, []],
    [
      'a wrong answer and a missing baseline',
      'amended',
      { template: '2010', answers: answersOf({ 'necessity.objective_needed': 1 }), cost: { year: 2024, hourlyIncome: 1, proposed: side } },
      ['answers.necessity.objective_needed', 'cost.baseline'],
    ],
  ])('%s', (_label, change, assessment, paths) => {
    expect(assessmentProblems(assessment, change).map((problem) => problem.path)).toEqual(paths);
  });
});
