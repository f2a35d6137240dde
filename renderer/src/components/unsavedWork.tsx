// The one place a form's unsaved state lives besides the form itself: a copy on this machine (localStorage), written
// as the officer types and forgotten once saved or discarded. It survives tab switches, route changes, a reload, a
// crash or a closed window; the form that opens on the same record again takes it back and says so.
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useProfile } from '../features/workflow/profileStore';
import { i18next } from '../i18n';
import { formatTimestamp } from './format';
import { useLeaveGuard } from './leaveGuard';

const PREFIX = 'tthc-unsaved:';

/**
 * A kept copy: what was typed, the saved record it was typed over, when, and who typed it (role, agency and officer):
 * another role's work is never put back into this one's form, nor forgotten by it (issue 20: a reviewer's unsaved
 * letter came back in the drafter's read-only view after a role switch, «Hãy lưu để giữ lại»).
 */
type KeptWork<T> = { value: T; base: string; at: string; owner?: string };

/** Who a copy belongs to: the profile this window acts as. */
const ownerOf = (profile: { role: string; agency: string; officerName: string } | null): string => (profile ? `${profile.role}|${profile.agency}|${profile.officerName}` : '');

/**
 * The key of one record's form, grouped by the draft it belongs to (`unsavedKey(draftId, 'regulation', id)`), so that
 * a draft's kept work can be found and forgotten together.
 */
export function unsavedKey(draftId: string, ...parts: string[]): string {
  return [draftId, ...parts].join(':');
}

/** Compares records by their JSON with keys sorted: a record read back from the service may list its keys in another order. */
const fingerprint = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).filter(([, entry]) => entry !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  ) ?? '';

export function readKeptWork<T>(key: string): KeptWork<T> | undefined {
  try {
    const text = window.localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as KeptWork<T>) : undefined;
  } catch {
    // A copy that cannot be read (another version's shape, storage refused) is no copy.
    return undefined;
  }
}

export function keepWork<T>(key: string, value: T, base: T, owner: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify({ value, base: fingerprint(base), at: new Date().toISOString(), owner } satisfies KeptWork<T>));
  } catch {
    // Storage full or refused: the form and its leave guard still hold the work for this session.
  }
}

export function forgetWork(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** Forgets every kept form of a draft (it went to the trash, or its work was imported over). */
export function forgetDraftWork(draftId: string): void {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, index) => window.localStorage.key(index)).filter(
      (key): key is string => key?.startsWith(`${PREFIX}${draftId}:`) ?? false,
    );
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

const noticeId = (key: string) => `unsaved-${key}`;

type Options<T> = {
  /** Where the copy is kept; null when the form is read-only and keeps nothing. */
  key: string | null;
  /** The record as stored: what the copy was typed over, and what "no change" means. */
  saved: T;
  /** What the form holds now. */
  current: T;
  /** Whether the form differs from the saved record now (read when asked, not when rendered: a save just made counts). */
  isDirty: () => boolean;
  /** Puts a kept copy back into the form. */
  restore: (value: T) => void;
  save: () => Promise<boolean>;
  /** Back to the saved record. */
  discard: () => void;
  /** Whether to ask on every way out (a form with a Save button); an autosaving editor only keeps its copy. */
  guard?: boolean;
};

/**
 * Keeps a form's unsaved work safe: asks before every way out while it is dirty (leaveGuard.tsx), keeps a copy on this
 * machine meanwhile, and when the form opens on a record with a kept copy, puts it back with a notice. A copy typed
 * over an older version of the record (someone saved since) is offered, not put back by itself.
 */
export function useUnsavedWork<T>({ key, saved, current, isDirty, restore, save, discard, guard = true }: Options<T>): void {
  const [kept] = useState(() => (key ? readKeptWork<T>(key) : undefined));
  const { loaded, profile } = useProfile();
  const owner = ownerOf(profile);
  /** A copy another role or person typed: left for them, neither put back here nor forgotten. */
  const othersCopy = (copy: KeptWork<T> | undefined) => copy?.owner !== undefined && copy.owner !== owner;
  const opened = useRef(false);
  const offering = useRef(false);
  const latest = useRef({ restore, discard });
  useEffect(() => {
    latest.current = { restore, discard };
  });

  useLeaveGuard({
    isDirty: () => guard && isDirty(),
    save,
    discard: () => {
      if (key) forgetWork(key);
      discard();
    },
  });

  // Once, on opening (once who acts here is known): take back what an earlier session of the same person left unsaved.
  useEffect(() => {
    if (!loaded || opened.current) return;
    opened.current = true;
    if (!key || !kept || othersCopy(kept) || fingerprint(kept.value) === fingerprint(saved)) return;
    const t = i18next.t.bind(i18next);
    const id = noticeId(key);
    const at = formatTimestamp(kept.at);
    const discardKept = () => {
      notifications.hide(id);
      offering.current = false;
      forgetWork(key);
      latest.current.discard();
    };
    // Until the officer answers (or the restored copy is typed on), the copy stays kept as it is.
    offering.current = true;
    if (kept.base === fingerprint(saved)) {
      latest.current.restore(kept.value);
      notifications.show({
        id,
        color: 'blue',
        autoClose: 15_000,
        title: t('daily.unsaved.restoredTitle'),
        message: (
          <Stack gap={6} data-testid="unsaved-restored">
            <Text size="sm">{t('daily.unsaved.restored', { at })}</Text>
            <Group gap="xs">
              <Button size="compact-xs" variant="light" color="red" onClick={discardKept}>
                {t('daily.unsaved.discard')}
              </Button>
            </Group>
          </Stack>
        ),
      });
      return;
    }
    // The record changed since the copy was typed: putting it back unasked could undo someone else's save.
    notifications.show({
      id,
      color: 'yellow',
      autoClose: false,
      title: t('daily.unsaved.offerTitle'),
      message: (
        <Stack gap={6} data-testid="unsaved-offer">
          <Text size="sm">{t('daily.unsaved.offer', { at })}</Text>
          <Group gap="xs">
            <Button
              size="compact-xs"
              onClick={() => {
                notifications.hide(id);
                offering.current = false;
                latest.current.restore(kept.value);
              }}
            >
              {t('daily.unsaved.restore')}
            </Button>
            <Button size="compact-xs" variant="light" color="red" onClick={discardKept}>
              {t('daily.unsaved.discard')}
            </Button>
          </Group>
        </Stack>
      ),
    });
    return () => {
      notifications.hide(id);
    };
    // Runs once per opened record: the copy read on opening is what it offers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  // As the officer types: keep the copy; once saved or discarded, forget it (unless it is still being offered).
  const currentPrint = fingerprint(current);
  const savedPrint = fingerprint(saved);
  const dirty = isDirty();
  useEffect(() => {
    if (!key) return;
    if (!loaded) return;
    if (dirty && currentPrint !== savedPrint) {
      offering.current = false;
      keepWork(key, current, saved, owner);
    } else if (!offering.current && !othersCopy(readKeptWork<T>(key))) {
      forgetWork(key);
      // Saved or discarded: a notice about the restored copy has nothing left to say.
      notifications.hide(noticeId(key));
    }
    // The prints stand for current and saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dirty, currentPrint, savedPrint, loaded, owner]);
}
