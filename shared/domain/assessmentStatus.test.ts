import { describe, expect, it } from 'vitest';
import { answerEverything } from '../../test/unit/assessmentAnswers';
import { DEFAULT_TEMPLATE_ID, findTemplate } from './assessmentTemplate';
import { assessmentStatus, completionDate, type WorksheetState } from './assessmentStatus';
import type { Assessment, CostSide, CostWorksheet } from './dossier';
import type { Change } from './vocabulary';

const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
const side: CostSide = { activities: [{ name: 'Chuẩn bị hồ sơ', hours: 2 }], fees: 0, otherCosts: 0, population: 10, frequencyPerYear: 1 };
const worksheet = (sides: Partial<Pick<CostWorksheet, 'baseline' | 'proposed'>>): CostWorksheet => ({ year: 2024, hourlyIncome: 1000, ...sides });

describe('assessmentStatus', () => {
  it('reads a regulation without an assessment as an empty one on the default template', () => {
    const status = assessmentStatus(undefined, 'new');
    expect(status.progress.answered).toBe(0);
    expect(status.progress.total).toBeGreaterThan(0);
    expect(status.score.score).toBeNull();
    expect(status.worksheet).toBe('missing');
    expect(status.complete).toBe(false);
    expect(status.problems).toEqual([]);
  });

  it.each<[string, Change, Assessment, WorksheetState, boolean, string[]]>([
    ['answered but no worksheet', 'new', { template: '2010', answers: answerEverything(template, 'new') }, 'missing', false, []],
    [
      'answered with the worksheet its change needs',
      'new',
      { template: '2010', answers: answerEverything(template, 'new'), cost: worksheet({ proposed: side }) },
      'present',
      true,
      [],
    ],
    [
      'an amended one without its baseline',
      'amended',
      { template: '2010', answers: answerEverything(template, 'amended'), cost: worksheet({ proposed: side }) },
      'present',
      false,
      ['cost.baseline'],
    ],
    [
      'an abolished one with its baseline',
      'abolished',
      { template: '2010', answers: answerEverything(template, 'abolished'), cost: worksheet({ baseline: side }) },
      'present',
      true,
      [],
    ],
    [
      '"not necessary" needs no worksheet',
      'amended',
      { template: '2010', answers: answerEverything(template, 'amended', { 'necessity.conclusion': false }) },
      'not_needed',
      true,
      [],
    ],
    [
      'an abolition concluded "not necessary" still counts its worksheet',
      'abolished',
      { template: '2010', answers: answerEverything(template, 'abolished', { 'necessity.conclusion': false }), cost: worksheet({ baseline: side }) },
      'present',
      true,
      [],
    ],
    [
      'an abolition concluded "not necessary" needs the worksheet of what it abolishes',
      'abolished',
      { template: '2010', answers: answerEverything(template, 'abolished', { 'necessity.conclusion': false }) },
      'missing',
      false,
      [],
    ],
    [
      'a wrongly typed answer',
      'new',
      { template: '2010', answers: { ...answerEverything(template, 'new'), 'necessity.objective_needed': { value: 'có' } }, cost: worksheet({ proposed: side }) },
      'present',
      false,
      ['answers.necessity.objective_needed'],
    ],
    ['an unknown template', 'new', { template: '1999', answers: {} }, 'missing', false, ['template']],
  ])('%s', (_label, change, assessment, worksheetState, complete, problemPaths) => {
    const status = assessmentStatus(assessment, change);
    expect(status.worksheet).toBe(worksheetState);
    expect(status.complete).toBe(complete);
    expect(status.problems.map((problem) => problem.path)).toEqual(problemPaths);
  });

  it('forces the score to 0 when section I concludes "not necessary"', () => {
    const status = assessmentStatus({ template: '2010', answers: answerEverything(template, 'new', { 'necessity.conclusion': false }) }, 'new');
    expect(status.score).toMatchObject({ score: 0, forcedToZero: true });
    expect(status.progress.recommendation).toBe('do_not_regulate');
  });
});

describe('completionDate', () => {
  it.each<[boolean, string | null | undefined, string | null]>([
    [true, undefined, '2024-03-05'],
    [true, null, '2024-03-05'],
    [true, '2024-01-10', '2024-01-10'],
    [false, '2024-01-10', null],
    [false, undefined, null],
  ])('complete %s, previously %s → %s', (complete, previous, expected) => {
    expect(completionDate(complete, previous, '2024-03-05')).toBe(expected);
  });
});
