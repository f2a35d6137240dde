import { Group, Loader, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegulationDetail } from '../../../../shared/contract/api';
import { findTemplate, templateQuestions } from '../../../../shared/domain/assessmentTemplate';
import { diffRegulationSnapshots, type RegulationSnapshot } from '../../../../shared/domain/roundDiff';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { useApiData } from '../../components/useApiData';
import { ComponentDiffTable } from './ComponentDiffTable';

const CURRENT = 'current';

/** "So sánh vòng": the regulation as submitted in any two rounds (or as it is now), side by side, component by component. */
export function RoundComparePanel({ regulation }: { regulation: RegulationDetail }) {
  const { t } = useTranslation();
  const { data, error } = useApiData(() => api.listRegulationRounds({ regulationId: regulation.id }), [regulation.id]);
  const rounds = data?.rounds ?? [];
  const [chosen, setChosen] = useState<{ before: string | null; after: string | null }>({ before: null, after: null });
  const [changedOnly, setChangedOnly] = useState(true);

  const answerLabel = useMemo(() => {
    const template = findTemplate(regulation.assessment?.template ?? '');
    const questions = new Map(template ? templateQuestions(template).map(({ key, question }) => [key, question.text]) : []);
    return (key: string) => questions.get(key) ?? key;
  }, [regulation.assessment?.template]);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;

  const current: RegulationSnapshot = { name: regulation.name, components: regulation.components, assessment: regulation.assessment ?? null };
  const options = [
    ...rounds.map((round) => ({
      value: String(round.round),
      label: t('workflow.rounds.label', { round: round.round, stage: t(`stage.${round.stage}`), date: formatTimestamp(round.takenAt) }),
    })),
    { value: CURRENT, label: t('workflow.rounds.current') },
  ];
  // By default: the last two rounds, or the only round against the regulation as it is now.
  const before = chosen.before ?? (rounds.length >= 2 ? String(rounds[rounds.length - 2]!.round) : rounds[0] ? String(rounds[0].round) : CURRENT);
  const after = chosen.after ?? (rounds.length >= 2 ? String(rounds[rounds.length - 1]!.round) : CURRENT);
  const snapshotOf = (value: string): RegulationSnapshot | null =>
    value === CURRENT ? current : (rounds.find((round) => String(round.round) === value)?.snapshot ?? null);
  const diffs = diffRegulationSnapshots(snapshotOf(before), snapshotOf(after), { answerLabel });
  const shown = changedOnly ? diffs.filter((diff) => diff.status !== 'unchanged') : diffs;

  return (
    <Stack gap="md">
      {rounds.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('workflow.rounds.none')}
        </Text>
      )}
      <Paper withBorder p="md">
        <Group align="flex-end">
          <Select label={t('workflow.rounds.before')} data={options} value={before} allowDeselect={false} onChange={(value) => setChosen({ before: value, after })} w={320} />
          <Select label={t('workflow.rounds.after')} data={options} value={after} allowDeselect={false} onChange={(value) => setChosen({ before, after: value })} w={320} />
          <Switch label={t('workflow.rounds.changedOnly')} checked={changedOnly} onChange={(event) => setChangedOnly(event.currentTarget.checked)} mb={8} />
        </Group>
      </Paper>
      {shown.length === 0 ? (
        <Text c="dimmed">{t('workflow.rounds.noChange')}</Text>
      ) : (
        <ComponentDiffTable
          diffs={shown}
          beforeLabel={options.find((option) => option.value === before)?.label ?? ''}
          afterLabel={options.find((option) => option.value === after)?.label ?? ''}
          testId="round-diff"
        />
      )}
    </Stack>
  );
}
