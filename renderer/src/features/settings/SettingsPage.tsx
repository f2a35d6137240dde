import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IncomeSettings } from '../assessment/IncomeSettings';
import { ProfileSettings } from '../workflow/ProfileSettings';
import { SafekeepingSettings } from './SafekeepingSettings';
import { UnitServerSettings } from './UnitServerSettings';
import { PageTitle } from '../../components/PageTitle';

/** Installation settings, one section per concern. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{t('app.nav.settings')}</PageTitle>
      <UnitServerSettings />
      <ProfileSettings />
      <IncomeSettings />
      <SafekeepingSettings />
    </Stack>
  );
}
