// A team draft taken to work offline (issue 21 item 6): everyone sees by whom and since when, in the list and on the
// draft's page, and can still read it; only its holder writes it until they send it back (the server refuses anyone
// else, naming them). A unit administrator can release a copy that stays out too long.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfflineCopyMark } from '../../../../shared/contract/offlineApi';
import { api } from '../../apiClient';
import { plainMessage } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { showErrorNotice, showNotice } from '../../components/notices';
import { useApiData } from '../../components/useApiData';
import { useDraftChanges } from './OthersChangedNotice';
import { useTeamPerson } from './TeamGate';

/** The drafts out to work offline, by draft id; empty solo. `reload` after releasing one. */
export function useOfflineCopies(deps: readonly unknown[] = []) {
  const { data, reload } = useApiData(() => api.listOfflineCopies({}), [...deps]);
  return { byDraft: new Map((data?.items ?? []).map((copy) => [copy.draftId, copy])), reload };
}

/**
 * The copy of the draft out to work offline, read again whenever the draft changes (a take-out and a send-back are
 * told as changes): whoever has it open sees who holds it, and that it is free again, within 2 s. Nothing typed is lost.
 */
export function useOfflineCopyOf(draftId: string, deps: readonly unknown[] = []) {
  const offline = useOfflineCopies(deps);
  useDraftChanges(draftId, () => offline.reload());
  return { copy: offline.byDraft.get(draftId), reload: offline.reload };
}

/** On the draft's page: who holds it offline and since when; an administrator may release it. */
export function OfflineCopyNotice({ copy, onReleased }: { copy: OfflineCopyMark | undefined; onReleased: () => void }) {
  const { t } = useTranslation();
  const person = useTeamPerson();
  const [releasing, setReleasing] = useState(false);
  if (!copy) return null;
  const since = formatTimestamp(copy.takenAt);
  const release = async () => {
    setReleasing(true);
    try {
      await api.releaseOfflineCopy({ draftId: copy.draftId });
      showNotice('success', { message: t('team.offline.released') });
      onReleased();
    } catch (error) {
      showErrorNotice({ message: plainMessage(error) });
    } finally {
      setReleasing(false);
    }
  };
  return (
    <Alert color="orange" icon={<IconCloudOff size={18} />} data-testid="offline-copy-notice">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {person?.login === copy.takenBy ? t('team.offline.noticeOwn', { since }) : t('team.offline.notice', { name: copy.takenByName, since })}
        </Text>
        {person?.administrator && (
          <Button size="xs" variant="default" style={{ flexShrink: 0 }} loading={releasing} onClick={() => void release()} title={t('team.offline.releaseTitle')}>
            {t('team.offline.release')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
