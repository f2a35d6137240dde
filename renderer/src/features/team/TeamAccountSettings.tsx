import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamPerson } from '../../apiClient';

/** Cài đặt on the team server: who the person is, read from their account, in place of this machine's profile form. */
export function TeamAccountSettings({ person }: { person: TeamPerson }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('team.account.fullName'), person.fullName],
    [t('team.account.login'), person.login],
    [t('team.account.agency'), person.agency],
    [t('team.account.roles'), person.roles.map((role) => t(`role.${role}`)).join(', ')],
  ];
  return (
    <Paper withBorder p="md" data-testid="team-account">
      <Title order={4}>{t('team.account.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('team.account.hint')}
      </Text>
      <Table withRowBorders={false} w="auto">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th fw={500} pl={0}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
