import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgramJudgement } from '../../../../shared/domain/reformPrograms';
import { useFormatters } from '../../components/useFormatters';

/** The reform programs in force during the period, each target beside what the period achieved and the verdict. */
export function ProgramsCard({ programs }: { programs: readonly ProgramJudgement[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="md" data-testid="report-programs">
      <Title order={4} mb="sm">
        {t('reports.programs.title')}
      </Title>
      {programs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.programs.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {programs.map((program) => (
            <div key={program.id} data-testid={`program-${program.id}`}>
              <Group gap="xs" justify="space-between" wrap="nowrap" align="baseline">
                <Text fw={700}>{program.name}</Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {program.validTo
                    ? t('reports.programs.validity', { from: format.date(program.validFrom), to: format.date(program.validTo) })
                    : t('reports.programs.validFrom', { from: format.date(program.validFrom) })}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" mb={4}>
                {program.title}
              </Text>
              <Table fz="sm" verticalSpacing={2} horizontalSpacing={4}>
                <Table.Tbody>
                  {program.targets.map((target) => (
                    <Table.Tr key={target.measure}>
                      <Table.Td>{t(`reports.programs.measure.${target.measure}`)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('reports.programs.target', { target: format.percent(target.target) })}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {target.achieved === null ? '—' : format.percent(target.achieved)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {/* Never cut to "Đ…": the verdict is the point of the line. */}
                        <Badge
                          size="sm"
                          variant="light"
                          color={target.met === null ? 'gray' : target.met ? 'green' : 'orange'}
                          style={{ textTransform: 'none', overflow: 'visible' }}
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {t(`reports.programs.${target.met === null ? 'unmeasured' : target.met ? 'met' : 'short'}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
