// The desktop app as a client of its unit's team server (issue 21, item 5), free of Electron so that it is tested here
// against a real `tthc serve --team`. The main process forwards every API call of the window over HTTPS to the
// server while the officer is signed in, acting as them through the session cookie the server set; the window itself
// stays local (its page, its CSP). The cookie is kept through a SecretStore (main/electron supplies safeStorage).
//
// Trust: a certificate the system trusts is used as is. A unit's self-signed certificate is trusted only after the
// officer has compared its SHA-256 fingerprint with the administrator's and accepted it; from then on that certificate
// is the only trust anchor for the server (Node verifies the chain and dates against it) and its fingerprint must
// match on every connection — TLS checks are never turned off. Reading the certificate to show its fingerprint is the
// one unverified handshake, and it sends nothing.
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type PeerCertificate, type TLSSocket } from 'node:tls';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { ApiResponse } from '../../shared/contract/client';
import { ApiError, invalidInput } from '../../shared/contract/errors';
import {
  unitCertificateSchema,
  unitServerApi,
  unitServerPersonSchema,
  isOfflineWorkMethod,
  type OfflineWorkMethod,
  type UnitCertificate,
  type UnitServerMethod,
  type UnitServerOutput,
  type UnitServerStatus,
} from '../../shared/contract/unitServerApi';
import type { Role } from '../../shared/domain/vocabulary';
import { unitServerText } from '../../shared/i18n/unitServerMessages';
import type { Dispatch, DownloadResponse, OpenDownload } from './dispatcher';

/** Where the session cookie is kept between runs; the desktop app encrypts it with the OS key store (safeStorage). */
export interface SecretStore {
  read(): Promise<string | undefined>;
  write(secret: string): Promise<void>;
  erase(): Promise<void>;
}

/** A SecretStore that forgets on exit: tests, and a machine without an OS key store. */
export function memorySecretStore(): SecretStore {
  let kept: string | undefined;
  return {
    read: async () => kept,
    write: async (secret) => void (kept = secret),
    erase: async () => void (kept = undefined),
  };
}

const pinSchema = unitCertificateSchema.extend({ pem: z.string() });
/** What is kept in the clear beside the database: no secret (the cookie is in the SecretStore). */
const settingsSchema = z.object({
  address: z.string(),
  pin: pinSchema.nullable(),
  person: unitServerPersonSchema.nullable(),
  role: unitServerApi.chooseUnitServerRole.input.shape.role.nullable(),
  /** Signed in but working on this machine's database (offline copies of team drafts); absent in older files. */
  workingHere: z.boolean().optional(),
});
export type UnitServerSettings = z.infer<typeof settingsSchema>;

export interface SettingsFile {
  load(): UnitServerSettings | undefined;
  save(settings: UnitServerSettings | undefined): void;
}

/** A JSON file of `schema`, replaced whole (written beside, then renamed); an unreadable one counts as none. */
export function jsonFileOf<T>(path: string, schema: z.ZodType<T>): { load(): T | undefined; save(value: T | undefined): void } {
  return {
    load() {
      if (!existsSync(path)) return undefined;
      try {
        const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(value) {
      if (value === undefined) return rmSync(path, { force: true });
      const beside = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(beside, JSON.stringify(value, null, 2), { mode: 0o600 });
      renameSync(beside, path);
    },
  };
}

/** The settings as a JSON file. */
export const jsonSettingsFile = (path: string): SettingsFile => jsonFileOf(path, settingsSchema);

/** `https://host[:port]` from what the officer typed (the scheme may be left out); undefined for anything else. */
export function unitServerOrigin(typed: string): string | undefined {
  const text = typed.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  const bare = (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '' && !url.username && !url.password;
  return url.protocol === 'https:' && bare && url.hostname !== '' ? url.origin : undefined;
}

const fill = (message: string, values: Record<string, string | number>): string =>
  message.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** `AB:CD:…` from a certificate, as openssl prints it. */
const certificateOf = (peer: PeerCertificate): UnitCertificate & { pem: string } => {
  const x509 = new X509Certificate(peer.raw);
  return { fingerprint: x509.fingerprint256, subject: x509.subject.replace(/\n/g, ', '), validTo: new Date(x509.validTo).toISOString().slice(0, 10), pem: x509.toString() };
};

/** Error codes of a TLS handshake the client refused: the certificate, not the network. */
const CERTIFICATE_DATES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const isCertificateRefusal = (error: NodeJS.ErrnoException): boolean =>
  error.code === 'ERR_TLS_CERT_ALTNAME_INVALID' || error.code === 'UNIT_CERTIFICATE_MISMATCH' || /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO/.test(error.code ?? '');

/** How long a call may take before the server counts as out of reach (a large import runs well inside it). */
const CALL_TIMEOUT_MS = 120_000;

export type UnitServerClientOptions = {
  settings: SettingsFile;
  secrets: SecretStore;
  /** The TLS anchors the system trusts (tests give their own; by default Node's). */
  systemCa?: string | Buffer | Array<string | Buffer>;
};

export type UnitServerClient = {
  /** Signed in (or signed in and expired), not working on this machine's offline copies: the window's calls go to the server. */
  forwarding: () => boolean;
  dispatch: Dispatch;
  download: OpenDownload;
  /** The connection's own calls (shared/contract/unitServerApi.ts), answered in the API's envelope. */
  control: (method: UnitServerMethod, input: unknown) => Promise<ApiResponse>;
  /** The server's address while one is set (null solo). */
  address: () => string | null;
  close: () => void;
};

type Answer = { status: number; headers: IncomingMessage['headers']; body: ApiResponse };

export async function openUnitServerClient({ settings: file, secrets, systemCa }: UnitServerClientOptions): Promise<UnitServerClient> {
  let settings = file.load();
  let cookie = settings ? await secrets.read() : undefined;
  let expired = false;
  let agent: Agent | undefined;

  const save = (next: UnitServerSettings | undefined) => {
    settings = next;
    file.save(next);
    agent?.destroy();
    agent = undefined;
  };

  /** The TLS options every connection to the server uses: the pinned certificate as the only anchor, checked by fingerprint. */
  function tlsOptions(pin: UnitServerSettings['pin']): Pick<RequestOptions, 'ca' | 'checkServerIdentity'> {
    if (!pin) return systemCa ? { ca: systemCa } : {};
    return {
      ca: pin.pem,
      // The accepted certificate is the server's identity, whatever names it carries: its fingerprint must match.
      checkServerIdentity: (_host, peer) => {
        if (certificateOf(peer).fingerprint === pin.fingerprint) return undefined;
        return Object.assign(new Error('the server presents another certificate'), { code: 'UNIT_CERTIFICATE_MISMATCH' });
      },
    };
  }

  const agentFor = (current: UnitServerSettings) => (agent ??= new Agent({ keepAlive: true, maxSockets: 8, ...tlsOptions(current.pin) }));

  const status = (): UnitServerStatus => ({
    state: !settings ? 'solo' : !cookie ? 'signedOut' : expired ? 'sessionExpired' : settings.workingHere ? 'workingHere' : 'signedIn',
    address: settings?.address ?? null,
    pinnedCertificate: settings?.pin ? { fingerprint: settings.pin.fingerprint, subject: settings.pin.subject, validTo: settings.pin.validTo } : null,
    person: cookie ? (settings?.person ?? null) : null,
    role: cookie ? (settings?.role ?? null) : null,
  });

  /** What a failed connection means to the officer: the certificate, or the network (the server may come back). */
  function connectionRefusal(error: NodeJS.ErrnoException, address: string): ApiError {
    if (CERTIFICATE_DATES.has(error.code ?? '')) return new ApiError('forbidden', fill(unitServerText.certificateExpired, { address }));
    if (isCertificateRefusal(error)) return new ApiError('forbidden', fill(unitServerText.certificateChanged, { address }));
    return new ApiError('busy', fill(unitServerText.unreachable, { address }));
  }

  /** One request to the server; the response is given unread to `onResponse`. Network and TLS failures become ApiErrors. */
  function send<T>(current: UnitServerSettings, path: string, body: unknown, headers: Record<string, string>, onResponse: (response: IncomingMessage) => Promise<T>): Promise<T> {
    const url = new URL(path, current.address);
    return new Promise<T>((resolve, reject) => {
      const sent = request(
        url,
        {
          method: 'POST',
          agent: agentFor(current),
          timeout: CALL_TIMEOUT_MS,
          // The server admits a call from its own page only: this client says it is that page.
          headers: { origin: current.address, 'content-type': 'application/json', ...headers },
        },
        (response) => void onResponse(response).then(resolve, reject),
      );
      sent.on('timeout', () => sent.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      sent.on('error', (error: NodeJS.ErrnoException) => reject(error instanceof ApiError ? error : connectionRefusal(error, current.address)));
      sent.end(JSON.stringify(body ?? {}));
    });
  }

  async function readAnswer(response: IncomingMessage, address: string): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      const body = JSON.parse(text) as ApiResponse;
      if (typeof body === 'object' && body !== null && typeof body.ok === 'boolean') return { status: response.statusCode ?? 0, headers: response.headers, body };
    } catch {
      // Not the server's envelope: below.
    }
    // The server's own plain-text refusals are Vietnamese already; a proxy's page is never shown as it is.
    const plain = response.headers['content-type']?.startsWith('text/plain') && response.statusCode !== 200 ? text.trim().slice(0, 500) : '';
    const message = plain || fill(unitServerText.badAnswer, { address, status: response.statusCode ?? 0 });
    return { status: response.statusCode ?? 0, headers: response.headers, body: { ok: false, error: { code: 'internal', message } } };
  }

  /** The headers that make a call the signed-in person's, in the chosen role. */
  const sessionHeaders = (current: UnitServerSettings): Record<string, string> => ({ cookie: cookie!, ...(current.role ? { 'x-tthc-role': current.role } : {}) });

  /** A refused session is kept as expired: calls go on asking to sign in again, never fall back to the local data. */
  function sessionEnded(body: ApiResponse): ApiResponse {
    if (body.ok || body.error.code !== 'unauthorized') return body;
    expired = true;
    return { ok: false, error: { code: 'unauthorized', message: unitServerText.sessionExpired } };
  }

  const asEnvelope = (error: unknown): ApiResponse => {
    if (error instanceof ApiError) return { ok: false, error: error.toPayload() };
    throw error;
  };

  const dispatch: Dispatch = async (method, input) => {
    const current = settings;
    if (!current || !cookie) return { ok: false, error: { code: 'unauthorized', message: unitServerText.notSignedIn } };
    try {
      const answer = await send(current, `/api/${encodeURIComponent(method)}`, input, sessionHeaders(current), (response) => readAnswer(response, current.address));
      return sessionEnded(answer.body);
    } catch (error) {
      return asEnvelope(error);
    }
  };

  const download: OpenDownload = async (method, input): Promise<DownloadResponse> => {
    const current = settings;
    if (!current || !cookie) return { ok: false, error: { code: 'unauthorized', message: unitServerText.notSignedIn } };
    try {
      return await send(current, `/download/${encodeURIComponent(method)}`, input, sessionHeaders(current), async (response): Promise<DownloadResponse> => {
        if (response.statusCode !== 200) {
          const refused = sessionEnded((await readAnswer(response, current.address)).body);
          return refused.ok ? { ok: false, error: { code: 'internal', message: fill(unitServerText.badAnswer, { address: current.address, status: 200 }) } } : refused;
        }
        const fileName = /filename\*=UTF-8''([^;]+)/i.exec(response.headers['content-disposition'] ?? '')?.[1];
        // Unread (the officer cancelled the save dialog), the answer is dropped rather than holding its connection.
        const drop = setTimeout(() => response.destroy(), CALL_TIMEOUT_MS);
        return {
          ok: true,
          value: {
            fileName: fileName ? decodeURIComponent(fileName) : `${method}.bin`,
            mimeType: response.headers['content-type'] ?? 'application/octet-stream',
            writeTo: async (out) => {
              clearTimeout(drop);
              await pipeline(response, out);
            },
          },
        };
      });
    } catch (error) {
      return asEnvelope(error) as DownloadResponse;
    }
  };

  /** One TLS handshake with the server that sends nothing: `trust` decides whether the certificate must verify. */
  function handshake<T>(address: string, trust: ConnectionOptions, onSecure: (socket: TLSSocket) => T, onRefused: (error: NodeJS.ErrnoException) => T): Promise<T> {
    const { hostname, port } = new URL(address);
    const host = hostname.replace(/^\[|\]$/g, '');
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port: Number(port || 443), servername: isIP(host) ? undefined : host, timeout: 10_000, ...trust }, () => {
        const value = onSecure(socket);
        socket.destroy();
        resolve(value);
      });
      socket.on('timeout', () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      socket.on('error', (error: NodeJS.ErrnoException) => {
        try {
          resolve(onRefused(error));
        } catch (refusal) {
          reject(refusal);
        }
      });
    });
  }

  /** The certificate the server at `address` presents, read without trusting it (to show its fingerprint). */
  const presentedCertificate = (address: string) =>
    handshake(
      address,
      { rejectUnauthorized: false },
      (socket) => certificateOf(socket.getPeerCertificate()),
      (error) => {
        throw connectionRefusal(error, address);
      },
    );

  /** Whether the system's anchors, with the server's own name, verify the server. */
  const systemTrusts = (address: string) =>
    handshake(
      address,
      systemCa ? { ca: systemCa } : {},
      () => true,
      (error) => {
        if (isCertificateRefusal(error)) return false;
        throw connectionRefusal(error, address);
      },
    );

  /** Ends the session on the server (best effort: an unreachable server keeps it until it expires) and forgets it here. */
  async function endSession(): Promise<void> {
    const current = settings;
    if (current && cookie) {
      await send(current, '/auth/sign-out', {}, { cookie }, (response) => readAnswer(response, current.address)).catch(() => undefined);
    }
    cookie = undefined;
    expired = false;
    await secrets.erase();
  }

  const controls: { [K in Exclude<UnitServerMethod, OfflineWorkMethod>]: (input: z.infer<(typeof unitServerApi)[K]['input']>) => Promise<UnitServerOutput<K>> } = {
    unitServerStatus: async () => status(),
    async connectUnitServer({ address: typed }) {
      const address = unitServerOrigin(typed);
      if (!address) throw new ApiError('invalid_input', unitServerText.httpsOnly);
      if (await systemTrusts(address)) {
        if (settings?.address !== address || settings.pin) {
          await endSession();
          save({ address, pin: null, person: null, role: null });
        }
        return { kind: 'connected', status: status() };
      }
      const { pem: _pem, ...certificate } = await presentedCertificate(address);
      return { kind: 'certificateToAccept', address, certificate };
    },
    async acceptUnitCertificate({ address: typed, fingerprint }) {
      const address = unitServerOrigin(typed);
      if (!address) throw new ApiError('invalid_input', unitServerText.httpsOnly);
      // The certificate is read again: only the one whose fingerprint the officer compared is trusted.
      const presented = await presentedCertificate(address);
      if (presented.fingerprint !== fingerprint) throw new ApiError('conflict', unitServerText.certificateNotAccepted);
      await endSession();
      save({ address, pin: presented, person: null, role: null });
      return status();
    },
    async signInToUnitServer({ login, password }) {
      const current = settings;
      if (!current) throw new ApiError('invalid_input', unitServerText.notConnected);
      await endSession();
      const answer = await send(current, '/auth/sign-in', { login, password }, {}, (response) => readAnswer(response, current.address));
      if (!answer.body.ok) throw ApiError.fromPayload(answer.body.error);
      const pair = String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const person = unitServerPersonSchema.safeParse((answer.body.value as { person?: unknown }).person);
      if (!pair.includes('=') || !person.success) throw new ApiError('internal', fill(unitServerText.badAnswer, { address: current.address, status: answer.status }));
      // A one-time password's session may only change it, which the browser's sign-in does: this one is ended at once.
      if ((answer.body.value as { person: { mustChangePassword?: unknown } }).person.mustChangePassword === true) {
        await send(current, '/auth/sign-out', {}, { cookie: pair }, (response) => readAnswer(response, current.address)).catch(() => undefined);
        throw new ApiError('forbidden', fill(unitServerText.mustChangePassword, { address: current.address }));
      }
      cookie = pair;
      await secrets.write(pair);
      save({ ...current, person: person.data, role: person.data.roles[0] ?? null });
      return status();
    },
    async chooseUnitServerRole({ role }) {
      if (!settings || !cookie || !settings.person) throw new ApiError('invalid_input', unitServerText.notSignedIn);
      if (!settings.person.roles.includes(role)) throw new ApiError('forbidden', unitServerText.notOwnRole);
      save({ ...settings, role: role as Role });
      return status();
    },
    async signOutOfUnitServer({ forgetServer }) {
      await endSession();
      if (settings) save(forgetServer ? undefined : { ...settings, person: null, role: null, workingHere: false });
      return status();
    },
    async workOnThisMachine({ here }) {
      if (!settings || !cookie) throw new ApiError('invalid_input', unitServerText.notSignedIn);
      save({ ...settings, workingHere: here });
      return status();
    },
  };

  return {
    forwarding: () => settings !== undefined && cookie !== undefined && !settings.workingHere,
    dispatch,
    download,
    address: () => settings?.address ?? null,
    async control(method, input) {
      if (isOfflineWorkMethod(method)) return { ok: false, error: { code: 'not_found', message: 'Không có phương thức này.' } };
      const parsed = unitServerApi[method].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toPayload() };
      try {
        const run = controls[method] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: unitServerApi[method].output.parse(await run(parsed.data)) };
      } catch (error) {
        return asEnvelope(error);
      }
    },
    close: () => agent?.destroy(),
  };
}

/** Where the window's calls go: to the unit's server while signed in to it, else to this machine's back end, untouched. */
export function routedTransport(local: { dispatch: Dispatch; download: OpenDownload }, unitServer: Pick<UnitServerClient, 'forwarding' | 'dispatch' | 'download'>): { dispatch: Dispatch; download: OpenDownload } {
  return {
    dispatch: (method, input) => (unitServer.forwarding() ? unitServer.dispatch(method, input) : local.dispatch(method, input)),
    download: (method, input) => (unitServer.forwarding() ? unitServer.download(method, input) : local.download(method, input)),
  };
}
