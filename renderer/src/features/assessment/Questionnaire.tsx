import { Alert, Badge, Button, Grid, Group, RingProgress, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCheck, IconPlayerSkipForward } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from '../../../../shared/domain/assessmentStatus';
import type { Answers } from '../../../../shared/domain/assessment';
import { answerKey, type AssessmentTemplate, type FlatQuestion, type TemplateSection } from '../../../../shared/domain/assessmentTemplate';
import type { Answer, Components } from '../../../../shared/domain/dossier';
import type { Change } from '../../../../shared/domain/vocabulary';
import { componentSummary } from './componentSummary';
import { QuestionField } from './QuestionField';
import { ScoreCard } from './ScoreCard';

type Props = {
  template: AssessmentTemplate;
  questions: ReadonlyMap<string, FlatQuestion>;
  status: AssessmentStatus;
  answers: Answers;
  change: Change;
  regulation: { name: string; components: Components };
  references: readonly string[];
  errorAt: (key: string) => string | undefined;
  onAnswer: (key: string, patch: Partial<Answer>) => void;
  /** The section shown, from the address; the first open one when it names none (or one not asked). */
  section: string | undefined;
  onSection: (sectionId: string) => void;
  onFinish: () => void;
};

/** Sections as steps (vertical tabs: arrow keys move between them); skip rules and follow-ups apply as the officer answers. */
export function Questionnaire({ template, questions, status, answers, change, regulation, references, errorAt, onAnswer, section, onSection, onFinish }: Props) {
  const { t } = useTranslation();
  const { progress } = status;
  const asked = new Set(progress.applicable);
  // Sections that never apply to this kind of change (the amendment explanation for a new procedure) are not shown at all.
  const sections = template.sections.filter((section) => !section.appliesTo || section.appliesTo.includes(change));
  const sectionProgress = new Map(progress.sections.map((section) => [section.id, section]));
  const open = sections.filter((section) => sectionProgress.get(section.id)?.asked);
  const current = open.some((shown) => shown.id === section) ? (section as string) : (open[0]?.id ?? '');
  const position = open.findIndex((section) => section.id === current);
  const top = useRef<HTMLDivElement>(null);
  /** The buttons sit under the last question: show the next section from its first question, not from its end. */
  const goTo = (sectionId: string | undefined) => {
    if (!sectionId) return;
    onSection(sectionId);
    top.current?.scrollIntoView({ block: 'start' });
  };

  return (
    <Tabs value={current} onChange={(value) => value && onSection(value)} orientation="vertical" variant="pills" styles={{ root: { display: 'block' } }}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" pos="sticky" top={72}>
            <Tabs.List aria-label={t('assessment.section.nav')} style={{ flexDirection: 'column' }}>
              {sections.map((section) => (
                <SectionTab key={section.id} section={section} progress={sectionProgress.get(section.id)} />
              ))}
            </Tabs.List>
            <ScoreCard score={status.score} questions={questions} answers={answers} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} ref={top} style={{ scrollMarginTop: 72 }}>
          {sections.map((section) => (
            <Tabs.Panel key={section.id} value={section.id}>
              <Stack gap="sm">
                <div>
                  <Title order={4}>{section.title}</Title>
                  {section.help && (
                    <Text size="sm" c="dimmed">
                      {section.help}
                    </Text>
                  )}
                </div>
                {section.questions
                  .filter((question) => asked.has(answerKey(section, question)))
                  .map((question, index) => {
                    const key = answerKey(section, question);
                    return (
                      <QuestionField
                        key={key}
                        number={index + 1}
                        question={question}
                        answer={answers[key]}
                        error={errorAt(`answers.${key}`)}
                        drafted={section.appliesTo ? componentSummary(question.id, regulation, t) : undefined}
                        references={references}
                        components={regulation.components}
                        onChange={(patch) => onAnswer(key, patch)}
                      />
                    );
                  })}
                <Group justify="space-between" mt="xs">
                  <Button
                    variant="default"
                    leftSection={<IconArrowLeft size={16} />}
                    disabled={position <= 0}
                    onClick={() => goTo(open[position - 1]?.id)}
                  >
                    {t('assessment.section.previous')}
                  </Button>
                  {position < open.length - 1 ? (
                    <Button rightSection={<IconArrowRight size={16} />} onClick={() => goTo(open[position + 1]?.id)}>
                      {t('assessment.section.next')}
                    </Button>
                  ) : (
                    <Button rightSection={<IconArrowRight size={16} />} onClick={onFinish}>
                      {t('assessment.section.toCost')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Tabs.Panel>
          ))}
          {sections.some((section) => !sectionProgress.get(section.id)?.asked) && (
            <Alert color="gray" variant="light" mt="md" icon={<IconPlayerSkipForward size={18} />}>
              {t('assessment.section.skippedHint')}
            </Alert>
          )}
        </Grid.Col>
      </Grid>
    </Tabs>
  );
}

function SectionTab({ section, progress }: { section: TemplateSection; progress: AssessmentStatus['progress']['sections'][number] | undefined }) {
  const { t } = useTranslation();
  const skipped = !progress?.asked;
  const done = !skipped && progress.answered === progress.total;
  return (
    <Tabs.Tab
      value={section.id}
      disabled={skipped}
      leftSection={
        done || skipped ? (
          <ThemeIcon size={22} radius="xl" variant={done ? 'filled' : 'light'} color={done ? 'green' : 'gray'}>
            {done ? <IconCheck size={13} /> : <IconPlayerSkipForward size={13} />}
          </ThemeIcon>
        ) : (
          <RingProgress size={26} thickness={4} sections={[{ value: progress.total === 0 ? 0 : (100 * progress.answered) / progress.total, color: 'orange' }]} />
        )
      }
      rightSection={
        <Badge size="sm" variant="light" color={skipped ? 'gray' : done ? 'green' : 'orange'}>
          {skipped ? t('assessment.section.skipped') : t('assessment.section.answered', { answered: progress.answered, total: progress.total })}
        </Badge>
      }
      styles={{ tab: { whiteSpace: 'normal', height: 'auto', paddingBlock: 8 }, tabLabel: { flex: 1, textAlign: 'left' } }}
    >
      {section.title}
    </Tabs.Tab>
  );
}
