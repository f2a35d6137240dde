import { Grid, Paper, SegmentedControl, Select, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegulationFields } from '../../../../shared/contract/api';
import { levelsOn, levelWarning } from '../../../../shared/domain/administrativeReference';
import { CHANGES } from '../../../../shared/domain/vocabulary';
import { ValidityNote } from '../catalogue/ValidityNote';
import type { RegulationFormState } from './regulationFormValues';

/** Name, kind, what the draft does to it, national code, article, level and field. */
export function GeneralSection({ form, referenceDate }: { form: RegulationFormState; referenceDate: string }) {
  const { t } = useTranslation();
  const level = form.values.level;
  // What was valid on the draft's date, plus a stored value that was not (kept, with a warning).
  const levels = levelsOn(referenceDate);
  const offered = level && !levels.includes(level) ? [...levels, level] : levels;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('regulation.general')}
      </Title>
      <Grid>
        <Grid.Col span={12}>
          <TextInput label={t('regulation.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Text size="sm" fw={500} mb={4}>
            {t('regulation.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'tthc', label: t('kind.tthc') },
              { value: 'qdkd', label: t('kind.qdkd') },
            ]}
            {...form.getInputProps('kind')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('regulation.change')}
            data={CHANGES.map((value) => ({ value, label: t(`change.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('change')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('regulation.nationalCode')} placeholder="1.000123" {...form.getInputProps('nationalCode')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('regulation.article')} placeholder="Điều 18" {...form.getInputProps('article')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('regulation.level')}
            data={offered.map((value) => ({ value, label: t(`level.${value}`) }))}
            clearable
            {...form.getInputProps('level')}
            error={form.errors.level}
            value={level ?? null}
            onChange={(value) => form.setFieldValue('level', (value ?? undefined) as RegulationFields['level'])}
          />
          <ValidityNote warning={level ? levelWarning(level, referenceDate) : null} date={referenceDate} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label={t('regulation.field')} placeholder="Hộ tịch" {...form.getInputProps('field')} />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
