// The loopback web host: the same API as Electron IPC, over HTTP on 127.0.0.1 only, guarded by a per-run token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiResponse } from '../../shared/contract/client';
import type { ApiErrorCode } from '../../shared/contract/errors';
import { CONTENT_SECURITY_POLICY } from './contentSecurity';
import type { Dispatch } from './dispatcher';

export const TOKEN_HEADER = 'x-tthc-token';
const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 200 * 1024 * 1024;

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

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> };
export type WebHostOptions = { dispatch: Dispatch; staticDir: string; port?: number; token?: string };

function sendJson(response: ServerResponse, status: number, body: ApiResponse): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebHost({ dispatch, staticDir, port = 0, token = randomBytes(24).toString('hex') }: WebHostOptions): Promise<WebHost> {
  const expectedToken = Buffer.from(token);
  let allowedHosts = new Set<string>();

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (!tokenMatches(expectedToken, request.headers[TOKEN_HEADER])) {
      refuse(response, 401, 'unauthorized', 'Thiếu hoặc sai mã truy cập của phiên làm việc.');
      return;
    }
    if (request.method !== 'POST') {
      refuse(response, 405, 'invalid_input', 'Chỉ chấp nhận POST.');
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      refuse(response, 413, 'invalid_input', 'Dữ liệu gửi lên quá lớn.');
      return;
    }
    let input: unknown;
    try {
      input = body === '' ? {} : (JSON.parse(body) as unknown);
    } catch {
      refuse(response, 400, 'invalid_input', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
      return;
    }
    const result = await dispatch(method, input);
    sendJson(response, 200, result);
  }

  function serveStatic(pathname: string, response: ServerResponse): void {
    const root = normalize(staticDir);
    const requested = normalize(join(root, decodeURIComponent(pathname)));
    const insideRoot = requested === root || requested.startsWith(root + sep);
    const file = insideRoot && existsSync(requested) && statSync(requested).isFile() ? requested : join(root, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Giao diện chưa được build. Hãy chạy: npm run build:renderer');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'public, max-age=3600',
    });
    createReadStream(file).pipe(response);
  }

  const server = createServer((request, response) => {
    // A foreign Host header means DNS rebinding or a proxy: refuse before anything else.
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Host không hợp lệ.');
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname.startsWith('/api/')) {
      handleApi(request, response, pathname.slice('/api/'.length)).catch((error: unknown) => {
        refuse(response, 500, 'internal', `Lỗi máy chủ: ${String(error)}`);
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(response, 405, 'invalid_input', 'Phương thức không được hỗ trợ.');
      return;
    }
    serveStatic(pathname, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${actualPort}`, `localhost:${actualPort}`]);
  return {
    url: `http://${LOOPBACK}:${actualPort}/#token=${token}`,
    port: actualPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
