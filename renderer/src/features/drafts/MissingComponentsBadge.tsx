import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComponentKey } from '../../../../shared/domain/vocabulary';

export function MissingComponentsBadge({ missing }: { missing: readonly ComponentKey[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) {
    return (
      <Badge color="green" variant="light" size="sm">
        {t('drafts.detail.complete')}
      </Badge>
    );
  }
  return (
    <Tooltip label={t('drafts.detail.missingList', { list: missing.map((key) => t(`component.${key}`)).join(', ') })} multiline w={320}>
      <Badge color="orange" variant="light" size="sm">
        {t('drafts.detail.missing', { count: missing.length })}
      </Badge>
    </Tooltip>
  );
}
