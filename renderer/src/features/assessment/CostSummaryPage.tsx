import { Anchor, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
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

/** "Tổng hợp chi phí": the roll-up across every draft, then draft by draft. */
export function CostSummaryPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { data, error } = useApiData(() => api.getCostRollup({}), []);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
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
              {data.drafts.map((draft) => (
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
      </Paper>
    </Stack>
  );
}
