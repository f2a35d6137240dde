// Others' changes while a draft is open (issue 21, item 4): on a team server the page listens to ./events (server-sent
// events from every server process of the unit, main/transports/teamAccess.ts) and, when someone else changes the
// draft shown, says «… vừa sửa dự thảo này» with "Tải lại". Nothing reloads by itself, so what is being typed stays.
// Whenever the stream is not open (refused by a proxy or a server without it, being reopened after a cut, or no
// EventSource at all), the page asks the server every POLL_MS when the draft last changed and for whom instead.
// The desktop app signed in to its unit's server (item 5) has no stream to open from its local page: it asks, and the
// main process forwards the question to the server as it forwards every call.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, teamMode, unitServerCall } from '../../apiClient';
import { useTeamPerson } from './TeamGate';

type DraftChange = { draftId: string; by?: { login: string; fullName: string } };

const listeners = new Set<(change: DraftChange) => void>();
let stream: EventSource | undefined;
/** How often a page without the stream asks: others' changes are to be seen within 2 s (issue 21 item 4). */
const POLL_MS = 1_500;

/**
 * One stream per page, opened on first use; the browser reopens it by itself after a cut (retry: 2 s), but not once the
 * server refused it (the session had ended): that one is opened anew when the person is back.
 */
function onDraftChange(listener: (change: DraftChange) => void): () => void {
  listeners.add(listener);
  if (stream && stream.readyState === stream.CLOSED) stream = undefined;
  if (!stream && typeof EventSource !== 'undefined') {
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

const streamOpen = () => stream !== undefined && stream.readyState === stream.OPEN;

/**
 * While the stream is not open, asks every POLL_MS when the draft last changed and tells `listener` of each change
 * seen. The first answer after the stream was open is only where to start from (what the stream said is not told again).
 */
function pollDraftChanges(draftId: string, listener: (change: DraftChange) => void): () => void {
  let last: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const ask = async () => {
    if (streamOpen()) last = undefined;
    else {
      try {
        const { changedAt, by } = await api.getDraftChange({ draftId });
        if (last !== undefined && changedAt !== last) listener({ draftId, ...(by ? { by } : {}) });
        last = changedAt;
      } catch {
        // The server is out of reach for now: the next turn asks again.
      }
    }
    if (!stopped) timer = setTimeout(() => void ask(), POLL_MS);
  };
  void ask();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The desktop app's signed-in person on its unit's server; null solo, signed out, or in a browser. */
function useDesktopUnitPerson(): { login: string } | null {
  const [person, setPerson] = useState<{ login: string } | null>(null);
  useEffect(() => {
    if (!unitServerCall) return undefined;
    let current = true;
    unitServerCall('unitServerStatus', {}).then(
      (status) => current && setPerson(status.state === 'signedIn' ? status.person : null),
      () => undefined,
    );
    return () => void (current = false);
  }, []);
  return person;
}

/**
 * Tells `onChange` of each change of the draft (this person's own included, with who made it) while someone is signed
 * in, here or through the desktop app; answers who that is (null solo).
 */
export function useDraftChanges(draftId: string, onChange: (change: DraftChange, person: { login: string }) => void): { login: string } | null {
  const teamPerson = useTeamPerson();
  const desktopPerson = useDesktopUnitPerson();
  const person = teamPerson ?? desktopPerson;
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    if (!person) return undefined;
    const tell = (change: DraftChange) => {
      if (change.draftId === draftId) latest.current(change, person);
    };
    const stopListening = teamMode ? onDraftChange(tell) : () => undefined;
    const stopPolling = pollDraftChanges(draftId, tell);
    return () => {
      stopListening();
      stopPolling();
    };
  }, [draftId, person]);
  return person;
}

export function OthersChangedNotice({ draftId, onReload }: { draftId: string; onReload: () => void }) {
  const { t } = useTranslation();
  // null: nothing new; '' : changed by someone the server did not name.
  const [changedBy, setChangedBy] = useState<string | null>(null);
  // This person's own saves (this tab or another of theirs) are no news.
  useDraftChanges(draftId, (change, person) => change.by?.login !== person.login && setChangedBy(change.by?.fullName ?? ''));
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
