import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftEntrySchema, type DraftDetail, type DraftFields } from '../../../../shared/contract/api';
import { submittedToGovernmentByDefault } from '../../../../shared/domain/draftDefaults';
import { DOC_TYPES, type DocType } from '../../../../shared/domain/vocabulary';
import { useProfile } from '../workflow/profileStore';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { zodValidate } from '../../components/zodForm';

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
      const saved = draft ? await api.updateDraft({ id: draft.id, fields }) : await api.createDraft(fields);
      onSaved(saved);
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t(draft ? 'drafts.form.editTitle' : 'drafts.form.createTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Select
            label={t('drafts.form.docType')}
            data={DOC_TYPES.map((value) => ({ value, label: t(`docType.${value}`) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('docType')}
            onChange={(value) => {
              if (!value) return;
              const docType = value as DocType;
              form.setFieldValue('docType', docType);
              // The review stage follows from the type; the officer can still untick or tick it.
              form.setFieldValue('submittedToGovernment', submittedToGovernmentByDefault(docType));
            }}
          />
          <TextInput
            label={t('drafts.form.title')}
            placeholder={t('drafts.form.titlePlaceholder')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <TextInput
            label={t('drafts.form.agency')}
            placeholder={t('drafts.form.agencyPlaceholder')}
            {...form.getInputProps('draftingAgency')}
          />
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
