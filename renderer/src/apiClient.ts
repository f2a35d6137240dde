// The renderer's one way to the back end: Electron's preload bridge when present, else the loopback web host.
import type { ApiClient, ApiMethod } from '../../shared/contract/api';
import { createApiClient, type ApiResponse, type ApiSend } from '../../shared/contract/client';
import { i18next } from './i18n';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in the browser. */
    tthcBridge?: { invoke: (method: string, input: unknown) => Promise<ApiResponse> };
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

function webSend(token: string): ApiSend {
  return async (method: ApiMethod, input: unknown) => {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tthc-token': token },
      body: JSON.stringify(input ?? {}),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ApiResponse;
    } catch {
      // The host's own refusals are plain Vietnamese text; anything else (a proxy's page) is never shown as it is.
      const plain = response.headers.get('content-type')?.startsWith('text/plain') ? text.trim() : '';
      const message = plain || i18next.t('problems.badAnswer', { status: response.status });
      return { ok: false, error: { code: response.status === 401 ? 'unauthorized' : 'internal', message, detail: text.slice(0, 200) } };
    }
  };
}

export const api: ApiClient = createApiClient(
  window.tthcBridge ? (method, input) => window.tthcBridge!.invoke(method, input) : webSend(takeWebToken()),
);
