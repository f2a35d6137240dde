import { Anchor, Badge, Group, Loader, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CHANGES } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { ReductionIndicator } from '../../components/ReductionIndicator';
import { RollupCard } from './RollupCard';
import { useFormatters } from '../../components/useFormatters';
import { PageTitle } from '../../components/PageTitle';

/**
 * Drafts drawn at once: a page of a thousand drafts took 7,4 s to draw after its data came in 0,2 s (issue 20 item 7,
 * bench/ui.ts), fifty still 1,7 s on this shared machine (each row's reduction indicator is a dozen components); twenty
 * fill the screen at 1366×768 twice over.
 */
const DRAFTS_PER_PAGE = 20;

/** "Tổng hợp chi phí": the roll-up across every draft, then draft by draft, a page at a time. */
export function CostSummaryPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { data, error } = useApiData(() => api.getCostRollup({}), []);
  const [page, setPage] = useState(1);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  const pages = Math.ceil(data.drafts.length / DRAFTS_PER_PAGE);
  const shown = data.drafts.slice((page - 1) * DRAFTS_PER_PAGE, page * DRAFTS_PER_PAGE);
  return (
    <Stack gap="md">
      <PageTitle>{t('assessment.summary.title')}</PageTitle>
      <RollupCard title={t('assessment.summary.overall')} rollup={data.overall} />
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('assessment.summary.byDraft')}
        </Title>
        {data.drafts.length === 0 ? (
          <Text c="dimmed">{t('assessment.summary.empty')}</Text>
        ) : (
          <Table striped verticalSpacing="sm" data-testid="cost-summary-drafts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.summary.draft')}</Table.Th>
                <Table.Th>{t('assessment.rollup.regulations')}</Table.Th>
                <Table.Th>{t('assessment.rollup.assessed')}</Table.Th>
                <Table.Th ta="right">{t('assessment.rollup.baseline')}</Table.Th>
                <Table.Th ta="right">{t('assessment.rollup.proposed')}</Table.Th>
                <Table.Th w={300}>{t('assessment.reduction.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((draft) => (
                <Table.Tr key={draft.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/drafts/${draft.id}`} fw={500}>
                      {draft.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`docType.${draft.docType}`)} · {draft.draftingAgency}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.integer(draft.rollup.regulations)}</Text>
                    <Text size="xs" c="dimmed">
                      {CHANGES
                        .filter((change) => draft.rollup.byChange[change] > 0)
                        .map((change) => `${t(`change.${change}`)} ${format.integer(draft.rollup.byChange[change])}`)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={draft.rollup.assessed === draft.rollup.regulations ? 'green' : 'orange'}>
                      {format.integer(draft.rollup.assessed)}/{format.integer(draft.rollup.regulations)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(draft.rollup.annual.baseline)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(draft.rollup.annual.proposed)}
                  </Table.Td>
                  <Table.Td>
                    <ReductionIndicator share={draft.rollup.reduction.share} amount={draft.rollup.reduction.amount} targets={draft.rollup.targets} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {pages > 1 && (
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed">
              {t('assessment.summary.shownDrafts', {
                from: (page - 1) * DRAFTS_PER_PAGE + 1,
                to: (page - 1) * DRAFTS_PER_PAGE + shown.length,
                total: data.drafts.length,
              })}
            </Text>
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              aria-label={t('assessment.summary.pages')}
              // The arrows carry only an icon: screen readers need their names (axe button-name).
              getControlProps={(control) => ({ 'aria-label': t(`assessment.summary.pageControl.${control}`) })}
            />
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
