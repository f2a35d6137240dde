// The web host: the same API as Electron IPC. Solo, over HTTP on 127.0.0.1 only, guarded by a per-run token; for a
// unit's team server (issue 21), on the address it is given, over HTTPS (or behind the unit's TLS proxy), each call
// admitted by the signed-in person's session (main/transports/teamAccess.ts) and answered as that person.
// Kept on node:http rather than a framework: it serves one API route and static files, and a framework would sit on the
// same parser (clientError, header limits) while adding dozens of packages; every request passes through `handle`,
// whose failures all end as a status with a Vietnamese message, never as an exception reaching the process.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import type { ApiResponse } from '../../shared/contract/client';
import type { ApiErrorCode, FieldProblem } from '../../shared/contract/errors';
import type { StrictJsonRefusal } from '../../shared/domain/strictJson';
import { transportText } from '../../shared/i18n/transportMessages';
import { CONTENT_SECURITY_POLICY } from './contentSecurity';
import type { Dispatch, OpenDownload } from './dispatcher';
import { internalErrorMessage, type ErrorLog } from './errorLog';
import { JsonBytes, okEnvelopeParts, writeInChunks } from './jsonBytes';
import { readJsonInput, type InputReader, type JsonInputRead } from './jsonInput';

export const TOKEN_HEADER = 'x-tthc-token';
const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 200 * 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;
/** Method names of the contract are plain identifiers; anything else is refused before it reaches the dispatcher. */
const API_METHOD_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** On every response, refusals and errors included: nothing the host sends may be sniffed, framed or embedded elsewhere. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> };

/** Who answers an admitted call: the host's own dispatcher, or one acting as the signed-in person. */
export type Admitted = { dispatch: Dispatch; download?: OpenDownload };
export type Refusal = { status: number; code: ApiErrorCode; message: string };
/** A route of the team server's own (sign-in, sign-out): a JSON object in, a status, the API's envelope and headers out. */
export type OwnRoute = (input: object, request: IncomingMessage) => Promise<{ status: number; body: ApiResponse; headers?: OutgoingHttpHeaders }>;

/** Serving a unit: where it listens, TLS or the proxy's, and how a call is admitted. */
export type TeamServing = {
  host: string;
  tls?: { cert: Buffer; key: Buffer };
  /** Behind the unit's reverse proxy: it terminates TLS and says, in X-Forwarded-Proto and X-Forwarded-For, what the browser used. */
  trustProxy: boolean;
  /** Every API and download call: the session's person, or the refusal. */
  admit: (request: IncomingMessage) => Promise<Admitted | Refusal>;
  /** At POST /auth/<name>, under the same page checks as the API, before any session. */
  routes: Record<string, OwnRoute>;
  /** GET /events: the stream of others' changes (server-sent events), when the store has a change feed. */
  events?: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
};

export type WebHostOptions = {
  dispatch: Dispatch;
  /** The streamed files, at POST /download/<method> under the same rules as the API; without it that route answers 404. */
  download?: OpenDownload;
  staticDir: string;
  port?: number;
  token?: string;
  logError?: ErrorLog;
  /** A unit's team server instead of the solo loopback host: `dispatch`, `download` and `token` are then unused. */
  team?: TeamServing;
  /** Where the bodies of large calls (a dossier import) are read, off the thread serving every officer; by default here. */
  readInput?: InputReader;
};

/** A refused download answers with the API's envelope under a status that says why (the file's own type may be JSON). */
const DOWNLOAD_REFUSAL_STATUS: Partial<Record<ApiErrorCode, number>> = { invalid_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, busy: 503, storage: 507 };

function send(response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: string | Buffer): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', ...headers });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: ApiResponse): void {
  send(response, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));
}

/**
 * An answer a worker already wrote as JSON (the dossier of every draft, megabytes): only written out here, in slices
 * that wait for the socket, so that the other officers' calls are answered between them (issue 23, item 10).
 */
async function sendJsonBytes(response: ServerResponse, value: JsonBytes): Promise<void> {
  if (response.headersSent) return void response.destroy();
  const parts = okEnvelopeParts(value);
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  response.writeHead(200, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', 'content-length': length });
  await writeInChunks(response, parts);
  response.end();
}

function refuseApi(response: ServerResponse, status: number, code: ApiErrorCode, message: string, problems: FieldProblem[] = []): void {
  sendJson(response, status, { ok: false, error: { code, message, ...(problems.length > 0 ? { problems } : {}) } });
}

/** What the body is said to be when the strict reader refuses it; its problems say where. */
const STRICT_JSON_REFUSALS: Record<StrictJsonRefusal | 'not_object', string> = {
  other_format: transportText.notJson,
  not_utf8: transportText.notUtf8,
  empty: transportText.notJson,
  syntax: transportText.notJson,
  too_deep: transportText.tooDeep,
  repeated_key: transportText.repeatedKey,
  not_object: transportText.notObject,
};

function refuseText(response: ServerResponse, status: number, message: string): void {
  send(response, status, { 'content-type': 'text/plain; charset=utf-8' }, message);
}

/** A whole response written straight to a socket whose HTTP parsing failed (there is no ServerResponse then). */
function rawResponse(status: number, message: string): string {
  const body = Buffer.from(message, 'utf8');
  const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length), connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${message}`;
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/** The decoded path of an origin-form request target, or undefined for anything malformed (bad escapes, NUL, absolute form). */
export function decodeRequestPath(target: string | undefined): string | undefined {
  if (!target?.startsWith('/')) return undefined;
  const end = target.search(/[?#]/);
  const raw = end >= 0 ? target.slice(0, end) : target;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return decoded.includes('\0') ? undefined : decoded;
}

type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

async function readBody(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > MAX_BODY_BYTES) return { kind: 'too_large' };
      chunks.push(buffer);
    }
  } catch {
    return { kind: 'aborted' };
  }
  if (!request.complete) return { kind: 'aborted' };
  return { kind: 'ok', bytes: Buffer.concat(chunks) };
}

export async function startWebHost({
  dispatch,
  download,
  staticDir,
  port = 0,
  token = randomBytes(24).toString('hex'),
  logError = () => randomBytes(4).toString('hex'),
  team,
  readInput,
}: WebHostOptions): Promise<WebHost> {
  const expectedToken = Buffer.from(token);
  const soloGate = async (request: IncomingMessage): Promise<Admitted | Refusal> =>
    tokenMatches(expectedToken, request.headers[TOKEN_HEADER]) ? { dispatch, download } : { status: 401, code: 'unauthorized', message: transportText.unauthorized };
  const admit = team?.admit ?? soloGate;
  const root = normalize(staticDir);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  /**
   * Browsers name the page that sent a call; only the host's own page may call the API. Solo, clients without a page
   * send none. A team server answers every call from the network, so its calls must name the page, and that page must be
   * the server as the browser reached it (its Host, under the scheme the browser used): a cross-site form or script is refused.
   */
  function fromForeignPage(request: IncomingMessage): boolean {
    const { origin } = request.headers;
    if (team) return origin === undefined || origin !== ownOrigin(request) || !sameSiteFetch(request);
    if (origin !== undefined && !allowedOrigins.has(origin)) return true;
    return !sameSiteFetch(request);
  }

  function sameSiteFetch(request: IncomingMessage): boolean {
    const site = request.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  /** The origin the browser used: behind a trusted proxy its X-Forwarded-Proto, else this server's own scheme. */
  function ownOrigin(request: IncomingMessage): string {
    const forwarded = team?.trustProxy ? String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() : '';
    const scheme = forwarded === 'http' || forwarded === 'https' ? forwarded : team?.tls || team?.trustProxy ? 'https' : 'http';
    return `${scheme}://${request.headers.host ?? ''}`;
  }

  /** The checks every call passes, API or download: its page, its token or session, a POST of a JSON object. Undefined when refused. */
  async function readCall(request: IncomingMessage, response: ServerResponse, method: string): Promise<{ input: object; admitted: Admitted } | undefined> {
    if (fromForeignPage(request)) return void refuseApi(response, 403, 'forbidden', transportText.foreignOrigin);
    const admitted = await admit(request);
    if ('status' in admitted) return void refuseApi(response, admitted.status, admitted.code, admitted.message);
    if (!API_METHOD_NAME.test(method)) return void refuseApi(response, 404, 'not_found', transportText.unknownMethod);
    const input = await readJsonObject(request, response, method);
    return input && { input, admitted };
  }

  /** A POST of a JSON object, its body read by `readInput` when it reads `method`'s; undefined when refused. */
  async function readJsonObject(request: IncomingMessage, response: ServerResponse, method?: string): Promise<object | undefined> {
    if (request.method !== 'POST') return void refuseApi(response, 405, 'invalid_input', transportText.postOnly);
    if (!/^application\/json\s*(;.*)?$/i.test(request.headers['content-type'] ?? '')) {
      return void refuseApi(response, 415, 'invalid_input', transportText.jsonOnly);
    }
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return void refuseTooLarge(request, response);
    const body = await readBody(request);
    if (body.kind === 'aborted') return void response.destroy();
    if (body.kind === 'too_large') return void refuseTooLarge(request, response);
    // As strictly as the command line reads a file: a repeated key is refused, never settled by keeping the last one.
    const read: JsonInputRead = method !== undefined && readInput?.methods.has(method) ? await readInput.read(method, body.bytes) : readJsonInput(body.bytes);
    if (!read.ok) return void refuseApi(response, 400, 'invalid_input', STRICT_JSON_REFUSALS[read.reason], read.problems);
    return read.value;
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const call = await readCall(request, response, method);
    if (!call) return;
    const answer = await call.admitted.dispatch(method, call.input);
    if (answer.ok && answer.value instanceof JsonBytes) return sendJsonBytes(response, answer.value);
    sendJson(response, 200, answer);
  }

  async function handleOwnRoute(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (fromForeignPage(request)) return refuseApi(response, 403, 'forbidden', transportText.foreignOrigin);
    const route = Object.hasOwn(team?.routes ?? {}, name) ? team!.routes[name] : undefined;
    if (!route) return refuseApi(response, 404, 'not_found', transportText.unknownMethod);
    const input = await readJsonObject(request, response);
    if (input === undefined) return;
    const answer = await route(input, request);
    send(response, answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers }, JSON.stringify(answer.body));
  }

  /** A file streamed as it is made, so that neither the host nor the page holds it as base64 in one message. */
  async function handleDownload(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const call = await readCall(request, response, method);
    if (!call) return;
    if (!call.admitted.download) return refuseApi(response, 404, 'not_found', transportText.unknownMethod);
    const opened = await call.admitted.download(method, call.input);
    if (!opened.ok) return sendJson(response, DOWNLOAD_REFUSAL_STATUS[opened.error.code] ?? 500, opened);
    const { fileName, mimeType, writeTo } = opened.value;
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'cache-control': 'no-store',
      'content-type': mimeType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
    // Past the headers a failure can only cut the connection short: the page then reports a failed download.
    await writeTo(response).catch((error: unknown) => {
      logError(error, `download ${method}`);
      response.destroy();
    });
  }

  function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
    // The rest of the body is not worth reading: answer, then drop the connection.
    response.once('finish', () => request.destroy());
    send(response, 413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' }, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: transportText.tooLarge } }));
  }

  async function fileAt(path: string): Promise<string | undefined> {
    try {
      return (await stat(path)).isFile() ? path : undefined;
    } catch {
      return undefined;
    }
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const requested = normalize(join(root, pathname));
    const insideRoot = requested === root || requested.startsWith(root + sep);
    const file = (insideRoot ? await fileAt(requested) : undefined) ?? (await fileAt(join(root, 'index.html')));
    if (!file) return refuseText(response, 503, transportText.notBuilt);
    const headers = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'public, max-age=3600',
    };
    if (request.method === 'HEAD') return send(response, 200, headers);
    response.writeHead(200, { ...SECURITY_HEADERS, ...headers });
    // A file that vanishes or fails mid-read ends the connection instead of raising an unhandled stream error.
    pipeline(createReadStream(file), response, () => {});
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Solo, a foreign Host header means DNS rebinding or a proxy: refuse before anything else. A team server is reached
    // under the unit's names; a rebinding page there has no session cookie, and its calls fail the Origin check.
    if (!team && !allowedHosts.has(request.headers.host ?? '')) return refuseText(response, 421, transportText.badHost);
    const pathname = decodeRequestPath(request.url);
    if (pathname === undefined) return refuseText(response, 400, transportText.badPath);
    if (team && pathname.startsWith('/auth/')) return handleOwnRoute(request, response, pathname.slice('/auth/'.length));
    if (team?.events && pathname === '/events') return team.events(request, response);
    if (pathname.startsWith('/api/')) return handleApi(request, response, pathname.slice('/api/'.length));
    if (pathname.startsWith('/download/')) return handleDownload(request, response, pathname.slice('/download/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuseText(response, 405, transportText.methodNotAllowed);
    return serveStatic(request, response, pathname);
  }

  // requireHostHeader off: a missing Host gets our own 421 (with the security headers) instead of Node's bare 400.
  const serverOptions = { maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: 20_000, requestTimeout: 300_000, requireHostHeader: false };
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      const id = logError(error, `${request.method ?? ''} ${request.url ?? ''}`);
      if (request.url?.startsWith('/api/') || request.url?.startsWith('/download/')) refuseApi(response, 500, 'internal', internalErrorMessage(id));
      else refuseText(response, 500, internalErrorMessage(id));
    });
  };
  const server = team?.tls ? createTlsServer({ ...serverOptions, cert: team.tls.cert, key: team.tls.key }, onRequest) : createServer(serverOptions, onRequest);
  // Node closes an idle kept-alive connection after 5 s by default; a client sending its next call on that socket just
  // then gets a reset, and a POST is not retried (a test's API client hit it between two calls about 5 s apart). Past
  // a minute, as browsers keep idle connections, such a meeting is rare and the client has long seen the close.
  server.keepAliveTimeout = 65_000;
  // Requests the HTTP parser itself rejects (bad request line, oversize headers, slow clients) never reach `handle`.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inResponse = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage?.headersSent === true;
    if (error.code === 'ECONNRESET' || !socket.writable || inResponse) {
      socket.destroy();
      return;
    }
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, transportText.headersTooLarge]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, transportText.timeout]
          : [400, transportText.badRequest];
    socket.end(rawResponse(status, message));
  });
  server.on('error', (error) => logError(error, 'server'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, team?.host ?? LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${actualPort}`, `localhost:${actualPort}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const teamHost = team && (team.host.includes(':') ? `[${team.host}]` : team.host);
  return {
    url: team ? `${team.tls ? 'https' : 'http'}://${teamHost}:${actualPort}/` : `http://${LOOPBACK}:${actualPort}/#token=${token}`,
    port: actualPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
