import { Autocomplete, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { draftEntrySchema, type DraftDetail, type DraftFields } from '../../../../shared/contract/api';
import { ApiError } from '../../../../shared/contract/errors';
import { docTypesOn, docTypeWarning, draftingAgenciesOn, draftingAgencyWarning, draftReferenceDate } from '../../../../shared/domain/administrativeReference';
import { defaultDocType, submittedToGovernmentByDefault } from '../../../../shared/domain/draftDefaults';
import type { DocType } from '../../../../shared/domain/vocabulary';
import { formatDate } from '../../../../shared/i18n/format';
import { useProfile } from '../workflow/profileStore';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { keepEnterInField, useSaveShortcut } from '../../components/formKeys';
import { zodValidate } from '../../components/zodForm';
import { SaveConflictDialog, type ConflictField, type SaveConflict } from '../../components/SaveConflictDialog';
import { ValidityNote } from '../catalogue/ValidityNote';
import { todayLocal } from '../workflow/localDate';

type Props = {
  opened: boolean;
  onClose: () => void;
  onSaved: (draft: DraftDetail) => void;
  /** When given, the modal edits this draft instead of creating one. */
  draft?: DraftDetail;
};

const EMPTY: DraftFields = { docType: 'nghi_dinh', title: '', draftingAgency: '', submittedToGovernment: true };

/** Which examples the title and agency fields show: a province's or a commune's officer sees a local document's. */
const PLACEHOLDER_LEVEL: Partial<Record<DocType, 'Province' | 'Commune'>> = {
  nghi_quyet_hdnd: 'Province',
  quyet_dinh_ubnd: 'Province',
  quyet_dinh_ct_ubnd: 'Province',
  nghi_quyet_hdnd_xa: 'Commune',
  quyet_dinh_ubnd_xa: 'Commune',
};

const fieldsOf = (draft: DraftDetail): DraftFields => ({
  docType: draft.docType,
  title: draft.title,
  draftingAgency: draft.draftingAgency,
  submittedToGovernment: draft.submittedToGovernment,
});

/** The form's fields in the conflict view, as the officer reads them. */
function draftConflictFields(mine: DraftFields, stored: DraftFields, t: TFunction): ConflictField[] {
  const yesNo = (value: boolean) => t(value ? 'app.yes' : 'app.no');
  return [
    { key: 'docType', label: t('drafts.form.docType'), mine: t(`docType.${mine.docType}`), stored: t(`docType.${stored.docType}`) },
    { key: 'title', label: t('drafts.form.title'), mine: mine.title, stored: stored.title },
    { key: 'draftingAgency', label: t('drafts.form.agency'), mine: mine.draftingAgency, stored: stored.draftingAgency },
    { key: 'submittedToGovernment', label: t('drafts.form.government'), mine: yesNo(mine.submittedToGovernment), stored: yesNo(stored.submittedToGovernment) },
  ];
}

export function DraftFormModal({ opened, onClose, onSaved, draft }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<(SaveConflict<DraftFields> & { storedDraft: DraftDetail }) | null>(null);
  const form = useForm<DraftFields>({ initialValues: EMPTY, validate: zodValidate(draftEntrySchema) });
  const { profile } = useProfile();
  // A drafting agency's installation records its own drafts: its name is the default agency.
  const ownAgency = profile?.role === 'drafter' ? profile.agency : '';

  // A new draft starts on the type its agency's level drafts: a province's officer was offered «Nghị định» (issue 20).
  const startingType = defaultDocType(profile?.agency ?? '', docTypesOn(draftReferenceDate(undefined, todayLocal())));

  useEffect(() => {
    if (!opened) return;
    form.setValues(draft ? fieldsOf(draft) : { ...EMPTY, docType: startingType, submittedToGovernment: submittedToGovernmentByDefault(startingType), draftingAgency: ownAgency });
    // Reset only when the modal opens; the form object is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, draft, ownAgency, startingType]);

  /** Saves the fields on `version` of the draft (the one the form read, or the stored one once the officer has seen it). */
  const save = async (fields: DraftFields, version: number | undefined) => {
    setSaving(true);
    try {
      const saved = draft ? await api.updateDraft({ id: draft.id, version: version ?? draft.version, fields }) : await api.createDraft(fields);
      onSaved(saved);
      onClose();
    } catch (error) {
      // Someone saved the draft since this form read it: show both, lose nothing, let the officer choose.
      const stored = draft && error instanceof ApiError && error.conflict ? await api.getDraft({ id: draft.id }).catch(() => undefined) : undefined;
      if (stored && error instanceof ApiError && error.conflict) {
        setConflict({ detail: error.conflict, mine: fields, stored: fieldsOf(stored), storedVersion: stored.version, storedDraft: stored });
        return;
      }
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };
  const submit = form.onSubmit((fields) => save(fields, draft?.version));

  // The lists offer what was valid on the draft's date; a stored value that was not stays, with a warning.
  const referenceDate = draftReferenceDate(draft, todayLocal());
  const docTypes = docTypesOn(referenceDate);
  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(formRef, opened ? () => formRef.current?.requestSubmit() : null);
  const { docType, draftingAgency } = form.values;
  const offeredDocTypes = docTypes.includes(docType) ? docTypes : [...docTypes, docType];

  return (
    <Modal opened={opened} onClose={onClose} title={t(draft ? 'drafts.form.editTitle' : 'drafts.form.createTitle')} size="lg">
      <form ref={formRef} onSubmit={submit} onKeyDown={keepEnterInField}>
        <Stack>
          <Text size="xs" c="dimmed" mb={-8}>
            {t('validity.asOf', { date: formatDate(referenceDate) })}
          </Text>
          <div>
            <Select
              label={t('drafts.form.docType')}
              data={offeredDocTypes.map((value) => ({ value, label: t(`docType.${value}`) }))}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('docType')}
              onChange={(value) => {
                if (!value) return;
                const chosen = value as DocType;
                form.setFieldValue('docType', chosen);
                // The review stage follows from the type; the officer can still untick or tick it.
                form.setFieldValue('submittedToGovernment', submittedToGovernmentByDefault(chosen));
              }}
            />
            <ValidityNote warning={docTypeWarning(docType, referenceDate)} date={referenceDate} />
          </div>
          <TextInput
            label={t('drafts.form.title')}
            placeholder={t(`drafts.form.titlePlaceholder${PLACEHOLDER_LEVEL[docType] ?? ''}`)}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <div>
            <Autocomplete
              label={t('drafts.form.agency')}
              placeholder={t(`drafts.form.agencyPlaceholder${PLACEHOLDER_LEVEL[docType] ?? ''}`)}
              data={draftingAgenciesOn(referenceDate, docType)}
              limit={40}
              {...form.getInputProps('draftingAgency')}
            />
            <ValidityNote warning={draftingAgencyWarning(draftingAgency, referenceDate)} date={referenceDate} />
          </div>
          <Checkbox label={t('drafts.form.government')} {...form.getInputProps('submittedToGovernment', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {conflict && (
        <SaveConflictDialog
          record="draft"
          detail={conflict.detail}
          fields={draftConflictFields(conflict.mine, conflict.stored, t)}
          onClose={() => setConflict(null)}
          onKeepMine={() => {
            // Deliberately over what is stored now, having seen it.
            setConflict(null);
            void save(form.getValues(), conflict.storedVersion);
          }}
          onTakeStored={() => {
            setConflict(null);
            onSaved(conflict.storedDraft);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
