// Offline work on a team draft from the desktop app (issue 21 item 6). Signed in to the unit's server, a draft offers
// «Mang về làm việc ngoại tuyến»: the main process marks it taken on the server and copies it into this machine's
// database (main/transports/offlineWork.ts), and the window then works here, on that copy, whose page says where it
// came from and when, and offers «Gửi lại máy chủ»: merged on the server, the window works there again and lists what
// both sides changed to accept or reject (the import's conflict view). A copy kept here with changes not sent back is
// replaced by a second take-out only after the officer confirms. In a browser, or solo, none of this shows.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCloudDownload, IconCloudUpload, IconDeviceDesktop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfflineCopyMark } from '../../../../shared/contract/offlineApi';
import type { LocalOfflineCopy, UnitServerStatus } from '../../../../shared/contract/unitServerApi';
import { unitServerCall } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { useApiData } from '../../components/useApiData';
import { ConflictList } from '../workflow/ConflictList';

type Desktop = { status: UnitServerStatus; copies: LocalOfflineCopy[] };

/** The desktop app's connection and the team drafts this machine took out; null in a browser. */
export function useDesktopOffline(): Desktop | null {
  const { data } = useApiData(async (): Promise<Desktop | null> => {
    if (!unitServerCall) return null;
    const status = await unitServerCall('unitServerStatus', {});
    const copies = await unitServerCall('listLocalOfflineCopies', {});
    return { status, copies: Array.isArray(copies?.items) ? copies.items : [] };
  }, []);
  return data ?? null;
}

/** The window works where the draft now is: every screen read again from there. */
function reopen(draftId: string) {
  window.location.hash = `#/drafts/${draftId}`;
  window.location.reload();
}

const SENT_BACK_KEY = 'tthc-sent-back';

/** In the draft's header, on the unit's server: take it out to work offline (confirming when a kept copy has unsent changes). */
export function TakeOfflineButton({ desktop, draftId, held }: { desktop: Desktop | null; draftId: string; held: OfflineCopyMark | undefined }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState<LocalOfflineCopy | null>(null);
  if (!desktop || !unitServerCall || desktop.status.state !== 'signedIn' || held) return null;
  const call = unitServerCall;
  const take = async (replaceUnsent: boolean) => {
    setBusy(true);
    try {
      const answer = await call('takeDraftOfflineHere', { draftId, replaceUnsent });
      if (answer.kind === 'unsentChanges') {
        setUnsent(answer.copy);
        return;
      }
      reopen(draftId);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" leftSection={<IconCloudDownload size={16} />} loading={busy} onClick={() => void take(false)} title={t('team.offline.desktop.takeTitle')}>
        {t('team.offline.desktop.take')}
      </Button>
      <Modal opened={unsent !== null} onClose={() => setUnsent(null)} title={t('team.offline.desktop.unsentTitle')} size="lg">
        <Stack gap="md">
          <Text size="sm">{t('team.offline.desktop.unsentText', { since: unsent?.takenAt ? formatTimestamp(unsent.takenAt) : '—' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUnsent(null)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void take(true)}>
              {t('team.offline.desktop.replace')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Under the draft's title: on this machine, that the page is the offline copy (from which server, since when) with
 * «Gửi lại máy chủ»; on the server, to its holder, where the copy is; after a send-back, what waits to be decided.
 */
export function DesktopOfflineBanner({ desktop, draftId, held, onResolved }: { desktop: Desktop | null; draftId: string; held: OfflineCopyMark | undefined; onResolved: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [sentBack, setSentBack] = useState(() => sessionStorage.getItem(SENT_BACK_KEY) === draftId);
  if (!desktop || !unitServerCall) return null;
  const call = unitServerCall;
  const { status } = desktop;
  const copy = desktop.copies.find((each) => each.draftId === draftId);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notifyError(error);
      setBusy(false);
    }
  };
  const sendBack = () =>
    run(async () => {
      await call('sendDraftBack', { draftId });
      sessionStorage.setItem(SENT_BACK_KEY, draftId);
      reopen(draftId);
    });
  const workOn = (here: boolean) =>
    run(async () => {
      await call('workOnThisMachine', { here });
      reopen(draftId);
    });
  const sendBackButton = (
    <Button size="xs" leftSection={<IconCloudUpload size={14} />} loading={busy} onClick={() => void sendBack()}>
      {t('team.offline.desktop.sendBack')}
    </Button>
  );

  if (status.state === 'workingHere') {
    const text = !copy
      ? t('team.offline.desktop.workingHere')
      : copy.returnedAt
        ? t('team.offline.desktop.returnedBanner', { server: copy.server, since: formatTimestamp(copy.takenAt), returned: formatTimestamp(copy.returnedAt) })
        : t('team.offline.desktop.copyBanner', { server: copy.server, since: formatTimestamp(copy.takenAt) });
    return (
      <Alert color="blue" icon={<IconDeviceDesktop size={18} />} data-testid="offline-copy-here">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{text}</Text>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {copy && !copy.returnedAt && sendBackButton}
            <Button size="xs" variant="default" loading={busy} onClick={() => void workOn(false)}>
              {t('team.offline.desktop.backToServer')}
            </Button>
          </Group>
        </Group>
      </Alert>
    );
  }
  if (status.state !== 'signedIn') return null;
  if (sentBack) {
    return (
      <Alert
        color="green"
        data-testid="sent-back-notice"
        withCloseButton
        closeButtonLabel={t('team.offline.desktop.close')}
        onClose={() => {
          sessionStorage.removeItem(SENT_BACK_KEY);
          setSentBack(false);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('team.offline.desktop.sentBack')}</Text>
          <ConflictList draftId={draftId} onResolved={onResolved} hint={t('team.offline.desktop.conflictsHint')} />
        </Stack>
      </Alert>
    );
  }
  if (copy && !copy.returnedAt && held && held.takenBy === status.person?.login) {
    return (
      <Alert color="blue" icon={<IconDeviceDesktop size={18} />} data-testid="offline-copy-here">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('team.offline.desktop.heldHere', { since: formatTimestamp(held.takenAt) })}</Text>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button size="xs" variant="default" loading={busy} onClick={() => void workOn(true)}>
              {t('team.offline.desktop.open')}
            </Button>
            {sendBackButton}
          </Group>
        </Group>
      </Alert>
    );
  }
  return null;
}
