import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { costPerCase, type CostEvaluation, type CostPair } from '../../../../shared/domain/cost';
import type { CostSide, CostWorksheet } from '../../../../shared/domain/dossier';
import { regulationCostTargets, type CostJudging } from '../../../../shared/domain/costFigures';
import { ReductionIndicator } from '../../components/ReductionIndicator';
import { PairTable, type PairRow } from './CostPairTable';
import type { Side } from './costSides';

/** One year's figures per case and per year on each side, and the reduction judged against the programs that cover it on the draft's date. */
export function CostResults({ evaluation, sheet, sides, judging }: { evaluation: CostEvaluation | undefined; sheet: CostWorksheet; sides: readonly Side[]; judging: CostJudging }) {
  const { t } = useTranslation();
  if (!evaluation) {
    return (
      <Paper withBorder p="md" h="100%">
        <Title order={5} mb="xs">
          {t('assessment.cost.results')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('assessment.cost.fixFirst')}
        </Text>
      </Paper>
    );
  }
  const pairOf = (measure: (side: CostSide) => number): CostPair => ({
    baseline: sheet.baseline ? measure(sheet.baseline) : 0,
    proposed: sheet.proposed ? measure(sheet.proposed) : 0,
  });
  const rows: PairRow[] = [
    { label: t('assessment.cost.timeCost'), pair: pairOf((side) => costPerCase({ ...side, fees: 0, otherCosts: 0 }, sheet.hourlyIncome)), testId: 'time-cost' },
    { label: t('assessment.cost.fees'), pair: pairOf((side) => side.fees), testId: 'fees' },
    { label: t('assessment.cost.otherCosts'), pair: pairOf((side) => side.otherCosts), testId: 'other-costs' },
    { label: t('assessment.cost.perCase'), pair: evaluation.perCase, strong: true, testId: 'per-case' },
    { label: t('assessment.cost.annual'), pair: evaluation.annual, strong: true, testId: 'annual' },
  ];
  if (evaluation.upfront.baseline > 0 || evaluation.upfront.proposed > 0) {
    rows.push({ label: t('assessment.cost.upfrontTotal'), pair: evaluation.upfront, testId: 'upfront' });
  }
  return (
    <Paper withBorder p="md" h="100%" data-testid="cost-results">
      <Title order={5} mb="xs">
        {t('assessment.cost.results')}
      </Title>
      <Stack gap="md">
        <PairTable rows={rows} sides={sides} />
        <ReductionIndicator share={evaluation.reduction.share} amount={evaluation.reduction.amount} targets={regulationCostTargets(evaluation.reduction, judging)} />
      </Stack>
    </Paper>
  );
}
