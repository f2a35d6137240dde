import { Alert, Group, Paper, RingProgress, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Answers, NecessityScore } from '../../../../shared/domain/assessment';
import type { FlatQuestion } from '../../../../shared/domain/assessmentTemplate';
import { useAnswerLabel } from './answerLabels';
import { useFormatters } from '../../components/useFormatters';
import { roundedScore } from '../../../../shared/i18n/format';

export type ScoreBand = 'low' | 'middle' | 'high';

/** The band of a score as shown (rounded as formatScore rounds it, so that a "80" is never coloured as below 80). */
export function scoreBand(score: number): ScoreBand {
  const shown = roundedScore(score);
  return shown >= 80 ? 'high' : shown >= 50 ? 'middle' : 'low';
}

const BAND_COLORS: Record<ScoreBand, string> = { high: 'green', middle: 'yellow', low: 'red' };

export function scoreColor(score: number | null): string {
  return score === null ? 'gray' : BAND_COLORS[scoreBand(score)];
}

/** The necessity score with every weighted answer behind it, so nobody has to trust a black box. */
export function ScoreCard({ score, questions, answers }: { score: NecessityScore; questions: ReadonlyMap<string, FlatQuestion>; answers: Answers }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const answerLabel = useAnswerLabel();
  const value = score.score;
  return (
    <Paper withBorder p="md" data-testid="score-card">
      <Group gap="md" wrap="nowrap" mb="sm">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[{ value: value ?? 0, color: scoreColor(value) }]}
          label={
            <Text ta="center" fw={700} fz={22} data-testid="necessity-score">
              {value === null ? '—' : format.score(value)}
            </Text>
          }
        />
        <div>
          <Title order={5}>{t('assessment.score.title')}</Title>
          <Text size="sm" c="dimmed">
            {value === null ? t('assessment.score.none') : t('assessment.score.outOf')}
          </Text>
        </div>
      </Group>
      {score.forcedToZero && (
        <Alert color="red" variant="light" mb="sm" p="xs">
          <Text size="sm">{t('assessment.score.forced')}</Text>
        </Alert>
      )}
      <Text size="xs" c="dimmed" mb="xs">
        {t('assessment.score.rubric')}
      </Text>
      <Table verticalSpacing={4} horizontalSpacing={6} fz="xs" data-testid="score-breakdown">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assessment.score.question')}</Table.Th>
            <Table.Th>{t('assessment.score.answer')}</Table.Th>
            <Table.Th ta="right">{t('assessment.score.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {score.breakdown.map((line) => {
            const flatOf = questions.get(line.key);
            const field = line.field === undefined ? undefined : flatOf?.question.fields?.find((candidate) => candidate.id === line.field);
            const flat = flatOf && { question: field ?? flatOf.question };
            const text = flatOf && field ? `${flatOf.question.itemLabel ?? flatOf.question.text} ${line.row === undefined ? '' : line.row + 1} — ${field.text}` : flatOf?.question.text;
            const whole = answers[line.key];
            const answer = line.row === undefined || !Array.isArray(whole?.value) ? (field ? undefined : whole) : { value: whole.value[line.row]?.[line.field!] ?? null };
            return (
              <Table.Tr key={line.questionId} c={line.supports === null ? 'dimmed' : undefined}>
                <Table.Td>
                  <Tooltip label={text} multiline w={300} openDelay={300}>
                    <Text size="xs" lineClamp={2}>
                      {text ?? line.questionId}
                    </Text>
                  </Tooltip>
                  <Text size="xs" c="dimmed">
                    {t('assessment.question.weight', { weight: format.decimal(line.weight, Number.isInteger(line.weight) ? 0 : 2) })}
                  </Text>
                </Table.Td>
                {/* A choice's label can be long ("Cơ sở dữ liệu quốc gia về dân cư"): it wraps rather than squeezing the question. */}
                <Table.Td maw={120}>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <SupportIcon supports={line.supports} />
                    <Text size="xs" lineClamp={2}>
                      {line.supports === null || !flat || !answer ? '—' : answerLabel(flat.question, answer.value)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" fw={line.contribution > 0 ? 600 : undefined}>
                  {format.decimal(line.contribution, 1)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('assessment.score.total')}</Table.Th>
            <Table.Th ta="right">{value === null ? '—' : format.score(value)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}

function SupportIcon({ supports }: { supports: boolean | null }) {
  const { t } = useTranslation();
  if (supports === null) {
    return (
      <ThemeIcon role="img" size={14} radius="xl" color="gray" variant="light" aria-label={t('assessment.score.unanswered')}>
        <IconMinus size={10} />
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon role="img" size={14} radius="xl" color={supports ? 'green' : 'red'} variant="light" aria-label={t(supports ? 'assessment.score.supports' : 'assessment.score.against')}>
      {supports ? <IconCheck size={10} /> : <IconX size={10} />}
    </ThemeIcon>
  );
}
