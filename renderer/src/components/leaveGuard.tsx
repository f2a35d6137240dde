// One guard against losing unsaved work: an editor with changes registers it; every in-app navigation (wouter links,
// the sidebar, tabs that ask) goes through it and prompts Save / Discard / Stay. No beforeunload prompt: in Electron an
// unanswered one would silently keep the window from closing.
import { Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useRef } from 'react';
import { useHashLocation } from 'wouter/use-hash-location';
import { i18next } from '../i18n';

export type LeaveGuard = {
  /** Whether there is anything to lose right now. */
  isDirty: () => boolean;
  /** Saves; resolves true when saved (false when the save was refused: the officer stays to fix it). */
  save: () => Promise<boolean>;
  /** Forgets the unsaved changes. */
  discard: () => void;
};

let current: LeaveGuard | null = null;

/** Runs `proceed` now when nothing is unsaved, else after the officer chose to save (and it saved) or to discard. */
export function requestLeave(proceed: () => void): void {
  const guard = current;
  if (!guard || !guard.isDirty()) {
    proceed();
    return;
  }
  const t = i18next.t.bind(i18next);
  const id = modals.open({
    title: t('daily.leave.title'),
    children: (
      <Stack>
        <Text size="sm">{t('daily.leave.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => modals.close(id)}>
            {t('daily.leave.stay')}
          </Button>
          <Button
            variant="light"
            color="red"
            onClick={() => {
              modals.close(id);
              guard.discard();
              proceed();
            }}
          >
            {t('daily.leave.discard')}
          </Button>
          <Button
            data-autofocus
            onClick={() => {
              modals.close(id);
              void guard.save().then((saved) => saved && proceed());
            }}
          >
            {t('daily.leave.save')}
          </Button>
        </Group>
      </Stack>
    ),
  });
}

/**
 * Registers the calling editor's guard while it is mounted. The editor passes fresh functions on every render; the
 * registered guard calls the latest ones, so it is registered once and always sees the form as it is now.
 */
export function useLeaveGuard(guard: LeaveGuard): void {
  const latest = useRef(guard);
  useEffect(() => {
    latest.current = guard;
  });
  useEffect(() => {
    const registered: LeaveGuard = {
      isDirty: () => latest.current.isDirty(),
      save: () => latest.current.save(),
      discard: () => latest.current.discard(),
    };
    current = registered;
    return () => {
      if (current === registered) current = null;
    };
  }, []);
}

/** wouter's hash location whose navigate asks the guard first, so every Link and the sidebar are covered at once. */
export function useGuardedHashLocation(...args: Parameters<typeof useHashLocation>): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation(...args);
  const guardedNavigate: typeof navigate = (to, options) => requestLeave(() => navigate(to, options));
  return [location, guardedNavigate];
}
