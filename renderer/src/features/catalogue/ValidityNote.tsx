import { Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ValidityWarning } from '../../../../shared/domain/administrativeReference';
import { formatDate } from '../../../../shared/i18n/format';
import { WARNING_TEXT } from '../../theme';

/** A value chosen (or kept from an older record) that was not valid on the draft's date: said as a warning, never refused. */
export function ValidityNote({ warning, date }: { warning: ValidityWarning | null; date: string }) {
  const { t } = useTranslation();
  if (!warning) return null;
  const key = warning.validFrom > date ? 'validity.notYet' : 'validity.ended';
  return (
    <Group gap={4} mt={4} wrap="nowrap" align="flex-start" c={WARNING_TEXT}>
      <IconAlertTriangle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
      <Text size="xs" c={WARNING_TEXT} data-testid="validity-warning">
        {t(key, { date: formatDate(date), from: formatDate(warning.validFrom), to: warning.validTo ? formatDate(warning.validTo) : '' })}
      </Text>
    </Group>
  );
}
