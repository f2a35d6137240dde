import { Anchor, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { BulkOpinionForm, type BulkRegulation } from './BulkOpinionForm';
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
  // Stable, so that ticking one regulation redraws its card alone and not the draft's sixty.
  const toggle = useCallback(
    (id: string) =>
      setChosen((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  const stage = data.writableStage;
  const total = data.regulations.reduce((sum, regulation) => sum + regulation.opinions.length, 0);
  if (total === 0 && !stage) return <Text c="dimmed">{t('workflow.opinions.noneInDraft')}</Text>;
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
        <RegulationOpinions key={regulation.id} regulation={regulation} choosable={stage !== null} chosen={chosen.has(regulation.id)} onToggle={toggle} />
      ))}
    </Stack>
  );
}

/**
 * One regulation's opinions. Memoised, and drawn by the browser only when near the screen (content-visibility): the
 * draft's sixty cards after a verdict for all took 1,2 s to draw (issue 20 item 7).
 */
const RegulationOpinions = memo(function RegulationOpinions({
  regulation,
  choosable,
  chosen,
  onToggle,
}: {
  regulation: BulkRegulation;
  choosable: boolean;
  chosen: boolean;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="draft-opinions-regulation" style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 200px' }}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {choosable && <Checkbox aria-label={t('workflow.bulk.choose', { name: regulation.name })} checked={chosen} onChange={() => onToggle(regulation.id)} />}
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
  );
});
