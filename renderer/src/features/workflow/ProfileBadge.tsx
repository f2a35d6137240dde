import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useProfile } from './profileStore';

/** The header's reminder of who this installation acts as; a click opens Settings to change it. */
export function ProfileBadge() {
  const { t } = useTranslation();
  const { profile } = useProfile();
  return (
    <UnstyledButton component={Link} href="/settings" aria-label={t('workflow.profile.headerLabel')} data-testid="profile-badge">
      <Group gap={6} wrap="nowrap">
        <IconUserCircle size={20} color="white" />
        {profile ? (
          <>
            <Badge color="yellow" variant="filled" size="sm">
              {t(`role.${profile.role}`)}
            </Badge>
            <Text size="sm" c="white" truncate="end" maw={320}>
              {profile.agency} · {profile.officerName}
            </Text>
          </>
        ) : (
          <Text size="sm" c="navy.1">
            {t('workflow.profile.notSet')}
          </Text>
        )}
      </Group>
    </UnstyledButton>
  );
}
