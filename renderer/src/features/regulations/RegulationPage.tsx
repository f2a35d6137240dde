import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed, IconDatabaseSearch, IconPlus, IconTrash } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ENTRY_LIMITS, regulationEntrySchema, type RegulationFields } from '../../../../shared/contract/api';
import { draftReferenceDate, levelsOn, levelWarning } from '../../../../shared/domain/administrativeReference';
import { regulationFromCatalogue, type CatalogueProcedure } from '../../../../shared/domain/catalogue';
import { assessedConditionCounts } from '../../../../shared/domain/assessment';
import type { Assessment } from '../../../../shared/domain/dossier';
import { measureTotal, regulationMeasures, type MeasurePair } from '../../../../shared/domain/measures';
import { isComponentFilled, requiredComponents, setsProceduresOnlyWhenDelegated } from '../../../../shared/domain/components';
import {
  CHANGES,
  COMPONENT_KEYS,
  FILING_METHODS,
  SUBJECT_SUGGESTIONS,
  type DocType,
} from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { AssessmentTab } from '../assessment/AssessmentTab';
import { CatalogueComparePanel } from '../catalogue/CatalogueComparePanel';
import { CataloguePickerModal } from '../catalogue/CataloguePickerModal';
import { ValidityNote } from '../catalogue/ValidityNote';
import { AssessmentFormButton } from '../exports/AssessmentFormButton';
import { FindingsPanel } from '../findings/FindingsPanel';
import { RegulationOpinionsPanel } from '../workflow/RegulationOpinionsPanel';
import { RoundComparePanel } from '../workflow/RoundComparePanel';
import { todayLocal } from '../workflow/localDate';
import { ErrorAlert, notifyError } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useFormatters } from '../../components/useFormatters';
import { zodValidate } from '../../components/zodForm';
import { requestLeave, useLeaveGuard, type LeaveGuard } from '../../components/leaveGuard';
import { ReadOnlyFieldset, useWriteRefusal } from '../workflow/useWritePermission';
import { PageTitle } from '../../components/PageTitle';
import { WARNING_TEXT } from '../../theme';

type Props = { id: string; draftId?: undefined; tab?: string } | { id?: undefined; draftId: string; tab?: undefined };

const EMPTY: RegulationFields = {
  kind: 'tthc',
  change: 'new',
  name: '',
  components: { steps: [''], methods: [], dossier: [{ item: '', copies: 1 }], subjects: [], forms: [], conditions: [], fees: [] },
};

/** Drops blank rows the officer added but did not fill, so they are neither stored nor counted as present. */
function withoutBlankRows(fields: RegulationFields): RegulationFields {
  const c = fields.components;
  const texts = (values?: string[]) => values?.map((value) => value.trim()).filter((value) => value.length > 0);
  const optionalText = (value?: string) => (value?.trim() ? value.trim() : undefined);
  // The figures before the draft describe a regulation in force; a new one hides them and they are not sent.
  const baseline = fields.change === 'new' ? undefined : fields.baseline;
  const hasBaseline = baseline !== undefined && Object.values(baseline).some((value) => value !== undefined);
  return {
    ...fields,
    baseline: hasBaseline ? baseline : undefined,
    nationalCode: optionalText(fields.nationalCode),
    article: optionalText(fields.article),
    field: optionalText(fields.field),
    components: {
      steps: texts(c.steps),
      methods: c.methods,
      dossier: c.dossier?.filter((row) => row.item.trim().length > 0),
      timeLimitDays: typeof c.timeLimitDays === 'number' ? c.timeLimitDays : undefined,
      subjects: c.subjects,
      agency: optionalText(c.agency),
      result: optionalText(c.result),
      forms: texts(c.forms),
      conditions: texts(c.conditions),
      fees: c.fees?.filter((fee) => fee.name.trim().length > 0),
    },
  };
}

export function RegulationPage(props: Props) {
  const { t } = useTranslation();
  const existing = useApiData(() => (props.id ? api.getRegulation({ id: props.id }) : Promise.resolve(undefined)), [props.id]);
  const draftId = props.draftId ?? existing.data?.draftId;
  const draft = useApiData(() => (draftId ? api.getDraft({ id: draftId }) : Promise.resolve(undefined)), [draftId]);
  const [tab, setTab] = useState(props.tab ?? 'components');
  const refusal = useWriteRefusal(draft.data?.status, 'regulation');
  const trashRefusal = useWriteRefusal(draft.data?.status, 'regulation_trash');

  if (existing.error) return <ErrorAlert error={existing.error} />;
  if (draft.error) return <ErrorAlert error={draft.error} />;
  if ((props.id && !existing.data) || !draft.data) return <Loader />;

  const initial = existing.data
    ? {
        kind: existing.data.kind,
        change: existing.data.change,
        nationalCode: existing.data.nationalCode ?? '',
        name: existing.data.name,
        article: existing.data.article ?? '',
        field: existing.data.field ?? '',
        level: existing.data.level,
        baseline: existing.data.baseline,
        components: { ...EMPTY.components, ...existing.data.components },
      }
    : EMPTY;
  const form = (
    <RegulationForm
      key={existing.data?.id ?? 'new'}
      regulationId={existing.data?.id}
      draftId={draft.data.id}
      draftTitle={draft.data.title}
      docType={draft.data.docType}
      referenceDate={draftReferenceDate(draft.data, todayLocal())}
      initial={initial}
      assessment={existing.data?.assessment}
      title={t(existing.data ? 'regulation.editTitle' : 'regulation.newTitle')}
      refusal={refusal}
      trashRefusal={trashRefusal}
      // The header, the rounds' "current" side and the other tabs read the saved regulation: reload it after each save.
      onSaved={existing.reload}
    />
  );
  if (!existing.data) return form;
  // Each stage of the work on one regulation has its own tab; the components form comes first.
  const regulation = existing.data;
  return (
    <Stack gap="sm">
      <div>
        <Anchor component={Link} href={`/drafts/${regulation.draftId}`} size="sm">
          ← {regulation.draftTitle}
        </Anchor>
        <Group gap="sm" align="baseline">
          <PageTitle>{regulation.name}</PageTitle>
          <Badge variant="light">{t(`kindShort.${regulation.kind}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`change.${regulation.change}`)}
          </Badge>
        </Group>
      </div>
    <Tabs
      value={tab}
      onChange={(next) =>
        next &&
        requestLeave(() => {
          // The other tabs change the regulation too (its assessment's kept conditions feed the figures shown here).
          if (next === 'components') existing.reload();
          setTab(next);
        })
      }
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="components">{t('regulation.tabs.components')}</Tabs.Tab>
        <Tabs.Tab value="assessment">{t('assessment.tab')}</Tabs.Tab>
        <Tabs.Tab value="findings">{t('findings.tab')}</Tabs.Tab>
        <Tabs.Tab value="opinions">{t('workflow.tabs.opinions')}</Tabs.Tab>
        <Tabs.Tab value="rounds">{t('workflow.tabs.rounds')}</Tabs.Tab>
        {regulation.nationalCode && <Tabs.Tab value="catalogue">{t('catalogue.compareTab')}</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="components">{form}</Tabs.Panel>
      <Tabs.Panel value="assessment">
        <AssessmentFormButton regulationId={existing.data.id} />
        <AssessmentTab regulationId={existing.data.id} />
      </Tabs.Panel>
      <Tabs.Panel value="findings">
        <FindingsPanel regulationId={regulation.id} />
      </Tabs.Panel>
      <Tabs.Panel value="opinions">
        <RegulationOpinionsPanel regulation={existing.data} />
      </Tabs.Panel>
      <Tabs.Panel value="rounds">
        <RoundComparePanel regulation={existing.data} />
      </Tabs.Panel>
      <Tabs.Panel value="catalogue">
        <CatalogueComparePanel regulation={existing.data} />
      </Tabs.Panel>
    </Tabs>
    </Stack>
  );
}

type FormProps = {
  regulationId: string | undefined;
  draftId: string;
  draftTitle: string;
  docType: DocType;
  /** The day the draft's lists are judged by (levels valid then). */
  referenceDate: string;
  initial: RegulationFields;
  /** The stored assessment: a QĐKD one's per-condition table gives the conditions kept. */
  assessment: Assessment | undefined;
  title: string;
  /** Why this installation may not change the regulation now; the form is read-only when set. */
  refusal: string | null;
  /** Why it may not be deleted (into the trash) now; the Delete button is hidden when set. */
  trashRefusal: string | null;
  onSaved: () => void;
};

function RegulationForm({ regulationId, draftId, draftTitle, docType, referenceDate, initial, assessment, title, refusal, trashRefusal, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [saving, setSaving] = useState(false);
  const [picking, setPicking] = useState(false);
  const form = useForm<RegulationFields>({
    initialValues: initial,
    validate: (values) => zodValidate(regulationEntrySchema)(withoutBlankRows(values)),
  });

  /** Saves what is on screen; false when it was not saved (invalid, or refused), so a pending navigation waits. */
  const save = async (): Promise<boolean> => {
    if (form.validate().hasErrors) return false;
    setSaving(true);
    try {
      const values = form.getValues();
      const fields = withoutBlankRows(values);
      const saved = regulationId
        ? await api.updateRegulation({ id: regulationId, fields })
        : await api.createRegulation({ draftId, fields });
      form.resetDirty(values);
      notifications.show({ color: 'green', message: t('app.saved') });
      if (regulationId) onSaved();
      else navigate(`/regulations/${saved.id}`);
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  // The guard reads the latest form and save through a ref: it is registered once, while the form is mounted.
  const latest = useRef({ form, save, refusal });
  useEffect(() => {
    latest.current = { form, save, refusal };
  });
  const guard = useMemo<LeaveGuard>(
    () => ({
      isDirty: () => latest.current.refusal === null && latest.current.form.isDirty(),
      save: () => latest.current.save(),
      discard: () => latest.current.form.reset(),
    }),
    [],
  );
  useLeaveGuard(guard);
  // Ctrl+S (⌘S) saves, even while typing in a field.
  useHotkeys([['mod+S', () => refusal === null && void save()]], []);
  const dirty = form.isDirty();

  /** Fills the form from the published record; a new regulation becomes an amendment of it. */
  const startFrom = (procedure: CatalogueProcedure) => {
    const change = form.values.change === 'new' ? 'amended' : form.values.change;
    const fields = regulationFromCatalogue(procedure, change);
    form.setValues({ ...fields, article: form.values.article, components: { ...EMPTY.components, ...fields.components } });
    setPicking(false);
    notifications.show({ color: 'blue', message: t('catalogue.filled', { code: procedure.code, decision: procedure.publicationDecision }) });
  };

  const remove = () =>
    modals.openConfirmModal({
      title: t('regulation.deleteConfirm'),
      labels: { confirm: t('app.delete'), cancel: t('app.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        if (!regulationId) return;
        api.deleteRegulation({ id: regulationId }).then(() => {
          form.resetDirty();
          notifications.show({ message: t('regulation.deleted') });
          navigate(`/drafts/${draftId}`);
        }, notifyError);
      },
    });

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        {/* The save bar stays in view under the app header however far the form scrolls. */}
        <Paper pos="sticky" top={56} py="xs" style={{ zIndex: 5 }} radius={0} data-testid="save-bar">
          <Group justify="space-between" align="flex-end">
            <div>
              {!regulationId && (
                <Anchor component={Link} href={`/drafts/${draftId}`} size="sm">
                  ← {draftTitle}
                </Anchor>
              )}
              {regulationId ? <Title order={2} size="h4">{title}</Title> : <PageTitle>{title}</PageTitle>}
            </div>
            {refusal === null && (
              <Group>
                <Text size="sm" c={dirty ? WARNING_TEXT : 'dimmed'} data-testid="save-state">
                  {dirty ? t('daily.leave.unsaved') : regulationId ? t('daily.leave.allSaved') : ''}
                </Text>
                <Button variant="light" leftSection={<IconDatabaseSearch size={16} />} onClick={() => setPicking(true)} title={t('catalogue.startHint')}>
                  {t('catalogue.start')}
                </Button>
                {regulationId && trashRefusal === null && (
                  <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove}>
                    {t('app.delete')}
                  </Button>
                )}
                <Button type="submit" loading={saving} title={t('daily.leave.shortcut')}>
                  {t('app.save')}
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
        <ReadOnlyFieldset refusal={refusal}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <GeneralSection form={form} referenceDate={referenceDate} />
              {form.values.change !== 'new' && <BaselineSection form={form} assessment={assessment} />}
              <ComponentsSection form={form} docType={docType} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ComponentChecklist form={form} docType={docType} />
          </Grid.Col>
        </Grid>
        </ReadOnlyFieldset>
      </Stack>
      <CataloguePickerModal opened={picking} onClose={() => setPicking(false)} onPick={startFrom} />
    </form>
  );
}

type SectionProps = { form: UseFormReturnType<RegulationFields> };

function GeneralSection({ form, referenceDate }: SectionProps & { referenceDate: string }) {
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

/**
 * The figures before the draft beside those after it, as the period measures count them (measures.ts): the time limit
 * after is the draft's own, the conditions after are those the QĐKD assessment keeps, else the draft's conditions.
 */
function BaselineSection({ form, assessment }: SectionProps & { assessment: Assessment | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { change, components, baseline } = form.values;
  const assessed = assessment ? assessedConditionCounts(assessment) : undefined;
  const cleanBaseline = withoutBlankRows(form.values).baseline;
  const measures = regulationMeasures({ change, components: withoutBlankRows(form.values).components, baseline: cleanBaseline }, assessed);
  // The whole object is set: a path into a baseline not yet there would not be created.
  const setBaseline = (key: 'timeLimitDays' | 'businessConditions', value: string | number) =>
    form.setFieldValue('baseline', { ...form.getValues().baseline, [key]: typeof value === 'number' ? value : undefined });
  const conditionsAfter =
    change === 'abolished'
      ? t('regulation.baseline.abolished')
      : assessed
        ? `${format.integer(assessed.kept)} (${t('regulation.baseline.conditionsFromAssessment', { kept: assessed.kept, listed: assessed.listed })})`
        : `${format.integer(components.conditions?.filter((condition) => condition.trim()).length ?? 0)} (${t('regulation.baseline.conditionsFromComponents')})`;
  const timeAfter =
    change === 'abolished'
      ? t('regulation.baseline.abolished')
      : typeof components.timeLimitDays === 'number'
        ? `${format.decimal(components.timeLimitDays, Number.isInteger(components.timeLimitDays) ? 0 : 1)} ${t('regulation.days')}`
        : t('regulation.baseline.notSet');
  return (
    <Paper withBorder p="md" data-testid="baseline-section">
      <Title order={5}>{t('regulation.baseline.title')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('regulation.baseline.hint')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={t('regulation.baseline.timeBefore')}
            min={0}
            max={ENTRY_LIMITS.timeLimitDays.max}
            clampBehavior="none"
            suffix={` ${t('regulation.days')}`}
            {...form.getInputProps('baseline.timeLimitDays')}
            value={baseline?.timeLimitDays ?? ''}
            onChange={(value) => setBaseline('timeLimitDays', value)}
          />
          <MeasureLine label={t('regulation.baseline.timeAfter')} after={timeAfter} pair={measures.timeLimitDays} testId="time-measure" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={t('regulation.baseline.conditionsBefore')}
            description={baseline?.businessConditions === undefined && assessed && change !== 'new' ? t('regulation.baseline.conditionsListedBefore', { listed: assessed.listed }) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            min={0}
            clampBehavior="none"
            allowDecimal={false}
            {...form.getInputProps('baseline.businessConditions')}
            value={baseline?.businessConditions ?? ''}
            onChange={(value) => setBaseline('businessConditions', value)}
          />
          <MeasureLine label={t('regulation.baseline.conditionsAfter')} after={conditionsAfter} pair={measures.businessConditions} testId="conditions-measure" />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function MeasureLine({ label, after, pair, testId }: { label: string; after: string; pair: MeasurePair | null; testId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const share = measureTotal([pair]).reductionShare;
  return (
    <Group gap="xs" mt={6} data-testid={testId}>
      <Text size="sm">
        {label}: {after}
      </Text>
      {share !== null && (
        <Badge variant="light" color={share > 0 ? 'green' : share < 0 ? 'red' : 'gray'}>
          {share === 0 ? t('regulation.baseline.unchanged') : t(share > 0 ? 'regulation.baseline.reduction' : 'regulation.baseline.increase', { share: format.percent(Math.abs(share)) })}
        </Badge>
      )}
    </Group>
  );
}

/** A list of texts with add/remove buttons: steps, forms, conditions; a step may run to several lines. */
function TextListInput({ form, path, addLabel, placeholder }: SectionProps & { path: 'steps' | 'forms' | 'conditions'; addLabel: string; placeholder?: (index: number) => string }) {
  const values = form.values.components[path] ?? [];
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
          />
          <ActionIcon variant="subtle" color="gray" aria-label="Xóa dòng" onClick={() => form.removeListItem(`components.${path}`, index)}>
            <IconTrash size={16} />
          </ActionIcon>
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

function ComponentsSection({ form, docType }: SectionProps & { docType: DocType }) {
  const { t } = useTranslation();
  const required = new Set(requiredComponents(docType));
  const components = form.values.components;
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
          <Checkbox.Group {...form.getInputProps('components.methods')} value={components.methods ?? []}>
            <Group>
              {FILING_METHODS.map((method) => (
                <Checkbox key={method} value={method} label={t(`method.${method}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </div>
        <div>
          <ComponentLabel componentKey="dossier" required={required.has('dossier')} />
          <Stack gap={6}>
            {(components.dossier ?? []).map((_, index) => (
              <Group key={index} gap={6} wrap="nowrap">
                <TextInput style={{ flex: 1 }} aria-label={t('regulation.dossierItem')} placeholder={t('regulation.dossierItem')} {...form.getInputProps(`components.dossier.${index}.item`)} />
                <NumberInput w={110} aria-label={t('regulation.copies')} placeholder={t('regulation.copies')} min={ENTRY_LIMITS.copies.min} max={ENTRY_LIMITS.copies.max} clampBehavior="none" allowDecimal={false} suffix=" bản" {...form.getInputProps(`components.dossier.${index}.copies`)} />
                <ActionIcon variant="subtle" color="gray" aria-label="Xóa dòng" onClick={() => form.removeListItem('components.dossier', index)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem('components.dossier', { item: '', copies: 1 })}>
              {t('regulation.addDossierItem')}
            </Button>
          </Stack>
        </div>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <ComponentLabel componentKey="timeLimitDays" required={required.has('timeLimitDays')} />
            <NumberInput
              aria-label={t('component.timeLimitDays')}
              min={0}
              max={ENTRY_LIMITS.timeLimitDays.max}
              clampBehavior="none"
              suffix={` ${t('regulation.days')}`}
              {...form.getInputProps('components.timeLimitDays')}
              value={components.timeLimitDays ?? ''}
              onChange={(value) => form.setFieldValue('components.timeLimitDays', typeof value === 'number' ? value : undefined)}
            />
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
        <div>
          <ComponentLabel componentKey="fees" required={false} />
          <Stack gap={6}>
            {(components.fees ?? []).map((_, index) => (
              <Group key={index} gap={6} wrap="nowrap">
                <TextInput style={{ flex: 1 }} aria-label={t('regulation.feeName')} placeholder={t('regulation.feeName')} {...form.getInputProps(`components.fees.${index}.name`)} />
                <NumberInput w={200} aria-label={t('regulation.feeAmount')} placeholder={t('regulation.feeAmount')} min={0} clampBehavior="none" thousandSeparator="." decimalSeparator="," suffix=" đ" {...form.getInputProps(`components.fees.${index}.amount`)} />
                <ActionIcon variant="subtle" color="gray" aria-label="Xóa dòng" onClick={() => form.removeListItem('components.fees', index)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem('components.fees', { name: '', amount: 0 })}>
              {t('regulation.addFee')}
            </Button>
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}

function ComponentChecklist({ form, docType }: SectionProps & { docType: DocType }) {
  const { t } = useTranslation();
  const required = useMemo(() => new Set(requiredComponents(docType)), [docType]);
  const cleaned = withoutBlankRows(form.values);
  return (
    <Paper withBorder p="md" pos="sticky" top={124}>
      <Title order={5}>{t('regulation.checklist')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('regulation.checklistHint', { docType: t(`docType.${docType}`) })}
      </Text>
      {setsProceduresOnlyWhenDelegated(docType) && (
        <Text size="xs" c={WARNING_TEXT} mb="sm">
          {t('validity.delegatedOnly')}
        </Text>
      )}
      <List spacing={6} size="sm" data-testid="component-checklist">
        {COMPONENT_KEYS.map((key) => {
          const filled = isComponentFilled(cleaned, key);
          // An abolished regulation is struck out, not described again (as missingComponents counts it).
          const isRequired = form.values.change !== 'abolished' && required.has(key);
          return (
            <List.Item
              key={key}
              data-filled={filled}
              icon={
                <ThemeIcon size={18} radius="xl" color={filled ? 'green' : isRequired ? 'orange' : 'gray'} variant={filled ? 'filled' : 'light'}>
                  {filled ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
                </ThemeIcon>
              }
            >
              {t(`component.${key}`)}
              {isRequired && <Text span c="red"> *</Text>}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
