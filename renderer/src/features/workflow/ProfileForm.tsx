import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { profileSchema, type Profile } from '../../../../shared/contract/api';
import { ROLES } from '../../../../shared/domain/vocabulary';
import { keepEnterInField, useSaveShortcut } from '../../components/formKeys';
import { zodValidate } from '../../components/zodForm';
import { saveProfile } from './profileStore';
import { useBusyAction } from './useBusyAction';
import { showNotice } from '../../components/notices';

const BLANK: Profile = { agency: '', role: 'drafter', officerName: '' };

/**
 * Agency, role and officer of this installation; used by the first-start dialog and by Settings. Only the first start
 * says that Cài đặt can change them later: inside Cài đặt that is where the officer already is.
 */
export function ProfileForm({ initial, firstStart = false }: { initial: Profile | null; firstStart?: boolean }) {
  const { t } = useTranslation();
  const saving = useBusyAction();
  const form = useForm<Profile>({ initialValues: initial ?? BLANK, validate: zodValidate(profileSchema) });

  const submit = form.onSubmit((values) =>
    saving.run(async () => {
      await saveProfile(values);
      showNotice('success', { message: t('workflow.profile.saved') });
    }),
  );

  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(formRef, () => formRef.current?.requestSubmit());

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={keepEnterInField}>
      <Stack gap="md">
        <TextInput
          label={t('workflow.profile.agency')}
          placeholder={t('workflow.profile.agencyPlaceholder')}
          withAsterisk
          {...form.getInputProps('agency')}
        />
        <Radio.Group label={t('workflow.profile.role')} withAsterisk {...form.getInputProps('role')}>
          <Stack gap={6} mt={6}>
            {ROLES.map((role) => (
              <Radio
                key={role}
                value={role}
                label={t(`role.${role}`)}
                description={t(`workflow.profile.roleHint.${role}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('workflow.profile.officerName')}
          placeholder={t('workflow.profile.officerPlaceholder')}
          withAsterisk
          {...form.getInputProps('officerName')}
        />
        {firstStart && (
          <Text size="xs" c="dimmed">
            {t('workflow.profile.why')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            {t('workflow.profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
