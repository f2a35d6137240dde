import { Anchor, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { BulkOpinionForm } from './BulkOpinionForm';
import { useProfileKey } from './profileStore';
import { OpinionCard } from './OpinionCard';

/**
 * The draft page's "Ý kiến" tab: every regulation's opinions and responses on one page, as the letters will read; while
 * this installation may write opinions, the place to choose regulations and give them one verdict at once.
 */
export function DraftOpinionsOverview({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const profileKey = useProfileKey();
  const { data, error, reload } = useApiData(() => api.getDraftOpinions({ draftId }), [draftId, profileKey]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  const stage = data.writableStage;
  const total = data.regulations.reduce((sum, regulation) => sum + regulation.opinions.length, 0);
  if (total === 0 && !stage) return <Text c="dimmed">{t('workflow.opinions.noneInDraft')}</Text>;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  return (
    <Stack gap="md">
      {stage && (
        <BulkOpinionForm
          draftId={draftId}
          stage={stage}
          regulations={data.regulations}
          chosen={chosen}
          onChoose={setChosen}
          onSaved={() => {
            setChosen(new Set());
            reload();
          }}
        />
      )}
      {data.regulations.map((regulation) => (
        <Paper key={regulation.id} withBorder p="md" data-testid="draft-opinions-regulation">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {stage && (
                <Checkbox aria-label={t('workflow.bulk.choose', { name: regulation.name })} checked={chosen.has(regulation.id)} onChange={() => toggle(regulation.id)} />
              )}
              <Title order={5}>
                <Anchor component={Link} href={`/regulations/${regulation.id}`}>
                  {regulation.name}
                </Anchor>
              </Title>
            </Group>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
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
