import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconDatabaseSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { regulationEntrySchema, type RegulationFields } from '../../../../shared/contract/api';
import { ApiError } from '../../../../shared/contract/errors';
import { regulationFromCatalogue, type CatalogueProcedure } from '../../../../shared/domain/catalogue';
import type { Assessment } from '../../../../shared/domain/dossier';
import type { DocType } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { PageTitle } from '../../components/PageTitle';
import { unsavedKey, useUnsavedWork } from '../../components/unsavedWork';
import { focusFirstError } from '../../components/focusFirstError';
import { keepEnterInField, useSaveShortcut } from '../../components/formKeys';
import { formErrorsFromProblems, zodValidate } from '../../components/zodForm';
import { WARNING_TEXT } from '../../theme';
import { SaveConflictDialog, type SaveConflict } from '../../components/SaveConflictDialog';
import { CataloguePickerModal } from '../catalogue/CataloguePickerModal';
import { ReadOnlyFieldset } from '../workflow/useWritePermission';
import { BaselineSection } from './BaselineSection';
import { ComponentChecklist } from './ComponentChecklist';
import { ComponentsSection } from './ComponentsSection';
import { GeneralSection } from './GeneralSection';
import { regulationConflictFields } from './RegulationConflict';
import { asValidated, EMPTY_REGULATION, regulationFieldsOf, withMethodRows, withoutBlankRows } from './regulationFormValues';
import { showNotice } from '../../components/notices';

type FormProps = {
  regulationId: string | undefined;
  draftId: string;
  draftTitle: string;
  docType: DocType;
  /** The day the draft's lists are judged by (levels valid then). */
  referenceDate: string;
  initial: RegulationFields;
  /** The version `initial` was read at (undefined for a new regulation). */
  initialVersion: number | undefined;
  /** The stored assessment: a QĐKD one's per-condition table gives the conditions kept. */
  assessment: Assessment | undefined;
  title: string;
  /** Why this installation may not change the regulation now; the form is read-only when set. */
  refusal: string | null;
  /** Why it may not be deleted (into the trash) now; the Delete button is hidden when set. */
  trashRefusal: string | null;
  onSaved: () => void;
};

/** The components form of a regulation: its save bar, its sections and the live checklist beside them. */
export function RegulationForm({ regulationId, draftId, draftTitle, docType, referenceDate, initial, initialVersion, assessment, title, refusal, trashRefusal, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [saving, setSaving] = useState(false);
  const [picking, setPicking] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict<RegulationFields> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The version of what the form holds: the one it was opened at, then each of its own saves' (never a reload's, whose
  // newer values the form does not show, so that a save never overwrites a change it did not see).
  const version = useRef(initialVersion);
  const form = useForm<RegulationFields>({
    initialValues: initial,
    validate: (values) => zodValidate(regulationEntrySchema)(asValidated(values)),
  });

  /** Saves what is on screen; false when it was not saved (invalid, or refused), so a pending navigation waits. */
  const save = async (): Promise<boolean> => {
    if (form.validate().hasErrors) {
      focusFirstError(formRef.current);
      return false;
    }
    setSaving(true);
    try {
      const values = form.getValues();
      const fields = withoutBlankRows(values);
      const saved = regulationId
        ? await api.updateRegulation({ id: regulationId, version: version.current ?? 1, fields })
        : await api.createRegulation({ draftId, fields });
      version.current = saved.version;
      form.resetDirty(values);
      showNotice('success', { message: t('app.saved') });
      if (regulationId) onSaved();
      else navigate(`/regulations/${saved.id}`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.conflict && regulationId) {
        // Someone saved since this form read the regulation: show both, lose nothing, let the officer choose.
        const stored = await api.getRegulation({ id: regulationId }).catch(() => undefined);
        if (stored) {
          setConflict({ detail: error.conflict, mine: form.getValues(), stored: regulationFieldsOf(stored), storedVersion: stored.version });
          return false;
        }
      }
      const fieldErrors = error instanceof ApiError ? formErrorsFromProblems(error.problems, 'fields') : {};
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors);
        focusFirstError(formRef.current);
      }
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

  useUnsavedWork({
    key: refusal === null ? unsavedKey(draftId, 'regulation', regulationId ?? 'new') : null,
    saved: form.getInitialValues(),
    current: form.values,
    isDirty: () => refusal === null && form.isDirty(),
    // Work kept before the form held one row per method has its terms in any order: the table reads them by row.
    restore: (values) => form.setValues({ ...values, components: withMethodRows(values.components) }),
    save,
    discard: () => form.reset(),
  });
  // Ctrl+S (⌘S) saves, even while typing in a field.
  useSaveShortcut(formRef, refusal === null ? () => void save() : null);
  const dirty = form.isDirty();
  // The officer opens the form to type: the cursor starts in its first field (the name).
  const editable = refusal === null;
  useEffect(() => {
    if (editable) formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not(:disabled), textarea:not(:disabled)')?.focus({ preventScroll: true });
  }, [editable]);

  /** Fills the form from the published record; a new regulation becomes an amendment of it. */
  const startFrom = (procedure: CatalogueProcedure) => {
    const change = form.values.change === 'new' ? 'amended' : form.values.change;
    const fields = regulationFromCatalogue(procedure, change);
    form.setValues({ ...fields, article: form.values.article, components: withMethodRows({ ...EMPTY_REGULATION.components, ...fields.components }) });
    setPicking(false);
    showNotice('info', { message: t('catalogue.filled', { code: procedure.code, decision: procedure.publicationDecision }) });
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
          showNotice('info', { message: t('regulation.deleted') });
          navigate(`/drafts/${draftId}`);
        }, notifyError);
      },
    });

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={keepEnterInField}>
      <Stack gap="md">
        {/* The title and the way to start from the national database stay in view under the app header. */}
        <Paper pos="sticky" top={56} py="xs" style={{ zIndex: 5 }} radius={0}>
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
              <Button variant="light" leftSection={<IconDatabaseSearch size={16} />} onClick={() => setPicking(true)} title={t('catalogue.startHint')}>
                {t('catalogue.start')}
              </Button>
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
        {/* Save comes after the fields, in the tab order as on the screen, and stays in view at the bottom. */}
        {refusal === null && (
          <Paper pos="sticky" bottom={0} py="xs" style={{ zIndex: 5 }} radius={0} data-testid="save-bar">
            <Group justify="flex-end">
              <Text size="sm" c={dirty ? WARNING_TEXT : 'dimmed'} data-testid="save-state">
                {dirty ? t('daily.leave.unsaved') : regulationId ? t('daily.leave.allSaved') : ''}
              </Text>
              {regulationId && trashRefusal === null && (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove}>
                  {t('app.delete')}
                </Button>
              )}
              <Button type="submit" loading={saving} title={t('daily.leave.shortcut')}>
                {t('app.save')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
      <CataloguePickerModal opened={picking} onClose={() => setPicking(false)} onPick={startFrom} />
      {conflict && (
        <SaveConflictDialog
          record="regulation"
          detail={conflict.detail}
          fields={regulationConflictFields(conflict.mine, conflict.stored, t)}
          onClose={() => setConflict(null)}
          onKeepMine={() => {
            // Deliberately over what is stored now, having seen it.
            version.current = conflict.storedVersion;
            setConflict(null);
            void save();
          }}
          onTakeStored={() => {
            form.setValues(conflict.stored);
            form.resetDirty(conflict.stored);
            version.current = conflict.storedVersion;
            setConflict(null);
            onSaved();
          }}
        />
      )}
    </form>
  );
}
