import { Badge, Group, Table, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconChevronUp, IconCircleDashed, IconSelector } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoreColor } from './ScoreCard';
import { useFormatters } from '../../components/useFormatters';

export type ScoreOrder = 'none' | 'desc' | 'asc';
const NEXT_ORDER: Record<ScoreOrder, ScoreOrder> = { none: 'desc', desc: 'asc', asc: 'none' };
const ARIA_SORT = { none: 'none', desc: 'descending', asc: 'ascending' } as const;

/** Sorts rows by a figure (the necessity score, a count) on demand; rows without one stay last in both directions. */
export function useScoreSort<T>(rows: readonly T[], scoreOf: (row: T) => number | null | undefined) {
  const [order, setOrder] = useState<ScoreOrder>('none');
  const sorted =
    order === 'none'
      ? rows
      : [...rows].sort((a, b) => {
          const left = scoreOf(a) ?? null;
          const right = scoreOf(b) ?? null;
          if (left === null || right === null) return (left === null ? 1 : 0) - (right === null ? 1 : 0);
          return order === 'asc' ? left - right : right - left;
        });
  return { sorted, order, cycle: () => setOrder(NEXT_ORDER[order]), reset: () => setOrder('none') };
}

/** The column header: one click sorts highest first, the next lowest first, the third restores the draft's order. */
export function ScoreSortHeader({ order, onCycle, messages = 'assessment.score' }: { order: ScoreOrder; onCycle: () => void; messages?: 'assessment.score' | 'findings' }) {
  const { t } = useTranslation();
  const Icon = order === 'desc' ? IconChevronDown : order === 'asc' ? IconChevronUp : IconSelector;
  const action = `${messages}.${{ none: 'sortDescending', desc: 'sortAscending', asc: 'sortNone' }[order]}`;
  const label = `${messages}.column`;
  return (
    <Table.Th aria-sort={ARIA_SORT[order]}>
      <Tooltip label={t(action)}>
        {/* The name starts with the visible column name, so that voice control ("click Điểm") finds the button. */}
        <UnstyledButton onClick={onCycle} aria-label={`${t(label)}: ${t(action)}`}>
          <Group gap={4} wrap="nowrap">
            <Text fw={700} size="sm">
              {t(label)}
            </Text>
            <Icon size={14} />
          </Group>
        </UnstyledButton>
      </Tooltip>
    </Table.Th>
  );
}

/** The score, coloured by band, with whether the assessment is complete. */
export function ScoreCell({ score, complete }: { score: number | null | undefined; complete: boolean | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const value = score ?? null;
  const status = t(complete ? 'assessment.complete' : 'assessment.incomplete');
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={scoreColor(value)} variant={value === null ? 'outline' : 'light'} miw={44} data-testid="score-cell">
        {value === null ? '—' : format.score(value)}
      </Badge>
      {/* The browser's own tooltip: a Mantine Tooltip per row set up a floating element each, a quarter of the rendering of a 60-row checklist. */}
      <ThemeIcon role="img" size={18} radius="xl" color={complete ? 'green' : 'gray'} variant={complete ? 'filled' : 'light'} aria-label={status} title={status}>
        {complete ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
      </ThemeIcon>
    </Group>
  );
}
