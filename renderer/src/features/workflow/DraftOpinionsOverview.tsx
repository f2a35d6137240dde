import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useProfileKey } from './profileStore';
import { OpinionCard } from './OpinionCard';

/** The draft page's "Ý kiến" tab: every regulation's opinions and responses on one page, as the letters will read. */
export function DraftOpinionsOverview({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const profileKey = useProfileKey();
  const { data, error } = useApiData(() => api.getDraftOpinions({ draftId }), [draftId, profileKey]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  const total = data.regulations.reduce((sum, regulation) => sum + regulation.opinions.length, 0);
  if (total === 0) return <Text c="dimmed">{t('workflow.opinions.noneInDraft')}</Text>;
  return (
    <Stack gap="md">
      {data.regulations.map((regulation) => (
        <Paper key={regulation.id} withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={5}>
              <Anchor component={Link} href={`/regulations/${regulation.id}`}>
                {regulation.name}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {t('workflow.opinions.count', { count: regulation.opinions.length })}
            </Text>
          </Group>
          <Stack gap="sm">
            {regulation.opinions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('workflow.opinions.none')}
              </Text>
            ) : (
              regulation.opinions.map((opinion) => <OpinionCard key={opinion.id} opinion={opinion} />)
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
