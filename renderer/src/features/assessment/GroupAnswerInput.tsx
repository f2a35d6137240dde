import { Badge, Button, Grid, Group, Paper, Radio, Select, Stack, Text, Textarea, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { groupRows, missingRowFields, type GroupRow } from '../../../../shared/domain/assessment';
import { shownRows } from '../../../../shared/domain/componentRows';
import { EXTENT_VALUES, type GroupField, type TemplateQuestion } from '../../../../shared/domain/assessmentTemplate';
import type { Answer, Components } from '../../../../shared/domain/dossier';
import { NumberField } from './NumberField';
import { WARNING_TEXT } from '../../theme';
import { RemoveRowButton } from '../../components/RemoveRowButton';

type Cell = GroupRow[string];

type Props = {
  question: TemplateQuestion;
  answer: Answer | undefined;
  error: string | undefined;
  /** The regulation's components, which a group with `rowsFrom` lists one row per item. */
  components: Components;
  onChange: (value: Answer['value']) => void;
};

/**
 * A repeated group (one row per dossier item or business condition): each row a card answering the group's fields,
 * rows added and removed by the officer. A cleared cell leaves the row, so that it counts as unanswered again. A group
 * about a component (`rowsFrom`: dossier items, subjects, conditions) starts with one row per item entered there, named
 * by it and not removable here (componentRows.ts).
 */
export function GroupAnswerInput({ question, answer, error, components, onChange }: Props) {
  const { t } = useTranslation();
  const shown = shownRows(question, groupRows(answer), components);
  const rows = shown.map(({ row }) => row);
  const fields = question.fields ?? [];
  // A component's row is named by its item: the name field is shown in its title, not asked again.
  const componentFields = fields.filter((field) => field.id !== question.rowsFrom?.field);
  const itemLabel = question.itemLabel ?? question.text;
  // No rows is no answer: the entry goes rather than staying as an empty list.
  const setRows = (next: GroupRow[]) => onChange(next.length === 0 ? null : next);
  const setCell = (index: number, field: string, cell: Cell) => {
    const { [field]: _previous, ...others } = rows[index] ?? {};
    setRows(rows.map((row, at) => (at === index ? (cell === null ? others : { ...others, [field]: cell }) : row)));
  };

  return (
    <Stack gap="xs" role="group" aria-label={question.text} data-testid={`group-${question.id}`}>
      <div>
        <Text fw={600} size="sm">
          {question.text}
        </Text>
        {question.help && (
          <Text size="xs" c="dimmed">
            {question.help}
          </Text>
        )}
      </div>
      {rows.length === 0 && (
        <Text size="sm" c={WARNING_TEXT}>
          {t(question.rowsFrom ? 'assessment.group.emptyComponent' : 'assessment.group.empty', { item: itemLabel.toLocaleLowerCase('vi') })}
        </Text>
      )}
      {shown.map(({ row, item }, index) => {
        // A component's row is named by its item; the officer's own rows keep their number while their name is typed.
        const name = item === undefined ? `${itemLabel} ${index + 1}` : `${itemLabel} ${index + 1}: ${item}`;
        const missing = missingRowFields(fields, row).length;
        return (
          <Paper key={index} withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)" data-testid="group-row" data-complete={missing === 0}>
            <Group justify="space-between" mb={6} wrap="nowrap">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {name}
                </Text>
                <Badge size="sm" variant="light" color={missing === 0 ? 'green' : 'orange'}>
                  {missing === 0 ? t('assessment.group.rowComplete') : t('assessment.group.rowMissing', { count: missing })}
                </Badge>
              </Group>
              {item === undefined ? (
                <Tooltip label={t('assessment.group.remove', { item: name })}>
                  <RemoveRowButton label={t('assessment.group.remove', { item: name })} onClick={() => setRows(rows.filter((_, at) => at !== index))} />
                </Tooltip>
              ) : (
                <Badge size="sm" variant="outline" color="gray" tt="none" fw={500}>
                  {t('assessment.group.fromComponents')}
                </Badge>
              )}
            </Group>
            <Grid gap="xs">
              {(item === undefined ? fields : componentFields).map((field) => (
                <Grid.Col key={field.id} span={{ base: 12, sm: field.answerType === 'text' ? 12 : 6 }}>
                  <FieldInput field={field} rowName={name} value={row[field.id] ?? null} onChange={(cell) => setCell(index, field.id, cell)} />
                </Grid.Col>
              ))}
            </Grid>
          </Paper>
        );
      })}
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => setRows([...rows, {}])}>
        {t('assessment.group.add', { item: itemLabel.toLocaleLowerCase('vi') })}
      </Button>
    </Stack>
  );
}

/** One cell of a row, drawn by the field's answer type; its label names the row for screen readers. */
function FieldInput({ field, rowName, value, onChange }: { field: GroupField; rowName: string; value: Cell; onChange: (cell: Cell) => void }) {
  const { t } = useTranslation();
  // The row's name is read out with each field ("Điều kiện 2: Có cần thiết không?") but not shown again in the card.
  const label: ReactNode = (
    <>
      <VisuallyHidden>{rowName}: </VisuallyHidden>
      {field.text}
      {field.optional && (
        <Text span size="xs" c="dimmed" fw={400}>
          {' '}
          ({t('regulation.optional')})
        </Text>
      )}
    </>
  );
  const weight = field.weight === undefined ? undefined : t('assessment.group.weight', { weight: field.weight });
  const description = [field.help, weight].filter(Boolean).join(' · ') || undefined;
  const common = { label, description, size: 'sm' as const };
  const radios = (options: Array<{ value: string; label: string }>, selected: string | null) => (
    <Radio.Group {...common} value={selected} onChange={(next) => onChange(next === 'true' ? true : next === 'false' ? false : next)}>
      <Group gap="lg" mt={4}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} size="sm" />
        ))}
      </Group>
    </Radio.Group>
  );
  switch (field.answerType) {
    case 'yes_no':
      return radios(
        [
          { value: 'true', label: t('app.yes') },
          { value: 'false', label: t('app.no') },
        ],
        typeof value === 'boolean' ? String(value) : null,
      );
    case 'extent':
      return radios(
        EXTENT_VALUES.map((extent) => ({ value: extent, label: t(`assessment.extent.${extent}`) })),
        typeof value === 'string' ? value : null,
      );
    case 'choice':
      return (
        <Select
          {...common}
          placeholder={t('assessment.group.choose')}
          data={[...(field.options ?? [])]}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next)}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'number':
      return <NumberField {...common} value={typeof value === 'number' ? value : Number.NaN} onChange={(next) => onChange(Number.isNaN(next) ? null : next)} />;
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={1}
          maxRows={6}
          placeholder={t('assessment.question.textPlaceholder')}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
        />
      );
  }
}
