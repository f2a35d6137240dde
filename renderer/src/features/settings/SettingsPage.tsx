import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IncomeSettings } from '../assessment/IncomeSettings';
import { ProfileSettings } from '../workflow/ProfileSettings';
import { SafekeepingSettings } from './SafekeepingSettings';

/** Installation settings, one section per concern. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={3}>{t('app.nav.settings')}</Title>
      <ProfileSettings />
      <IncomeSettings />
      <SafekeepingSettings />
    </Stack>
  );
}
