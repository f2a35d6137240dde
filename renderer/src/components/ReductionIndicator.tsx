import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconTrendingUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reductionVerdicts, type ReductionTarget } from './reductionVerdicts';
import { useFormatters } from './useFormatters';

/** When no program is in force, the bar still needs a scale: 0–40%. */
const DEFAULT_BAR_SCALE = 0.4;

/**
 * Reduction share against the cost targets of the reform programs that cover it (several side by side, e.g. Nghị quyết
 * 68/NQ-CP's 20% and 66/NQ-CP's 30% in 2025): the figure, a bar with each target marked, and each program's verdict as
 * the domain judged it (reformPrograms.ts meetsTarget: as printed), never judged again here.
 */
export function ReductionIndicator({ share, amount, targets, size = 'md' }: { share: number | null; amount: number; targets: readonly ReductionTarget[]; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The bar runs to twice the highest target, so the marks sit mid-bar and a large cut fills it.
  const scale = targets.length > 0 ? 2 * Math.max(...targets.map((target) => target.target)) : DEFAULT_BAR_SCALE;
  const metAll = share !== null && share >= 0 && targets.every((target) => target.met === true);
  const color = share === null ? 'gray' : share < 0 ? 'red' : metAll ? 'green' : 'orange';
  const amountText = amount >= 0 ? t('assessment.cost.saving', { amount: format.money(amount) }) : t('assessment.cost.increase', { amount: format.money(-amount) });
  const badgeSize = size === 'md' ? 'md' : 'sm';
  const verdicts = reductionVerdicts(share, targets).map((verdict) => {
    switch (verdict.kind) {
      case 'none':
        return { key: 'none', color: 'gray', label: t('assessment.reduction.none'), icon: null };
      case 'increase':
        return { key: 'increase', color: 'red', label: t('assessment.reduction.increase'), icon: <IconTrendingUp size={14} /> };
      case 'noProgram':
        return { key: 'no-program', color: 'gray', label: t('assessment.reduction.noProgram'), icon: null };
      case 'program': {
        const { target, scoped } = verdict;
        const met = target.met === true;
        const values = { target: format.percent(target.target), program: target.name, scope: target.scopeLabel, achieved: target.achieved === null ? '' : format.percent(target.achieved) };
        const key = scoped ? (met ? 'assessment.reduction.metByScoped' : 'assessment.reduction.shortOfScoped') : met ? 'assessment.reduction.metBy' : 'assessment.reduction.shortOf';
        return { key: target.name, color: met ? 'green' : 'orange', label: t(key, values), icon: met ? <IconCircleCheck size={14} /> : <IconAlertTriangle size={14} /> };
      }
    }
  });
  return (
    <Stack gap={6} data-testid="reduction-indicator" data-verdict={color}>
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('assessment.reduction.share')}
        </Text>
        <Text fw={700} fz={size === 'md' ? 28 : 20} c={`${color}.8`} data-testid="reduction-share">
          {share === null ? '—' : format.percent(share)}
        </Text>
      </Group>
      <Box pos="relative">
        <Progress value={share === null ? 0 : Math.min(100, Math.max(0, (share / scale) * 100))} color={color} size="lg" radius="sm" aria-hidden />
        {targets.map((target) => (
          <Box
            key={target.name}
            pos="absolute"
            top={-3}
            bottom={-3}
            left={`${(target.target / scale) * 100}%`}
            w={2}
            bg="dark.5"
            title={t('assessment.reduction.targetMarkOf', { target: format.percent(target.target), program: target.name })}
          />
        ))}
      </Box>
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={4}>
          {verdicts.map((verdict) => (
            // The verdict names the program: in a narrow card it wraps instead of being cut off before the name.
            <Badge
              key={verdict.key}
              color={verdict.color}
              variant="light"
              leftSection={verdict.icon}
              size={badgeSize}
              maw="100%"
              h="auto"
              py={2}
              style={{ textTransform: 'none' }}
              styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
            >
              {verdict.label}
            </Badge>
          ))}
        </Stack>
        <Text size="sm">{amountText}</Text>
      </Group>
    </Stack>
  );
}
