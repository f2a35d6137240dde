import { ActionIcon, Alert, Anchor, Button, Grid, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hoursPerCase } from '../../../../shared/domain/cost';
import type { CostSide } from '../../../../shared/domain/dossier';
import type { Change } from '../../../../shared/domain/vocabulary';
import { useFormatters } from '../../components/useFormatters';
import type { Side } from './costSides';
import { NumberField } from './NumberField';

type SideCardProps = {
  side: Side;
  value: CostSide;
  change: Change;
  componentFees: number;
  /** The certified copies one case files and what their certification costs (certifiedCopies.ts), part of the other costs. */
  certifiedCopies: { count: number; cost: number };
  /** The subjects a year the questionnaire gives (componentRows.ts populationFromAnswers), if it gives any. */
  assessedPopulation: number | undefined;
  sideError: string | undefined;
  errorAt: (key: string) => string | undefined;
  onChange: (next: CostSide) => void;
  onRemove: (() => void) | undefined;
};

/** One side of the worksheet (before or after the draft): its activities and hours, fees, other costs, population, frequency. */
export function CostSideCard({ side, value, change, componentFees, certifiedCopies, assessedPopulation, sideError, errorAt, onChange, onRemove }: SideCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = `cost-side-${side}`;
  const totalHours = hoursPerCase(value);
  const setActivity = (index: number, patch: Partial<CostSide['activities'][number]>) =>
    onChange({ ...value, activities: value.activities.map((activity, i) => (i === index ? { ...activity, ...patch } : activity)) });
  const sideNote = change === 'new' || change === 'abolished' ? t(`assessment.cost.sideFor.${change}`) : undefined;
  return (
    <Paper withBorder p="md" role="group" aria-labelledby={titleId} h="100%">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={5} id={titleId}>
          {t(`assessment.cost.${side}`)}
        </Title>
        <Text size="xs" c="dimmed">
          {t(`assessment.cost.${side}Hint`)}
        </Text>
      </Group>
      {sideNote && (
        <Text size="xs" c="dimmed" mb="xs">
          {sideNote}
        </Text>
      )}
      {sideError && (
        <Alert color="red" variant="light" p="xs" mb="xs">
          <Group justify="space-between">
            <Text size="sm">{sideError}</Text>
            {onRemove && (
              <Button size="xs" variant="light" color="red" onClick={onRemove}>
                {t('app.delete')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Table verticalSpacing={4} horizontalSpacing={4} mb="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assessment.cost.activities')}</Table.Th>
            <Table.Th w={130}>{t('assessment.cost.hours')}</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.activities.map((activity, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <TextInput
                  size="sm"
                  aria-label={`${t('assessment.cost.activity')} ${index + 1}`}
                  value={activity.name}
                  onChange={(event) => setActivity(index, { name: event.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberField
                  size="sm"
                  aria-label={`${t('assessment.cost.hours')}: ${activity.name || index + 1}`}
                  value={activity.hours}
                  onChange={(hours) => setActivity(index, { hours })}
                  error={errorAt(`activities.${index}.hours`)}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`${t('assessment.cost.removeActivity')} ${activity.name || index + 1}`}
                  onClick={() => onChange({ ...value, activities: value.activities.filter((_, i) => i !== index) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('assessment.cost.totalHours')}</Table.Th>
            <Table.Th data-testid={`total-hours-${side}`}>{Number.isNaN(totalHours) ? '—' : format.decimal(totalHours, Number.isInteger(totalHours) ? 0 : 2)}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} />}
        mb="md"
        onClick={() => onChange({ ...value, activities: [...value.activities, { name: '', hours: 0 }] })}
      >
        {t('assessment.cost.addActivity')}
      </Button>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.fees')}
            suffix=" đ"
            value={value.fees}
            onChange={(fees) => onChange({ ...value, fees })}
            error={errorAt('fees')}
            description={
              <Group gap={6} component="span">
                {t('assessment.cost.feesDefault', { amount: format.money(componentFees) })}
                {value.fees !== componentFees && (
                  <Anchor component="button" type="button" size="xs" onClick={() => onChange({ ...value, fees: componentFees })}>
                    {t('assessment.cost.useFees')}
                  </Anchor>
                )}
              </Group>
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.otherCosts')}
            suffix=" đ"
            value={value.otherCosts}
            onChange={(otherCosts) => onChange({ ...value, otherCosts })}
            error={errorAt('otherCosts')}
            description={
              certifiedCopies.count === 0 ? (
                t('assessment.cost.otherCostsHint')
              ) : (
                <Group gap={6} component="span">
                  {t('assessment.cost.certifiedCopiesDefault', { count: certifiedCopies.count, amount: format.money(certifiedCopies.cost) })}
                  {value.otherCosts < certifiedCopies.cost && (
                    <Anchor component="button" type="button" size="xs" onClick={() => onChange({ ...value, otherCosts: certifiedCopies.cost })}>
                      {t('assessment.cost.useFees')}
                    </Anchor>
                  )}
                </Group>
              )
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.population')}
            value={value.population}
            onChange={(population) => onChange({ ...value, population })}
            error={errorAt('population')}
            description={
              assessedPopulation === undefined ? undefined : (
                <Group gap={6} component="span">
                  {t('assessment.cost.populationDefault', { count: assessedPopulation })}
                  {value.population !== assessedPopulation && (
                    <Anchor component="button" type="button" size="xs" onClick={() => onChange({ ...value, population: assessedPopulation })}>
                      {t('assessment.cost.usePopulation')}
                    </Anchor>
                  )}
                </Group>
              )
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.frequency')}
            value={value.frequencyPerYear}
            onChange={(frequencyPerYear) => onChange({ ...value, frequencyPerYear })}
            error={errorAt('frequencyPerYear')}
            description={t('assessment.cost.frequencyHint')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <NumberField
            label={t('assessment.cost.upfront')}
            suffix=" đ"
            value={value.upfrontCosts ?? 0}
            onChange={(upfrontCosts) => onChange({ ...value, upfrontCosts })}
            error={errorAt('upfrontCosts')}
            description={t('assessment.cost.upfrontHint')}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
