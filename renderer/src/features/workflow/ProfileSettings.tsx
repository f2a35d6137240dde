import { Loader, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './profileStore';

/** The Settings section where the agency, role and officer of this installation are changed. */
export function ProfileSettings() {
  const { t } = useTranslation();
  const { loaded, profile } = useProfile();
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t('workflow.profile.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('workflow.profile.settingsHint')}
      </Text>
      {loaded ? <ProfileForm key={JSON.stringify(profile)} initial={profile} /> : <Loader size="sm" />}
    </Paper>
  );
}
