// Assessment fixtures: a fully answered questionnaire built from the template itself (so tests do not
// restate it), and DOMAIN.md's worked cost example.
import { assessmentProgress, type Answers } from '../../shared/domain/assessment';
import { templateQuestions, type AnswerType, type AssessmentTemplate } from '../../shared/domain/assessmentTemplate';
import { hourlyIncomeFromMonthly } from '../../shared/domain/cost';
import type { Answer, CostSide, CostWorksheet } from '../../shared/domain/dossier';
import type { Change } from '../../shared/domain/vocabulary';

const PLAIN_VALUES: Record<AnswerType, Answer['value']> = {
  yes_no: true,
  extent: 'fully',
  text: 'Nội dung trả lời',
  number: 1,
  regulation_ref: 'Đăng ký khai sinh',
  component_change: false,
  choice: null,
  group: null,
};

/**
 * Answers every question asked for this change, each in favour of keeping the procedure where the template says
 * which answer that is; `given` answers are kept and decide which follow-ups are asked.
 */
export function answerEverything(template: AssessmentTemplate, change: Change, given: Record<string, Answer['value']> = {}): Answers {
  const questions = new Map(templateQuestions(template).map(({ key, question }) => [key, question]));
  const answers: Answers = Object.fromEntries(Object.entries(given).map(([key, value]) => [key, { value }]));
  // Each pass answers what is asked now; an answer may open follow-ups, which the next pass answers.
  for (let pass = 0; pass <= questions.size; pass += 1) {
    const { missing } = assessmentProgress(template, answers, change);
    if (missing.length === 0) return answers;
    for (const key of missing) {
      const question = questions.get(key);
      if (!question || key in answers) throw new Error(`cannot answer ${key}`);
      answers[key] = { value: question.supportsKeepingWhen ?? PLAIN_VALUES[question.answerType], explanation: 'Giải trình' };
    }
  }
  throw new Error('the questionnaire never ends');
}

/** DOMAIN.md worked example: 6.000.000 đ/month, 2.000 subjects once a year, fees 500.000; 16 h → 8 h, other costs 200.000 → 50.000. */
export const WORKED_HOURLY_INCOME = hourlyIncomeFromMonthly(6_000_000);

export function workedSide(hours: number, otherCosts: number): CostSide {
  return { activities: [{ name: 'Chuẩn bị hồ sơ', hours }], fees: 500_000, otherCosts, population: 2_000, frequencyPerYear: 1 };
}

export const WORKED_WORKSHEET: CostWorksheet = {
  year: 2024,
  hourlyIncome: WORKED_HOURLY_INCOME,
  baseline: workedSide(16, 200_000),
  proposed: workedSide(8, 50_000),
};
