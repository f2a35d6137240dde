import { Button, Grid, Group, NumberInput, Paper, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { copiesText } from '../../../../shared/domain/dossierItems';
import { pastedDossierItems, pastedLines } from '../../../../shared/domain/pastedRows';
import { ENTRY_LIMITS } from '../../../../shared/contract/api';
import { requiredComponents } from '../../../../shared/domain/components';
import { SUBJECT_SUGGESTIONS, type COMPONENT_KEYS, type DocType } from '../../../../shared/domain/vocabulary';
import { pasteWithPreview, splitPaste } from './pastePreview';
import { MethodTermsTable } from './MethodTermsTable';
import { TimeLimitUnitSelect } from './TimeLimitUnitSelect';
import type { RegulationFormState } from './regulationFormValues';
import { RemoveRowButton } from '../../components/RemoveRowButton';

/** A list of texts with add/remove buttons: steps, forms, conditions; a step may run to several lines (typed, not pasted). */
function TextListInput({ form, path, addLabel, placeholder }: { form: RegulationFormState; path: 'steps' | 'forms' | 'conditions'; addLabel: string; placeholder?: (index: number) => string }) {
  const { t } = useTranslation();
  const values = form.values.components[path] ?? [];
  const paste = (event: ClipboardEvent, index: number) =>
    pasteWithPreview(
      event,
      (text) => splitPaste(text, values, index, (value) => value.trim() === '', pastedLines),
      [t(`component.${path}`)],
      (row) => [row],
      (next) => form.setFieldValue(`components.${path}`, next),
    );
  return (
    <Stack gap={6}>
      {values.map((_, index) => (
        <Group key={index} gap={6} wrap="nowrap" align="flex-start">
          <Textarea
            autosize
            minRows={1}
            maxRows={8}
            style={{ flex: 1 }}
            placeholder={placeholder?.(index + 1)}
            aria-label={placeholder?.(index + 1) ?? addLabel}
            {...form.getInputProps(`components.${path}.${index}`)}
            onPaste={(event) => paste(event, index)}
          />
          <RemoveRowButton label="Xóa dòng" onClick={() => form.removeListItem(`components.${path}`, index)} />
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => form.setFieldValue(`components.${path}`, [...values, ''])}
      >
        {addLabel}
      </Button>
    </Stack>
  );
}

function ComponentLabel({ componentKey, required }: { componentKey: (typeof COMPONENT_KEYS)[number]; required: boolean }) {
  const { t } = useTranslation();
  return (
    <Text fw={600} size="sm" mb={6}>
      {t(`component.${componentKey}`)}
      {required ? <Text span c="red"> *</Text> : <Text span c="dimmed" fw={400}> ({t('regulation.optional')})</Text>}
    </Text>
  );
}

/** The components of Điều 8 Nghị định 63/2010, each marked required or optional for the draft's document type. */
export function ComponentsSection({ form, docType }: { form: RegulationFormState; docType: DocType }) {
  const { t } = useTranslation();
  const kind = form.values.kind;
  const required = new Set(requiredComponents(docType, kind));
  const components = form.values.components;
  const pasteDossier = (event: ClipboardEvent, index: number) =>
    pasteWithPreview(
      event,
      (text) => splitPaste(text, components.dossier ?? [], index, (value) => value.item.trim() === '', pastedDossierItems),
      [t('regulation.dossierItem'), t('regulation.copies')],
      // The count as the list prints it, with its kinds («01 bản chính, 01 bản sao»).
      (row) => [row.item, copiesText(row)],
      (next) => form.setFieldValue('components.dossier', next),
    );
  if (kind === 'qdkd') return <ConditionsSection form={form} required={required} />;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('regulation.components')}
      </Title>
      <Stack gap="lg">
        <div>
          <ComponentLabel componentKey="steps" required={required.has('steps')} />
          <TextListInput form={form} path="steps" addLabel={t('regulation.addStep')} placeholder={(number) => t('regulation.stepPlaceholder', { number })} />
        </div>
        <div>
          <ComponentLabel componentKey="methods" required={required.has('methods')} />
          <MethodTermsTable form={form} />
        </div>
        <div>
          <ComponentLabel componentKey="dossier" required={required.has('dossier')} />
          <Stack gap={6}>
            {(components.dossier ?? []).map((_, index) => (
              <Stack key={index} gap={4}>
              <Group gap={6} wrap="nowrap">
                <TextInput style={{ flex: 1 }} aria-label={t('regulation.dossierItem')} placeholder={t('regulation.dossierItem')} {...form.getInputProps(`components.dossier.${index}.item`)} onPaste={(event) => pasteDossier(event, index)} />
                <NumberInput w={110} aria-label={t('regulation.copies')} placeholder={t('regulation.copies')} min={ENTRY_LIMITS.copies.min} max={ENTRY_LIMITS.copies.max} clampBehavior="none" allowDecimal={false} suffix=" bản" {...form.getInputProps(`components.dossier.${index}.copies`)} />
                <RemoveRowButton label="Xóa dòng" onClick={() => form.removeListItem('components.dossier', index)} />
              </Group>
              {/* What the count is made of, as the national database records it («01 bản chính và 01 bản sao»); blank: not stated. */}
              <Group gap={6} wrap="nowrap" pl="md">
                <Text size="xs" c="dimmed">
                  {t('regulation.copyKinds.ofWhich')}
                </Text>
                {(['originals', 'certifiedCopies'] as const).map((part) => (
                  <NumberInput
                    key={part}
                    size="xs"
                    w={part === 'originals' ? 130 : 190}
                    aria-label={t(`regulation.copyKinds.${part}`)}
                    placeholder={t(`regulation.copyKinds.${part}Short`)}
                    suffix={` ${t(`regulation.copyKinds.${part}Short`)}`}
                    min={0}
                    max={ENTRY_LIMITS.copies.max}
                    clampBehavior="none"
                    allowDecimal={false}
                    {...form.getInputProps(`components.dossier.${index}.${part}`)}
                    value={components.dossier?.[index]?.[part] ?? ''}
                    onChange={(value) => form.setFieldValue(`components.dossier.${index}.${part}`, typeof value === 'number' ? value : undefined)}
                  />
                ))}
              </Group>
              </Stack>
            ))}
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem('components.dossier', { item: '', copies: 1 })}>
              {t('regulation.addDossierItem')}
            </Button>
          </Stack>
        </div>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TimeLimitInput form={form} required={required.has('timeLimitDays')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <ComponentLabel componentKey="subjects" required={required.has('subjects')} />
            <TagsInput
              aria-label={t('component.subjects')}
              placeholder={t('regulation.subjectsPlaceholder')}
              data={SUBJECT_SUGGESTIONS.map((value) => t(`subject.${value}`))}
              {...form.getInputProps('components.subjects')}
              value={components.subjects ?? []}
            />
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ComponentLabel componentKey="agency" required={required.has('agency')} />
            <TextInput aria-label={t('component.agency')} placeholder="Ủy ban nhân dân cấp xã" {...form.getInputProps('components.agency')} value={components.agency ?? ''} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ComponentLabel componentKey="result" required={required.has('result')} />
            <TextInput aria-label={t('component.result')} placeholder="Giấy khai sinh" {...form.getInputProps('components.result')} value={components.result ?? ''} />
          </Grid.Col>
        </Grid>
        <div>
          <ComponentLabel componentKey="forms" required={false} />
          <TextListInput form={form} path="forms" addLabel={t('regulation.addForm')} />
        </div>
        <div>
          <ComponentLabel componentKey="conditions" required={false} />
          <TextListInput form={form} path="conditions" addLabel={t('regulation.addCondition')} />
        </div>
        <FeesInput form={form} />
      </Stack>
    </Paper>
  );
}

/** The fees and charges component, a list of named amounts (a procedure's or a business regulation's). */
function FeesInput({ form }: { form: RegulationFormState }) {
  const { t } = useTranslation();
  const components = form.values.components;
  return (
    <div>
      <ComponentLabel componentKey="fees" required={false} />
      <Stack gap={6}>
        {(components.fees ?? []).map((_, index) => (
          <Group key={index} gap={6} wrap="nowrap">
            <TextInput style={{ flex: 1 }} aria-label={t('regulation.feeName')} placeholder={t('regulation.feeName')} {...form.getInputProps(`components.fees.${index}.name`)} />
            <NumberInput w={200} aria-label={t('regulation.feeAmount')} placeholder={t('regulation.feeAmount')} min={0} clampBehavior="none" thousandSeparator="." decimalSeparator="," suffix=" đ" {...form.getInputProps(`components.fees.${index}.amount`)} />
            <RemoveRowButton label="Xóa dòng" onClick={() => form.removeListItem('components.fees', index)} />
          </Group>
        ))}
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem('components.fees', { name: '', amount: 0 })}>
          {t('regulation.addFee')}
        </Button>
      </Stack>
    </div>
  );
}

/**
 * A business regulation (QĐKD) as what it is: its business conditions, whom they bind, the agency that checks them
 * the time that check takes and the fees they bring; no steps, dossier or result to fill in (componentKeysFor).
 */
function ConditionsSection({ form, required }: { form: RegulationFormState; required: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const components = form.values.components;
  return (
    <Paper withBorder p="md" data-testid="qdkd-components">
      <Title order={5} mb={4}>
        {t('regulation.conditionsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('regulation.conditionsHint')}
      </Text>
      <Stack gap="lg">
        <div>
          <ComponentLabel componentKey="conditions" required={required.has('conditions')} />
          <TextListInput form={form} path="conditions" addLabel={t('regulation.addCondition')} />
        </div>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ComponentLabel componentKey="subjects" required={required.has('subjects')} />
            <TagsInput
              aria-label={t('component.subjects')}
              placeholder={t('regulation.subjectsPlaceholder')}
              data={SUBJECT_SUGGESTIONS.map((value) => t(`subject.${value}`))}
              {...form.getInputProps('components.subjects')}
              value={components.subjects ?? []}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ComponentLabel componentKey="agency" required={required.has('agency')} />
            <TextInput aria-label={t('component.agency')} {...form.getInputProps('components.agency')} value={components.agency ?? ''} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TimeLimitInput form={form} required={required.has('timeLimitDays')} />
          </Grid.Col>
        </Grid>
        <FeesInput form={form} />
      </Stack>
    </Paper>
  );
}

/** The processing time limit: a number of working days («ngày làm việc») or of calendar days («ngày»), as the law sets it. */
function TimeLimitInput({ form, required }: { form: RegulationFormState; required: boolean }) {
  const { t } = useTranslation();
  const components = form.values.components;
  return (
    <>
      <ComponentLabel componentKey="timeLimitDays" required={required} />
      <Group gap={6} wrap="nowrap" align="flex-start">
        <NumberInput
          aria-label={t('component.timeLimitDays')}
          min={0}
          max={ENTRY_LIMITS.timeLimitDays.max}
          clampBehavior="none"
          style={{ flex: 1 }}
          {...form.getInputProps('components.timeLimitDays')}
          value={components.timeLimitDays ?? ''}
          onChange={(value) => form.setFieldValue('components.timeLimitDays', typeof value === 'number' ? value : undefined)}
        />
        <TimeLimitUnitSelect
          label={t('regulation.timeLimitUnit')}
          value={components.timeLimitUnit}
          onChange={(unit) => form.setFieldValue('components.timeLimitUnit', unit)}
        />
      </Group>
    </>
  );
}
