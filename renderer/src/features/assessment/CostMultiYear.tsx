import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsFromZod } from '../../../../shared/contract/errors';
import { costEvaluationOptionsSchema, DEFAULT_COST_HORIZON, evaluateCostWorksheet } from '../../../../shared/domain/cost';
import { percentOfShare, shareOfPercent } from '../../../../shared/i18n/format';
import type { CostWorksheet } from '../../../../shared/domain/dossier';
import { PairTable } from './CostPairTable';
import type { Side } from './costSides';
import { NumberField } from './NumberField';
import { problemsByField } from './problems';

/** Present and annualised value over a horizon the officer chooses, with the conventions they follow. */
export function CostMultiYear({ sheet, sides }: { sheet: CostWorksheet | undefined; sides: readonly Side[] }) {
  const { t } = useTranslation();
  // Opens on the horizon the assessment form prints, so the screen and the signed form show the same PV/AV.
  const [years, setYears] = useState(DEFAULT_COST_HORIZON.years);
  const [discountPercent, setDiscountPercent] = useState(percentOfShare(DEFAULT_COST_HORIZON.discountRate));
  const [growthPercent, setGrowthPercent] = useState(percentOfShare(DEFAULT_COST_HORIZON.growthRate));
  const options = costEvaluationOptionsSchema.safeParse({ years, discountRate: shareOfPercent(discountPercent), growthRate: shareOfPercent(growthPercent) });
  const errors = options.success ? new Map<string, string>() : problemsByField(problemsFromZod(options.error));
  const evaluation = sheet && options.success ? evaluateCostWorksheet(sheet, options.data) : undefined;
  return (
    <Paper withBorder p="md">
      <Title order={5}>{t('assessment.cost.multiYear')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('assessment.cost.multiYearHint')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <NumberField label={t('assessment.cost.years')} value={years} onChange={setYears} allowDecimal={false} error={errors.get('years')} />
            <NumberField label={t('assessment.cost.discountRate')} suffix=" %" value={discountPercent} onChange={setDiscountPercent} error={errors.get('discountRate')} />
            <NumberField label={t('assessment.cost.growthRate')} suffix=" %" value={growthPercent} onChange={setGrowthPercent} error={errors.get('growthRate')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {evaluation?.presentValue && evaluation.annualisedValue && evaluation.conventions ? (
            <Stack gap="xs">
              <PairTable
                testId="multi-year"
                sides={sides}
                rows={[
                  { label: t('assessment.cost.presentValue'), pair: evaluation.presentValue, testId: 'present-value' },
                  { label: t('assessment.cost.annualisedValue'), pair: evaluation.annualisedValue, testId: 'annualised-value' },
                ]}
              />
              <Text size="xs" c="dimmed" data-testid="cost-conventions">
                {t('assessment.cost.conventions', { baseYear: evaluation.conventions.baseYear, priceYear: evaluation.conventions.priceYear })}
              </Text>
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {t('assessment.cost.fixFirst')}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
