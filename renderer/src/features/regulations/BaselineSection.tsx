import { Badge, Grid, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENTRY_LIMITS } from '../../../../shared/contract/api';
import { assessedConditionCounts } from '../../../../shared/domain/assessment';
import type { Assessment } from '../../../../shared/domain/dossier';
import { measureTotal, regulationMeasures, type MeasurePair } from '../../../../shared/domain/measures';
import { useFormatters } from '../../components/useFormatters';
import type { TimeLimitUnit } from '../../../../shared/domain/vocabulary';
import { withoutBlankRows, type RegulationFormState } from './regulationFormValues';
import { TimeLimitUnitSelect } from './TimeLimitUnitSelect';

/**
 * The figures before the draft beside those after it, as the period measures count them (measures.ts): the time limit
 * after is the draft's own, the conditions after are those the QĐKD assessment keeps, else the draft's conditions.
 */
export function BaselineSection({ form, assessment }: { form: RegulationFormState; assessment: Assessment | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { change, components, baseline } = form.values;
  const assessed = assessment ? assessedConditionCounts(assessment) : undefined;
  const cleanBaseline = withoutBlankRows(form.values).baseline;
  const measures = regulationMeasures({ change, components: withoutBlankRows(form.values).components, baseline: cleanBaseline }, assessed);
  // The whole object is set: a path into a baseline not yet there would not be created.
  const setBaseline = (key: 'timeLimitDays' | 'businessConditions', value: string | number) =>
    form.setFieldValue('baseline', { ...form.getValues().baseline, [key]: typeof value === 'number' ? value : undefined });
  const setBaselineUnit = (timeLimitUnit: TimeLimitUnit | undefined) => form.setFieldValue('baseline', { ...form.getValues().baseline, timeLimitUnit });
  const conditionsAfter =
    change === 'abolished'
      ? t('regulation.baseline.abolished')
      : assessed
        ? `${format.integer(assessed.kept)} (${t('regulation.baseline.conditionsFromAssessment', { kept: assessed.kept, listed: assessed.listed })})`
        : `${format.integer(components.conditions?.filter((condition) => condition.trim()).length ?? 0)} (${t('regulation.baseline.conditionsFromComponents')})`;
  const timeAfter =
    change === 'abolished'
      ? t('regulation.baseline.abolished')
      : typeof components.timeLimitDays === 'number'
        ? `${format.decimal(components.timeLimitDays, Number.isInteger(components.timeLimitDays) ? 0 : 1)} ${t(`timeLimitUnit.${components.timeLimitUnit ?? 'working'}`)}`
        : t('regulation.baseline.notSet');
  return (
    <Paper withBorder p="md" data-testid="baseline-section">
      <Title order={5}>{t('regulation.baseline.title')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('regulation.baseline.hint')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Group gap={6} wrap="nowrap" align="flex-end">
            <NumberInput
              label={t('regulation.baseline.timeBefore')}
              min={0}
              max={ENTRY_LIMITS.timeLimitDays.max}
              clampBehavior="none"
              style={{ flex: 1 }}
              {...form.getInputProps('baseline.timeLimitDays')}
              value={baseline?.timeLimitDays ?? ''}
              onChange={(value) => setBaseline('timeLimitDays', value)}
            />
            <TimeLimitUnitSelect label={t('regulation.baseline.timeBeforeUnit')} value={baseline?.timeLimitUnit} onChange={setBaselineUnit} />
          </Group>
          <MeasureLine label={t('regulation.baseline.timeAfter')} after={timeAfter} pair={measures.timeLimitDays} testId="time-measure" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={t('regulation.baseline.conditionsBefore')}
            description={baseline?.businessConditions === undefined && assessed && change !== 'new' ? t('regulation.baseline.conditionsListedBefore', { listed: assessed.listed }) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            min={0}
            clampBehavior="none"
            allowDecimal={false}
            {...form.getInputProps('baseline.businessConditions')}
            value={baseline?.businessConditions ?? ''}
            onChange={(value) => setBaseline('businessConditions', value)}
          />
          <MeasureLine label={t('regulation.baseline.conditionsAfter')} after={conditionsAfter} pair={measures.businessConditions} testId="conditions-measure" />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function MeasureLine({ label, after, pair, testId }: { label: string; after: string; pair: MeasurePair | null; testId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const share = measureTotal([pair]).reductionShare;
  return (
    <Group gap="xs" mt={6} data-testid={testId}>
      <Text size="sm">
        {label}: {after}
      </Text>
      {share !== null && (
        <Badge variant="light" color={share > 0 ? 'green' : share < 0 ? 'red' : 'gray'}>
          {share === 0 ? t('regulation.baseline.unchanged') : t(share > 0 ? 'regulation.baseline.reduction' : 'regulation.baseline.increase', { share: format.percent(Math.abs(share)) })}
        </Badge>
      )}
    </Group>
  );
}
