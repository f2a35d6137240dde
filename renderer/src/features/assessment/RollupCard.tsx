import { Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CostRollupView } from '../../../../shared/contract/api';
import { CHANGES } from '../../../../shared/domain/vocabulary';
import { ReductionIndicator } from '../../components/ReductionIndicator';
import { useFormatters } from '../../components/useFormatters';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </div>
  );
}

/** Counts by change, assessment coverage and annual cost before/after against the programs' cost targets, for a draft or for all drafts. */
export function RollupCard({ title, rollup }: { title: string; rollup: CostRollupView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="md" data-testid="rollup">
      <Title order={5} mb="sm">
        {title}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Group gap="xl" align="flex-start">
              <Figure label={t('assessment.rollup.regulations')} value={format.integer(rollup.regulations)} />
              <Figure label={t('assessment.rollup.assessed')} value={`${format.integer(rollup.assessed)}/${format.integer(rollup.regulations)}`} testId="rollup-assessed" />
              <Figure label={t('assessment.rollup.costed')} value={format.integer(rollup.costed)} />
            </Group>
            <Group gap={6}>
              {CHANGES.map((change) => (
                <Badge key={change} variant="light" color="gray" size="lg" tt="none" fw={500}>
                  {t(`change.${change}`)}: {format.integer(rollup.byChange[change])}
                </Badge>
              ))}
            </Group>
            {/* A row that wraps rather than fixed columns: a figure of hundreds of billions is wider than a third of the card. */}
            <Group gap="xl" align="flex-start">
              <Figure label={t('assessment.rollup.baseline')} value={format.money(rollup.annual.baseline)} testId="rollup-baseline" />
              <Figure label={t('assessment.rollup.proposed')} value={format.money(rollup.annual.proposed)} testId="rollup-proposed" />
              {/* The difference is the reduction (cost.ts costReduction) turned round; 0 − keeps an unchanged total from printing «-0». */}
              <Figure label={t('assessment.rollup.reduction')} value={format.money(0 - rollup.reduction.amount)} testId="rollup-difference" />
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ReductionIndicator share={rollup.reduction.share} amount={rollup.reduction.amount} targets={rollup.targets} />
          <Text size="xs" c="dimmed" mt="sm">
            {t('assessment.rollup.rule')}
          </Text>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
