// The UI side of the one permission table: data the services would refuse to write is shown read-only, with the
// same Vietnamese reason the service would give.
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { writeRefusal, type DataKind } from '../../../../shared/domain/permissions';
import type { DraftStatus } from '../../../../shared/domain/vocabulary';
import { useProfile } from './profileStore';

/** Why this installation may not write `kind` on a draft in `status` (null when it may); unnamed installations act as the drafter, as the services do. */
export function useWriteRefusal(status: DraftStatus | undefined, kind: DataKind): string | null {
  const { profile } = useProfile();
  return status ? writeRefusal(profile?.role ?? 'drafter', status, kind) : null;
}

/** Its children disabled (a native fieldset disables every input inside) under a note saying why, when `refusal` is set. */
export function ReadOnlyFieldset({ refusal, children }: { refusal: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  if (!refusal) return <>{children}</>;
  return (
    <>
      <Alert color="gray" icon={<IconLock size={18} />} title={t('daily.readOnly.title')} mb="md" data-testid="read-only-note">
        {refusal}
      </Alert>
      <fieldset disabled style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {children}
      </fieldset>
    </>
  );
}
