import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { profileSchema, type Profile } from '../../../../shared/contract/api';
import { ROLES } from '../../../../shared/domain/vocabulary';
import { zodValidate } from '../../components/zodForm';
import { saveProfile } from './profileStore';
import { useBusyAction } from './useBusyAction';

const BLANK: Profile = { agency: '', role: 'drafter', officerName: '' };

/** Agency, role and officer of this installation; used by the first-start dialog and by Settings. */
export function ProfileForm({ initial }: { initial: Profile | null }) {
  const { t } = useTranslation();
  const saving = useBusyAction();
  const form = useForm<Profile>({ initialValues: initial ?? BLANK, validate: zodValidate(profileSchema) });

  const submit = form.onSubmit((values) =>
    saving.run(async () => {
      await saveProfile(values);
      notifications.show({ color: 'green', message: t('workflow.profile.saved') });
    }),
  );

  return (
    <form onSubmit={submit}>
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
        <Text size="xs" c="dimmed">
          {t('workflow.profile.why')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            {t('workflow.profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
