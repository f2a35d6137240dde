import { useTranslation } from 'react-i18next';
import type { AnswerType } from '../../../../shared/domain/assessmentTemplate';
import type { Answer } from '../../../../shared/domain/dossier';
import { useFormatters } from '../../components/useFormatters';

/** An answer as a short phrase: "Có", "Một phần", "200.000", or the text itself. */
export function useAnswerLabel(): (answerType: AnswerType, value: Answer['value']) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (answerType, value) => {
    if (value === null) return '';
    if (typeof value === 'boolean') {
      if (answerType === 'component_change') return t('assessment.question.unchanged');
      return t(value ? 'app.yes' : 'app.no');
    }
    if (typeof value === 'number') return format.decimal(value, Number.isInteger(value) ? 0 : 2);
    return answerType === 'extent' ? t(`assessment.extent.${value}`) : value;
  };
}
