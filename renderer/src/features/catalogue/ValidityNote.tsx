import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ValidityWarning } from '../../../../shared/domain/administrativeReference';
import { formatDate } from '../../../../shared/i18n/format';

/** A value chosen (or kept from an older record) that was not valid on the draft's date: said, never refused. */
export function ValidityNote({ warning, date }: { warning: ValidityWarning | null; date: string }) {
  const { t } = useTranslation();
  if (!warning) return null;
  const key = warning.validFrom > date ? 'validity.notYet' : 'validity.ended';
  return (
    <Text size="xs" c="orange.8" mt={4} data-testid="validity-warning">
      {t(key, { date: formatDate(date), from: formatDate(warning.validFrom), to: warning.validTo ? formatDate(warning.validTo) : '' })}
    </Text>
  );
}
