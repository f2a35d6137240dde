import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconTrendingUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COST_REDUCTION_TARGET } from '../../../shared/domain/cost';
import { useFormatters } from './useFormatters';

/** The bar runs to twice the target, so the target mark sits mid-bar and a large cut fills it. */
const BAR_SCALE = 2 * COST_REDUCTION_TARGET;

type Verdict = { color: string; label: string; icon: ReactNode };

/** Reduction share against the national 20% target: the figure, a bar with the target marked, and a plain verdict. */
export function ReductionIndicator({ share, amount, size = 'md' }: { share: number | null; amount: number; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const target = format.percent(COST_REDUCTION_TARGET);
  const verdict: Verdict =
    share === null
      ? { color: 'gray', label: t('assessment.reduction.none'), icon: null }
      : share < 0
        ? { color: 'red', label: t('assessment.reduction.increase'), icon: <IconTrendingUp size={14} /> }
        : share >= COST_REDUCTION_TARGET
          ? { color: 'green', label: t('assessment.reduction.met', { target }), icon: <IconCircleCheck size={14} /> }
          : { color: 'orange', label: t('assessment.reduction.short', { target }), icon: <IconAlertTriangle size={14} /> };
  const amountText = amount >= 0 ? t('assessment.cost.saving', { amount: format.money(amount) }) : t('assessment.cost.increase', { amount: format.money(-amount) });
  return (
    <Stack gap={6} data-testid="reduction-indicator" data-verdict={verdict.color}>
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('assessment.reduction.share')}
        </Text>
        <Text fw={700} fz={size === 'md' ? 28 : 20} c={`${verdict.color}.8`} data-testid="reduction-share">
          {share === null ? '—' : format.percent(share)}
        </Text>
      </Group>
      <Box pos="relative">
        <Progress value={share === null ? 0 : Math.min(100, Math.max(0, (share / BAR_SCALE) * 100))} color={verdict.color} size="lg" radius="sm" aria-hidden />
        <Box pos="absolute" top={-3} bottom={-3} left={`${(COST_REDUCTION_TARGET / BAR_SCALE) * 100}%`} w={2} bg="dark.5" title={t('assessment.reduction.targetMark', { target })} />
      </Box>
      <Group justify="space-between" gap="xs">
        <Badge color={verdict.color} variant="light" leftSection={verdict.icon} size={size === 'md' ? 'md' : 'sm'}>
          {verdict.label}
        </Badge>
        <Text size="sm">{amountText}</Text>
      </Group>
    </Stack>
  );
}
