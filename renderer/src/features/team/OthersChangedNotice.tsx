// Others' changes while a draft is open (issue 21, item 4): on a team server the page listens to ./events (server-sent
// events from every server process of the unit, main/transports/teamAccess.ts) and, when someone else changes the
// draft shown, says «… vừa sửa dự thảo này» with "Tải lại". Nothing reloads by itself, so what is being typed stays.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamMode } from '../../apiClient';
import { useTeamPerson } from './TeamGate';

type DraftChange = { draftId: string; by?: { login: string; fullName: string } };

const listeners = new Set<(change: DraftChange) => void>();
let stream: EventSource | undefined;

/** One stream per page, opened on first use; the browser reopens it by itself after a cut (retry: 2 s). */
function onDraftChange(listener: (change: DraftChange) => void): () => void {
  listeners.add(listener);
  if (!stream) {
    stream = new EventSource('./events');
    stream.addEventListener('draft', (event) => {
      let change: DraftChange;
      try {
        change = JSON.parse((event as MessageEvent<string>).data) as DraftChange;
      } catch {
        return;
      }
      listeners.forEach((each) => each(change));
    });
  }
  return () => void listeners.delete(listener);
}

export function OthersChangedNotice({ draftId, onReload }: { draftId: string; onReload: () => void }) {
  const { t } = useTranslation();
  const person = useTeamPerson();
  // null: nothing new; '' : changed by someone the server did not name.
  const [changedBy, setChangedBy] = useState<string | null>(null);
  useEffect(() => {
    if (!teamMode || !person) return undefined;
    return onDraftChange((change) => {
      // This person's own saves (this tab or another of theirs) are no news.
      if (change.draftId === draftId && change.by?.login !== person.login) setChangedBy(change.by?.fullName ?? '');
    });
  }, [draftId, person]);
  if (changedBy === null) return null;
  return (
    <Alert color="yellow" role="status" data-testid="others-changed">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{changedBy ? t('team.live.changedBy', { name: changedBy }) : t('team.live.changedBySomeone')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            onClick={() => {
              setChangedBy(null);
              onReload();
            }}
          >
            {t('team.live.reload')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setChangedBy(null)}>
            {t('team.live.dismiss')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
