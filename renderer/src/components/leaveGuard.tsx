// One guard against losing unsaved work: an editor with changes registers it; every way out of it asks first and
// offers Save / Discard / Stay — in-app navigation (wouter links, the sidebar, tabs kept in the URL), the browser's
// Back and Forward, and closing or reloading the window (the browser's own prompt; in Electron the main process asks).
// What is typed is also kept on this machine meanwhile (unsavedWork.ts), so even an unanswered close loses nothing.
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
let asking = false;

/** Runs `proceed` now when nothing is unsaved, else after the officer chose to save (and it saved) or to discard. */
export function requestLeave(proceed: () => void, onStay?: () => void): void {
  const guard = current;
  if (!guard || !guard.isDirty()) {
    proceed();
    return;
  }
  // A second way out tried while the question is open (a Back pressed twice) waits for the first answer.
  if (asking) return;
  asking = true;
  const t = i18next.t.bind(i18next);
  let answered = false;
  const answer = (then: () => void) => {
    answered = true;
    asking = false;
    modals.close(id);
    then();
  };
  const id = modals.open({
    title: t('daily.leave.title'),
    onClose: () => {
      // Closed without a choice (Escape, the close button): the officer stays.
      if (answered) return;
      asking = false;
      onStay?.();
    },
    children: (
      <Stack>
        <Text size="sm">{t('daily.leave.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(() => onStay?.())}>
            {t('daily.leave.stay')}
          </Button>
          <Button
            variant="light"
            color="red"
            onClick={() =>
              answer(() => {
                guard.discard();
                proceed();
              })
            }
          >
            {t('daily.leave.discard')}
          </Button>
          <Button data-autofocus onClick={() => answer(() => void guard.save().then((saved) => (saved ? proceed() : onStay?.())))}>
            {t('daily.leave.save')}
          </Button>
        </Group>
      </Stack>
    ),
  });
}

/** Whether the registered editor holds unsaved changes now. */
export function hasUnsavedChanges(): boolean {
  return current?.isDirty() ?? false;
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

// Each history entry the app makes carries its position, so that a Back or Forward the officer must confirm can be
// undone by exactly as many steps, and replayed once confirmed.
type EntryState = { tthcIndex: number };
const indexOf = (state: unknown): number | undefined =>
  typeof state === 'object' && state !== null && typeof (state as EntryState).tthcIndex === 'number' ? (state as EntryState).tthcIndex : undefined;

let shownIndex = 0;
/** True while a hash change is the app's own doing (its navigate, an undone or a confirmed Back), not the officer's. */
let ownChange = false;

/**
 * Asks before the browser's Back, Forward or a hand-edited address leaves unsaved work, and before the window closes
 * or reloads. Call once, before the router first renders: its hash-change listener must run ahead of the router's.
 */
export function installHistoryGuard(): void {
  const known = indexOf(window.history.state);
  if (known === undefined) window.history.replaceState({ tthcIndex: 0 } satisfies EntryState, '');
  shownIndex = known ?? 0;

  // Capturing at the window runs before the router's own listener, which may then be kept from seeing the change.
  window.addEventListener(
    'hashchange',
    (event) => {
      const stored = indexOf(window.history.state);
      // An address typed by hand makes an entry without a number: it is the one after the page it was typed on.
      const targetIndex = stored ?? shownIndex + 1;
      if (ownChange || !hasUnsavedChanges()) {
        ownChange = false;
        shownIndex = targetIndex;
        if (stored === undefined) window.history.replaceState({ tthcIndex: targetIndex } satisfies EntryState, '');
        return;
      }
      event.stopImmediatePropagation();
      const steps = targetIndex - shownIndex;
      // Back to the page with the unsaved work first, so that the address says where the officer is while asked.
      ownChange = true;
      window.history.go(-steps);
      requestLeave(() => {
        ownChange = true;
        window.history.go(steps);
      });
    },
    true,
  );

  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older engines (and Electron's will-prevent-unload) look for a return value.
    event.returnValue = '';
  });
}

/**
 * wouter's hash location whose navigate asks the guard first, so every Link and the sidebar are covered at once. Each
 * entry is numbered (see installHistoryGuard), and a path without a query clears the one the last page left behind.
 */
export function useGuardedHashLocation(...args: Parameters<typeof useHashLocation>): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation(...args);
  const guardedNavigate: typeof navigate = (to, options) =>
    requestLeave(() => {
      const index = options?.replace ? shownIndex : shownIndex + 1;
      ownChange = true;
      navigate(to, { ...options, state: { tthcIndex: index } satisfies EntryState });
      // navigate dispatches its hash change at once; a path equal to the current one dispatches none.
      ownChange = false;
      shownIndex = index;
    });
  return [location, guardedNavigate];
}
/**
 * What a Link writes as its href: the hash, as wouter's own hash location writes it. Without it a link opened in a new
 * tab (Ctrl+click, middle click, «Mở liên kết trong thẻ mới») or copied pointed at the host's bare path, a blank page.
 */
export const hashHrefs = (href: string): string => `#${href}`;
