import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComponentKey } from '../../../../shared/domain/vocabulary';

/**
 * Whether a regulation has every component its draft's kind requires; when not, the browser's own tooltip lists those
 * missing (a Mantine Tooltip per row set up a floating element for each of a 1.000-regulation draft's rows in view).
 */
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
    <Badge color="orange" variant="light" size="sm" title={t('drafts.detail.missingList', { list: missing.map((key) => t(`component.${key}`)).join(', ') })}>
      {t('drafts.detail.missing', { count: missing.length })}
    </Badge>
  );
}
