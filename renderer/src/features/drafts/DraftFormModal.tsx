import { Autocomplete, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftEntrySchema, type DraftDetail, type DraftFields } from '../../../../shared/contract/api';
import { docTypesOn, docTypeWarning, draftingAgenciesOn, draftingAgencyWarning, draftReferenceDate } from '../../../../shared/domain/administrativeReference';
import { submittedToGovernmentByDefault } from '../../../../shared/domain/draftDefaults';
import type { DocType } from '../../../../shared/domain/vocabulary';
import { formatDate } from '../../../../shared/i18n/format';
import { useProfile } from '../workflow/profileStore';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { keepEnterInField, useSaveShortcut } from '../../components/formKeys';
import { zodValidate } from '../../components/zodForm';
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

export function DraftFormModal({ opened, onClose, onSaved, draft }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const form = useForm<DraftFields>({ initialValues: EMPTY, validate: zodValidate(draftEntrySchema) });
  const { profile } = useProfile();
  // A drafting agency's installation records its own drafts: its name is the default agency.
  const ownAgency = profile?.role === 'drafter' ? profile.agency : '';

  useEffect(() => {
    if (!opened) return;
    form.setValues(
      draft
        ? { docType: draft.docType, title: draft.title, draftingAgency: draft.draftingAgency, submittedToGovernment: draft.submittedToGovernment }
        : { ...EMPTY, draftingAgency: ownAgency },
    );
    // Reset only when the modal opens; the form object is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, draft, ownAgency]);

  const submit = form.onSubmit(async (fields) => {
    setSaving(true);
    try {
      const saved = draft ? await api.updateDraft({ id: draft.id, version: draft.version, fields }) : await api.createDraft(fields);
      onSaved(saved);
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  });

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
            placeholder={t('drafts.form.titlePlaceholder')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <div>
            <Autocomplete
              label={t('drafts.form.agency')}
              placeholder={t('drafts.form.agencyPlaceholder')}
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
    </Modal>
  );
}
