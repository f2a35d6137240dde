import { Badge, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconChevronDown, IconKey, IconLogout, IconSettings, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ROLES, type Role } from '../../../../shared/domain/vocabulary';
import { notifyError } from '../../components/errors';
import { chooseTeamRole, signOut, signOutEverywhere } from '../../apiClient';
import { leaveTeam, useTeamPerson } from '../team/TeamGate';
import { ChangePasswordForm } from '../team/ChangePasswordForm';
import { reloadProfile, saveProfile, useProfile } from './profileStore';
import { showNotice } from '../../components/notices';

/**
 * The header's reminder of who this installation acts as, and a quick switch of its role: the role is saved in the
 * profile (as Settings would save it), so every step taken afterwards is recorded under the role shown here, and the
 * screens' read-only rules follow it at once. The agency and officer stay; Settings changes those. On the team server it
 * shows the signed-in person, offers only the roles their account holds (chosen for this tab, the server checking
 * each call) and signs out.
 */
export function ProfileBadge() {
  const { t } = useTranslation();
  const { loaded, profile } = useProfile();
  const person = useTeamPerson();
  // Until the profile has arrived nothing is offered: a click in that moment would otherwise land on «chưa thiết lập»'s
  // link to Settings instead of opening the person's menu.
  if (!loaded) return null;
  if (!profile) {
    return (
      <UnstyledButton component={Link} href="/settings" data-testid="profile-badge">
        <Group gap={6} wrap="nowrap">
          <IconUserCircle size={20} color="white" aria-hidden />
          <Text size="sm" c="white">
            {t('workflow.profile.notSet')}
          </Text>
        </Group>
      </UnstyledButton>
    );
  }

  const switchTo = async (role: Role) => {
    if (role === profile.role) return;
    try {
      if (person) {
        chooseTeamRole(role);
        await reloadProfile();
        showNotice('info', { message: t('team.person.switched', { role: t(`role.${role}`) }) });
        return;
      }
      await saveProfile({ ...profile, role });
      showNotice('info', { message: t('workflow.profile.switched', { role: t(`role.${role}`) }) });
    } catch (error) {
      notifyError(error);
    }
  };

  /** Header → the person's menu → Đổi mật khẩu: their other sessions end, this one stays. */
  const changePassword = () => {
    const id = modals.open({
      title: t('team.password.change'),
      size: 'md',
      children: (
        <ChangePasswordForm
          oneTime={false}
          onCancel={() => modals.close(id)}
          onChanged={() => {
            modals.close(id);
            showNotice('info', { message: t('team.password.done') });
          }}
        />
      ),
    });
  };

  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={300} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton data-testid="profile-badge" data-role={profile.role}>
          <Group gap={6} wrap="nowrap">
            <IconUserCircle size={20} color="white" aria-hidden />
            <Badge color="yellow.4" c="dark.9" variant="filled" size="sm">
              {t(`role.${profile.role}`)}
            </Badge>
            <Text size="sm" c="white" truncate="end" maw={320}>
              {profile.agency} · {profile.officerName}
            </Text>
            {/* Read after the visible role and name, so that the button's name starts with what is seen. */}
            <VisuallyHidden>{t('workflow.profile.switchHint')}</VisuallyHidden>
            <IconChevronDown size={14} color="white" aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(person ? 'team.person.switchTitle' : 'workflow.profile.switchTitle')}</Menu.Label>
        {(person ? person.roles : ROLES).map((role) => (
          <Menu.Item
            key={role}
            data-current={role === profile.role || undefined}
            leftSection={role === profile.role ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16, display: 'inline-block' }} />}
            onClick={() => void switchTo(role)}
          >
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={role === profile.role ? 700 : 400}>
                {t(`role.${role}`)}
              </Text>
              {role === profile.role && (
                <Badge size="xs" variant="light" color="navy">
                  {t('workflow.profile.current')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t(`workflow.profile.roleHint.${role}`)}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        {person ? (
          <>
            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={changePassword}>
              {t('team.password.change')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut().finally(leaveTeam)}>
              {t('team.person.signOut')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOutEverywhere().finally(leaveTeam)}>
              {t('team.person.signOutEverywhere')}
            </Menu.Item>
          </>
        ) : (
          <Menu.Item component={Link} href="/settings" leftSection={<IconSettings size={16} aria-hidden />}>
            {t('workflow.profile.openSettings')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
