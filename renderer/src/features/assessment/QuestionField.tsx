import { Autocomplete, Badge, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, ThemeIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXTENT_VALUES, type TemplateQuestion } from '../../../../shared/domain/assessmentTemplate';
import type { Answer, Components } from '../../../../shared/domain/dossier';
import { GroupAnswerInput } from './GroupAnswerInput';
import { NumberField } from './NumberField';

export type QuestionFieldProps = {
  number: number;
  question: TemplateQuestion;
  answer: Answer | undefined;
  error: string | undefined;
  /** What the draft now says for this component (amendment questions only). */
  drafted?: string;
  /** Names of the other regulations, offered for answers that refer to one. */
  references: readonly string[];
  /** The regulation's components, listed by the groups about them. */
  components: Components;
  onChange: (patch: Partial<Answer>) => void;
};

/** One question of the template, drawn by its answer type, with its explanation field under it. */
export function QuestionField({ number, question, answer, error, drafted, references, components, onChange }: QuestionFieldProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-answered={answer !== undefined && answer.value !== null}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon variant="light" radius="xl" size={26}>
          <Text size="xs" fw={700}>
            {number}
          </Text>
        </ThemeIcon>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <AnswerInput question={question} answer={answer} error={error} drafted={drafted} references={references} components={components} onChange={onChange} />
          <Textarea
            size="sm"
            label={t('assessment.question.explanation')}
            aria-label={t('assessment.question.explanationOf', { question: question.text })}
            placeholder={t('assessment.question.explanationPlaceholder')}
            autosize
            minRows={1}
            maxRows={8}
            value={answer?.explanation ?? ''}
            onChange={(event) => onChange({ explanation: event.currentTarget.value })}
            styles={{ label: { fontWeight: 400, color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-xs)' } }}
          />
        </Stack>
        {question.weight !== undefined && (
          <Tooltip label={t('assessment.score.title')}>
            <Badge variant="light" color="navy" style={{ flexShrink: 0 }}>
              {t('assessment.question.weight', { weight: question.weight })}
            </Badge>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}

type AnswerInputProps = Omit<QuestionFieldProps, 'number'>;

function AnswerInput({ question, answer, error, drafted, references, components, onChange }: AnswerInputProps) {
  const { t } = useTranslation();
  const value = answer?.value ?? null;
  const labelProps = { label: question.text, description: question.help, error, styles: { label: { fontWeight: 600 } } };
  const setValue = (next: Answer['value']) => onChange({ value: next });
  const choice = (options: Array<{ value: string; label: string }>, selected: string | null) => (
    <Radio.Group {...labelProps} value={selected} onChange={(next) => setValue(next === 'true' ? true : next === 'false' ? false : next)}>
      <Group gap="xl" mt={6}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Group>
    </Radio.Group>
  );
  switch (question.answerType) {
    case 'yes_no':
      return choice(
        [
          { value: 'true', label: t('app.yes') },
          { value: 'false', label: t('app.no') },
        ],
        typeof value === 'boolean' ? String(value) : null,
      );
    case 'extent':
      return choice(
        EXTENT_VALUES.map((extent) => ({ value: extent, label: t(`assessment.extent.${extent}`) })),
        typeof value === 'string' ? value : null,
      );
    case 'choice':
      return choice([...(question.options ?? [])], typeof value === 'string' ? value : null);
    case 'number':
      return (
        <NumberField
          {...labelProps}
          maw={280}
          value={typeof value === 'number' ? value : Number.NaN}
          onChange={(next) => setValue(Number.isNaN(next) ? null : next)}
        />
      );
    case 'regulation_ref':
      return (
        <Autocomplete
          {...labelProps}
          placeholder={t('assessment.question.referencePlaceholder')}
          data={[...new Set(references)]}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => setValue(next === '' ? null : next)}
        />
      );
    case 'component_change':
      return (
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {question.text}
          </Text>
          {drafted !== undefined && (
            <Text size="xs" c="dimmed">
              {t('assessment.question.inDraft')}: {drafted}
            </Text>
          )}
          <Checkbox
            label={t('assessment.question.unchanged')}
            aria-label={`${question.text}: ${t('assessment.question.unchanged')}`}
            checked={value === false}
            onChange={(event) => setValue(event.currentTarget.checked ? false : null)}
          />
          {value !== false && (
            <Textarea
              label={t('assessment.question.change')}
              aria-label={`${question.text}: ${t('assessment.question.change')}`}
              placeholder={t('assessment.question.changePlaceholder')}
              autosize
              minRows={2}
              error={error}
              value={typeof value === 'string' ? value : ''}
              onChange={(event) => setValue(event.currentTarget.value === '' ? null : event.currentTarget.value)}
            />
          )}
        </Stack>
      );
    case 'group':
      return <GroupAnswerInput question={question} answer={answer} error={error} components={components} onChange={setValue} />;
    case 'text':
      return (
        <Textarea
          {...labelProps}
          placeholder={t('assessment.question.textPlaceholder')}
          autosize
          minRows={2}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => setValue(event.currentTarget.value === '' ? null : event.currentTarget.value)}
        />
      );
  }
}
