// The renderer's one way to the back end: Electron's preload bridge when present, else the loopback web host.
import type { ApiClient, ApiMethod } from '../../shared/contract/api';
import { createApiClient, type ApiResponse, type ApiSend } from '../../shared/contract/client';
import type { DownloadMethod } from '../../shared/contract/downloads';
import { ApiError } from '../../shared/contract/errors';
import type { DownloadableFile, SavedFile } from './components/download';
import { i18next } from './i18n';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in the browser. */
    tthcBridge?: { invoke: (method: string, input: unknown) => Promise<ApiResponse>; save: (method: string, input: unknown) => Promise<ApiResponse> };
  }
}

const TOKEN_KEY = 'tthc-token';

/** The web host hands the per-run token in the URL fragment (never sent over the network); keep it for this tab only. */
function takeWebToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
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

/** Set while the page goes away (reload, closed tab): a request sent then must outlive it, as a last autosave does. */
let pageClosing = false;
// Registered when this module loads, so before any editor's own pagehide listener sends its last save.
window.addEventListener('pagehide', () => (pageClosing = true));
window.addEventListener('pageshow', () => (pageClosing = false));

function webSend(token: string): ApiSend {
  return async (method: ApiMethod, input: unknown) =>
    readEnvelope(
      await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tthc-token': token },
        body: JSON.stringify(input ?? {}),
        keepalive: pageClosing,
      }),
    );
}

const webToken = window.tthcBridge ? '' : takeWebToken();

export const api: ApiClient = createApiClient(window.tthcBridge ? (method, input) => window.tthcBridge!.invoke(method, input) : webSend(webToken));

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
    headers: { 'content-type': 'application/json', 'x-tthc-token': webToken },
    body: JSON.stringify(input ?? {}),
  });
  if (!response.ok) {
    const envelope = await readEnvelope(response);
    throw ApiError.fromPayload(envelope.ok ? { code: 'internal', message: i18next.t('problems.badAnswer', { status: response.status }) } : envelope.error);
  }
  const blob = await response.blob();
  return { fileName: attachmentName(response.headers.get('content-disposition')) ?? `${method}.bin`, blob };
}
