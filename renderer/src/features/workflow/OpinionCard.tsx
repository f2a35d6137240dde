import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionView } from '../../../../shared/contract/api';
import { formatDateVi } from '../../../../shared/i18n/format';
import { formatTimestamp } from '../../components/format';
import { RichTextView } from './RichTextView';

const VERDICT_COLORS = { agree: 'green', amend: 'orange', remove: 'red' } as const;

/** One opinion with its verdict, the components to fix, its body and the drafter's response; `children` adds actions. */
export function OpinionCard({ opinion, children }: { opinion: OpinionView; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="opinion" data-stage={opinion.stage} data-verdict={opinion.verdict}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Group gap={6}>
            <Badge variant="outline">{t(`stage.${opinion.stage}`)}</Badge>
            <Badge color={VERDICT_COLORS[opinion.verdict]}>{t(`verdict.${opinion.verdict}`)}</Badge>
            {!opinion.currentRound && (
              <Badge color="gray" variant="light">
                {t('workflow.opinions.earlierRound')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {opinion.by} · {t('workflow.opinions.issuedOn', { date: formatDateVi(opinion.issuedAt) })}
          </Text>
        </Group>
        {opinion.components && opinion.components.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>
              {t('workflow.opinions.componentsToFix')}:{' '}
            </Text>
            {opinion.components.map((component) => t(`component.${component}`)).join(', ')}
          </Text>
        )}
        <RichTextView body={opinion.body} text={opinion.text} />
        {opinion.response ? (
          <Paper bg="gray.0" p="xs" data-testid="opinion-response">
            <Group gap={6} mb={2}>
              <Badge size="sm" color={opinion.response.decision === 'accepted' ? 'teal' : 'indigo'}>
                {t(`workflow.response.decision.${opinion.response.decision}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatTimestamp(opinion.response.at)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {opinion.response.text}
            </Text>
          </Paper>
        ) : (
          <Text size="xs" c="dimmed">
            {t('workflow.response.none')}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
