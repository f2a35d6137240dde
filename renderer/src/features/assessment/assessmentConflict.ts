// The assessment in the conflict view (SaveConflictDialog): the template, each answer by its question, then the cost
// worksheet figure by figure, each side apart, as the officer reads them.
import type { TFunction } from 'i18next';
import type { AssessmentInput } from '../../../../shared/contract/api';
import type { TemplateQuestion } from '../../../../shared/domain/assessmentTemplate';
import type { Answer, CostSide, CostWorksheet } from '../../../../shared/domain/dossier';
import type { ConflictField } from '../../components/SaveConflictDialog';

type Reading = {
  t: TFunction;
  /** The question of an answer's key (either template's). */
  questionOf: (key: string) => TemplateQuestion | undefined;
  templateTitle: (id: string) => string;
  answerLabel: (question: Pick<TemplateQuestion, 'answerType' | 'options'>, value: Answer['value']) => string;
  number: (value: number) => string;
};

export function assessmentConflictFields(mine: AssessmentInput, stored: AssessmentInput, reading: Reading): ConflictField[] {
  const { t, questionOf, answerLabel, number } = reading;
  const answerText = (key: string, answer: Answer | undefined): string => {
    if (!answer) return '';
    const question = questionOf(key);
    // A repeated group reads row by row, each row's cells in order.
    const value = Array.isArray(answer.value)
      ? answer.value.map((row) => Object.values(row).filter((cell) => cell !== null && cell !== '').join(' – ')).join('\n')
      : question
        ? answerLabel(question, answer.value)
        : String(answer.value ?? '');
    return [value, answer.explanation].filter(Boolean).join('\n');
  };
  const answerKeys = [...new Set([...Object.keys(mine.answers), ...Object.keys(stored.answers)])];
  const answers = answerKeys.map((key) => ({
    key: `answers.${key}`,
    label: questionOf(key)?.text ?? t('conflict.otherField'),
    mine: answerText(key, mine.answers[key]),
    stored: answerText(key, stored.answers[key]),
  }));
  const figure = (value: number | undefined) => (value === undefined ? '' : number(value));
  const worksheet = (path: string, label: string, read: (cost: CostWorksheet) => string): ConflictField => ({
    key: `cost.${path}`,
    label,
    mine: mine.cost ? read(mine.cost) : '',
    stored: stored.cost ? read(stored.cost) : '',
  });
  const side = (which: 'baseline' | 'proposed'): ConflictField[] => {
    const label = (part: string) => `${t(`assessment.cost.${which}`)} – ${t(`assessment.cost.${part}`)}`;
    const of = (read: (side: CostSide) => string) => (cost: CostWorksheet) => (cost[which] ? read(cost[which]) : '');
    return [
      worksheet(`${which}.activities`, label('activities'), of((costSide) => costSide.activities.map((activity) => `${activity.name}: ${number(activity.hours)}`).join('\n'))),
      worksheet(`${which}.fees`, label('fees'), of((costSide) => figure(costSide.fees))),
      worksheet(`${which}.otherCosts`, label('otherCosts'), of((costSide) => figure(costSide.otherCosts))),
      worksheet(`${which}.population`, label('population'), of((costSide) => figure(costSide.population))),
      worksheet(`${which}.frequencyPerYear`, label('frequency'), of((costSide) => figure(costSide.frequencyPerYear))),
      worksheet(`${which}.upfrontCosts`, label('upfront'), of((costSide) => figure(costSide.upfrontCosts))),
    ];
  };
  return [
    { key: 'template', label: t('assessment.templateLabel'), mine: reading.templateTitle(mine.template), stored: reading.templateTitle(stored.template) },
    ...answers,
    worksheet('year', t('assessment.cost.year'), (cost) => String(cost.year)),
    worksheet('hourlyIncome', t('assessment.cost.hourlyIncomeField'), (cost) => figure(cost.hourlyIncome)),
    ...side('baseline'),
    ...side('proposed'),
  ];
}
