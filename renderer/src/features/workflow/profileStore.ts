// The installation's profile, loaded once and shared by the header, the first-start dialog, Settings and the workflow.
import { useEffect, useSyncExternalStore } from 'react';
import type { Profile } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';

/** `failed`: the profile could not be read (told in a notice); the screens then show, acting as the services do for an unnamed installation. */
type ProfileState = { loaded: boolean; profile: Profile | null; failed?: boolean };

let state: ProfileState = { loaded: false, profile: null };
let loading = false;
const listeners = new Set<() => void>();

function publish(next: ProfileState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useProfile(): ProfileState {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (state.loaded || loading) return;
    loading = true;
    api.getProfile({}).then(
      ({ profile }) => publish({ loaded: true, profile }),
      (error: unknown) => {
        loading = false;
        publish({ ...state, failed: true });
        notifyError(error);
      },
    );
  }, []);
  return current;
}

/** Asks again who this tab acts as (on the team server, after choosing another of the person's roles). */
export async function reloadProfile(): Promise<void> {
  const { profile } = await api.getProfile({});
  publish({ loaded: true, profile });
}

export async function saveProfile(profile: Profile): Promise<Profile> {
  const saved = await api.saveProfile(profile);
  publish({ loaded: true, profile: saved });
  return saved;
}

/**
 * Changes whenever the profile does: a view the service shapes by who asks (the workflow's actions, which stage may
 * be written) lists it among its load dependencies, so that a role switched in the header redraws it at once.
 */
export function useProfileKey(): string {
  const { profile } = useProfile();
  return profile ? `${profile.role}|${profile.agency}|${profile.officerName}` : '';
}
