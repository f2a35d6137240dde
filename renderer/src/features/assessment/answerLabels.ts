import { useTranslation } from 'react-i18next';
import type { TemplateQuestion } from '../../../../shared/domain/assessmentTemplate';
import type { Answer } from '../../../../shared/domain/dossier';
import { useFormatters } from '../../components/useFormatters';

type Labelled = Pick<TemplateQuestion, 'answerType' | 'options'>;

/** An answer as a short phrase: "Có", "Một phần", "200.000", a choice's label, "3 mục", or the text itself. */
export function useAnswerLabel(): (question: Labelled, value: Answer['value']) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return ({ answerType, options }, value) => {
    if (value === null) return '';
    if (Array.isArray(value)) return t('assessment.group.rows', { count: value.length });
    if (answerType === 'choice') return options?.find((option) => option.value === value)?.label ?? String(value);
    if (typeof value === 'boolean') {
      if (answerType === 'component_change') return t('assessment.question.unchanged');
      return t(value ? 'app.yes' : 'app.no');
    }
    if (typeof value === 'number') return format.decimal(value, Number.isInteger(value) ? 0 : 2);
    return answerType === 'extent' ? t(`assessment.extent.${value}`) : value;
  };
}
