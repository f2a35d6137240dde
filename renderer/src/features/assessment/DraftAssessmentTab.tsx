import { Alert, Badge, Group, Loader, Paper, Progress, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { RollupCard } from './RollupCard';
import { ScoreCell, ScoreSortHeader, useScoreSort } from './ScoreColumn';
import { scoreBand } from './ScoreCard';
import { useFormatters } from '../../components/useFormatters';
import { WARNING_TEXT } from '../../theme';
import { useVirtualRows, VirtualPadding } from '../../components/useVirtualRows';
import { RegulationNameCell } from '../../components/RegulationNameCell';

type Show = 'all' | 'lacking' | 'complete';
type Band = 'all' | 'low' | 'middle' | 'high' | 'none';

const SHOWS: Record<Show, (item: ChecklistItem) => boolean> = {
  all: () => true,
  lacking: (item) => !item.complete,
  complete: (item) => item.complete,
};
const BANDS: Record<Band, (score: number | null) => boolean> = {
  all: () => true,
  low: (score) => score !== null && scoreBand(score) === 'low',
  middle: (score) => score !== null && scoreBand(score) === 'middle',
  high: (score) => score !== null && scoreBand(score) === 'high',
  none: (score) => score === null,
};

/** The draft's "Đánh giá tác động" tab: which regulations still lack a complete assessment, and the draft's roll-up. */
export function DraftAssessmentTab({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const { data, error } = useApiData(() => api.getDraftAssessmentOverview({ draftId }), [draftId]);
  const [show, setShow] = useState<Show>('all');
  const [band, setBand] = useState<Band>('all');
  const visible = (data?.checklist ?? []).filter((item) => SHOWS[show](item) && BANDS[band](item.score));
  const scoreSort = useScoreSort(visible, (item) => item.score);
  // A draft of 60 procedures drew all its rows, each a dozen Mantine components: 1,6 s after the data (issue 20 item 7).
  const { scrollRef, visible: shownRows, paddingTop, paddingBottom, measureElement } = useVirtualRows(scoreSort.sorted.length);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  const lacking = data.checklist.filter((item) => !item.complete).length;
  const position = new Map(data.checklist.map((item, index) => [item.id, index + 1]));

  return (
    <Stack gap="md">
      <RollupCard title={t('assessment.rollup.title')} rollup={data.rollup} />
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Title order={5}>{t('assessment.draft.checklist')}</Title>
            <Text size="sm" c="dimmed">
              {t('assessment.draft.checklistHint')}
            </Text>
          </div>
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              value={show}
              onChange={(value) => setShow(value as Show)}
              data={(Object.keys(SHOWS) as Show[]).map((value) => ({ value, label: t(`assessment.draft.show.${value}`) }))}
            />
            <Select
              size="xs"
              w={190}
              aria-label={t('assessment.score.filter')}
              allowDeselect={false}
              value={band}
              onChange={(value) => setBand((value ?? 'all') as Band)}
              data={(Object.keys(BANDS) as Band[]).map((value) => ({ value, label: t(`assessment.score.bands.${value}`) }))}
            />
          </Group>
        </Group>
        {data.checklist.length > 0 && (
          <Alert
            mb="sm"
            p="xs"
            variant="light"
            color={lacking === 0 ? 'green' : 'orange'}
            icon={lacking === 0 ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
            data-testid="checklist-summary"
          >
            {lacking === 0 ? t('assessment.draft.allComplete') : t('assessment.draft.lacking', { count: lacking })}
          </Alert>
        )}
        {scoreSort.sorted.length === 0 ? (
          <Text c="dimmed">{t('assessment.draft.empty')}</Text>
        ) : (
          // Its own scroll area, reachable with Tab and named, as the draft's regulations are.
          <div ref={scrollRef} role="region" tabIndex={0} aria-label={t('assessment.draft.checklist')} style={{ maxHeight: '70vh', overflow: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="xs" stickyHeader data-testid="assessment-checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('assessment.draft.columns.name')}</Table.Th>
                <Table.Th>{t('assessment.draft.columns.change')}</Table.Th>
                <Table.Th w={200}>{t('assessment.draft.columns.progress')}</Table.Th>
                <Table.Th>{t('assessment.draft.columns.worksheet')}</Table.Th>
                <ScoreSortHeader order={scoreSort.order} onCycle={scoreSort.cycle} />
                <Table.Th>{t('assessment.draft.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <VirtualPadding height={paddingTop} />
              {shownRows.map(({ index }) => {
                const item = scoreSort.sorted[index]!;
                return <ChecklistRow key={item.id} item={item} position={position.get(item.id) ?? 0} index={index} measure={measureElement} />;
              })}
              <VirtualPadding height={paddingBottom} />
            </Table.Tbody>
          </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}

const WORKSHEET_COLOR = { present: 'green', missing: 'orange', not_needed: 'gray' } as const;

/** Memoised as the draft's regulation rows are: the virtualiser's measuring passes re-render the table, not each row. */
const ChecklistRow = memo(function ChecklistRow({ item, position, index, measure }: { item: ChecklistItem; position: number; index: number; measure: (row: HTMLTableRowElement | null) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table.Tr data-complete={item.complete} data-index={index} ref={measure}>
      <Table.Td>{position}</Table.Td>
      <RegulationNameCell name={item.name} nationalCode={item.nationalCode} href={`/regulations/${item.id}/assessment`} />
      <Table.Td>{t(`change.${item.change}`)}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Progress value={item.total === 0 ? 0 : (100 * item.answered) / item.total} color={item.answered === item.total ? 'green' : 'navy'} size="sm" w={100} aria-hidden />
          <Text size="xs">
            {format.integer(item.answered)}/{format.integer(item.total)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={WORKSHEET_COLOR[item.worksheet]}>
          {t(`assessment.draft.worksheet.${item.worksheet}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <ScoreCell score={item.score} complete={item.complete} />
      </Table.Td>
      <Table.Td>
        {item.recommendation === 'do_not_regulate' && (
          <Badge size="sm" color="red" variant="light" mr={4}>
            {t('assessment.doNotRegulate')}
          </Badge>
        )}
        {item.complete ? (
          <Text size="sm" c="green.8">
            {item.completedAt ? t('assessment.completedOn', { date: format.date(item.completedAt) }) : t('assessment.complete')}
          </Text>
        ) : (
          <Text size="sm" c={WARNING_TEXT}>
            {item.started ? t('assessment.incomplete') : t('assessment.draft.notStarted')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
});
