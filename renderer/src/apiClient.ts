// The renderer's one way to the back end: Electron's preload bridge when present, else the loopback web host (its
// per-run token in the URL), else a unit's team server (the session cookie, and the role chosen among the person's own).
import type { ApiClient, ApiMethod } from '../../shared/contract/api';
import { createApiClient, type ApiResponse, type ApiSend } from '../../shared/contract/client';
import type { DownloadMethod } from '../../shared/contract/downloads';
import type { UnitServerInput, UnitServerMethod, UnitServerOutput } from '../../shared/contract/unitServerApi';
import { ApiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/domain/vocabulary';
import type { DownloadableFile, SavedFile } from './components/download';
import { i18next } from './i18n';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in the browser. */
    tthcBridge?: {
      invoke: (method: string, input: unknown) => Promise<ApiResponse>;
      save: (method: string, input: unknown) => Promise<ApiResponse>;
      /** The desktop app's connection to the unit's team server (shared/contract/unitServerApi.ts). */
      unitServer?: (method: string, input: unknown) => Promise<ApiResponse>;
    };
  }
}

const TOKEN_KEY = 'tthc-token';

/**
 * The web host hands the per-run token in the URL fragment (never sent over the network). It is kept for the host's
 * origin (127.0.0.1 and this run's port), not only for the tab: a link the officer opens in a new tab (Ctrl+click, middle
 * click) starts without the opener's session storage, and without the token took itself for a team server's page and
 * asked for a sign-in no solo installation has. No other origin reads it, and the next run's port and token replace it.
 */
function takeWebToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    localStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY) ?? '';
}

/** The host's envelope; never a parser's "Unexpected token" when the answer is not JSON. */
async function readEnvelope(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  try {
    return JSON.parse(text) as ApiResponse;
  } catch {
    // The host's own refusals are plain Vietnamese text; anything else (a proxy's page) is never shown as it is.
    const plain = response.headers.get('content-type')?.startsWith('text/plain') ? text.trim() : '';
    const message = plain || i18next.t('problems.badAnswer', { status: response.status });
    return { ok: false, error: { code: response.status === 401 ? 'unauthorized' : 'internal', message, detail: text.slice(0, 200) } };
  }
}

/**
 * One call to the host and its envelope. When no answer comes at all (the host has stopped, the network is down, the
 * connection was cut midway), fetch fails with a bare TypeError, which the page used to show as «Có lỗi không mong
 * đợi»: it is said as what it is, and as not known to be done, since the host may have received the call.
 */
async function postToHost(url: string, init: RequestInit): Promise<ApiResponse> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    return { ok: false, error: { code: 'busy', message: i18next.t('problems.hostUnreachable'), detail: String(error) } };
  }
  try {
    return await readEnvelope(response);
  } catch (error) {
    return { ok: false, error: { code: 'busy', message: i18next.t('problems.hostUnreachable'), detail: String(error) } };
  }
}

/** Set while the page goes away (reload, closed tab): a request sent then must outlive it, as a last autosave does. */
let pageClosing = false;
// Registered when this module loads, so before any editor's own pagehide listener sends its last save.
window.addEventListener('pagehide', () => (pageClosing = true));
window.addEventListener('pageshow', () => (pageClosing = false));

const ROLE_KEY = 'tthc-team-role';
const webToken = window.tthcBridge ? '' : takeWebToken();
/** Served by a unit's team server: no bridge and no per-run token; the browser holds the session cookie. */
export const teamMode = !window.tthcBridge && webToken === '';

/** The headers a call carries: the per-run token, or on the team server the role this tab acts in. */
function callHeaders(): Record<string, string> {
  if (!teamMode) return { 'content-type': 'application/json', 'x-tthc-token': webToken };
  const role = sessionStorage.getItem(ROLE_KEY);
  return { 'content-type': 'application/json', ...(role ? { 'x-tthc-role': role } : {}) };
}

/** Told when the team server answers that the session is gone (expired, signed out elsewhere): sign-in is asked for. */
const signedOutListeners = new Set<() => void>();
export const onSignedOut = (listener: () => void) => (signedOutListeners.add(listener), () => void signedOutListeners.delete(listener));

/** Settled once the same person has signed in again; every call refused meanwhile waits on it. */
let signInAgain: { settled: Promise<void>; resume: () => void } | undefined;

function untilSignedInAgain(): Promise<void> {
  if (!signInAgain) {
    let resume = () => {};
    const settled = new Promise<void>((resolve) => (resume = resolve));
    signInAgain = { settled, resume };
    signedOutListeners.forEach((listener) => listener());
  }
  return signInAgain.settled;
}

/** The person whose session ended has signed in again: the calls that were refused are sent again, as they were. */
export function resumeAfterSignIn(): void {
  const waiting = signInAgain;
  signInAgain = undefined;
  waiting?.resume();
}

/**
 * On the team server a call refused for want of a session is not an error the page shows: it waits for the person to
 * sign in again over the open screen (TeamGate) and is then sent again, so a save made as the session ended is kept.
 */
function webSend(): ApiSend {
  return async (method: ApiMethod, input: unknown) => {
    for (;;) {
      const envelope = await postToHost(`./api/${method}`, { method: 'POST', headers: callHeaders(), body: JSON.stringify(input ?? {}), keepalive: pageClosing });
      if (!teamMode || envelope.ok || envelope.error.code !== 'unauthorized') return envelope;
      await untilSignedInAgain();
    }
  };
}

/** The signed-in person as the team server tells the page. */
export type TeamPerson = { login: string; fullName: string; agency: string; roles: Role[]; administrator: boolean; mustChangePassword: boolean };

async function teamRoute<T>(name: string, input: object = {}): Promise<T> {
  const envelope = await postToHost(`./auth/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!envelope.ok) throw ApiError.fromPayload(envelope.error);
  return envelope.value as T;
}

export const whoAmI = async (): Promise<TeamPerson | null> => {
  try {
    return (await teamRoute<{ person: TeamPerson }>('me')).person;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') return null;
    throw error;
  }
};
export const signIn = async (login: string, password: string): Promise<TeamPerson> => (await teamRoute<{ person: TeamPerson }>('sign-in', { login, password })).person;
/** The signed-in person's own password; their other sessions end (`ended`), this one stays. */
export const changePassword = (currentPassword: string, newPassword: string) => teamRoute<{ person: TeamPerson; ended: number }>('change-password', { currentPassword, newPassword });
export const signOut = () => teamRoute<{ ended: number }>('sign-out');
export const signOutEverywhere = () => teamRoute<{ ended: number }>('sign-out-everywhere');
export const chosenTeamRole = (): string | null => sessionStorage.getItem(ROLE_KEY);
export const chooseTeamRole = (role: Role): void => sessionStorage.setItem(ROLE_KEY, role);

/** The desktop app's connection to its unit's team server, answered by the main process; undefined in a browser. */
export const unitServerCall = window.tthcBridge?.unitServer
  ? async <K extends UnitServerMethod>(method: K, input: UnitServerInput<K>): Promise<UnitServerOutput<K>> => {
      const envelope = await window.tthcBridge!.unitServer!(method, input);
      if (!envelope.ok) throw ApiError.fromPayload(envelope.error);
      return envelope.value as UnitServerOutput<K>;
    }
  : undefined;

export const api: ApiClient = createApiClient(window.tthcBridge ? (method, input) => window.tthcBridge!.invoke(method, input) : webSend());

/** The name the host gives a streamed file (RFC 6266 `filename*`). */
const attachmentName = (disposition: string | null): string | undefined => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded === undefined ? undefined : decodeURIComponent(encoded);
};

/**
 * A large file, never held whole as base64 in the page's heap: the desktop window has the main process stream it to
 * the path the officer picks; the web host streams it over its download route and the browser keeps it as a Blob.
 */
export async function downloadOf(method: DownloadMethod, input: unknown): Promise<DownloadableFile> {
  if (window.tthcBridge) {
    const saved = await window.tthcBridge.save(method, input);
    if (!saved.ok) throw ApiError.fromPayload(saved.error);
    return saved.value as SavedFile;
  }
  const response = await fetch(`./download/${method}`, {
    method: 'POST',
    headers: callHeaders(),
    body: JSON.stringify(input ?? {}),
  });
  if (!response.ok) {
    const envelope = await readEnvelope(response);
    throw ApiError.fromPayload(envelope.ok ? { code: 'internal', message: i18next.t('problems.badAnswer', { status: response.status }) } : envelope.error);
  }
  const blob = await response.blob();
  return { fileName: attachmentName(response.headers.get('content-disposition')) ?? `${method}.bin`, blob };
}
