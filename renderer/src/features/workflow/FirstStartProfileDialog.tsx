import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './profileStore';

/** The app asks who you are once, before anything else: every step of the workflow is recorded in that name. */
export function FirstStartProfileDialog() {
  const { t } = useTranslation();
  const { loaded, profile } = useProfile();
  return (
    <Modal
      opened={loaded && profile === null}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('workflow.profile.firstStartTitle')}
      size="lg"
    >
      <ProfileForm initial={null} firstStart />
    </Modal>
  );
}
