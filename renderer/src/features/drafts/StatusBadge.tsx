import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../../../../shared/domain/vocabulary';

export const STATUS_COLORS: Record<DraftStatus, string> = {
  drafting: 'gray',
  assessed: 'blue',
  submitted_for_appraisal: 'orange',
  appraised: 'cyan',
  revised: 'indigo',
  submitted_for_review: 'grape',
  reviewed: 'teal',
  issued: 'green',
};

export function StatusBadge({ status }: { status: DraftStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" style={{ justifySelf: 'start' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
