import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IncomeSettings } from '../assessment/IncomeSettings';
import { TeamAccountSettings } from '../team/TeamAccountSettings';
import { useTeamPerson } from '../team/TeamGate';
import { ProfileSettings } from '../workflow/ProfileSettings';
import { SafekeepingSettings } from './SafekeepingSettings';
import { UnitServerSettings } from './UnitServerSettings';
import { PageTitle } from '../../components/PageTitle';

/**
 * Installation settings, one section per concern. On the unit's team server the person comes from their account and
 * the shared database's copies are the server's (main/app.ts refuses them there): neither this machine's profile form
 * nor the backups are shown.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const person = useTeamPerson();
  return (
    <Stack gap="md">
      <PageTitle>{t('app.nav.settings')}</PageTitle>
      <UnitServerSettings />
      {person ? <TeamAccountSettings person={person} /> : <ProfileSettings />}
      <IncomeSettings />
      {!person && <SafekeepingSettings />}
    </Stack>
  );
}
