// The web host as a hostile page or a broken client would meet it: raw sockets, malformed requests, foreign origins.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/unit/helpers';
import { createHandlers } from '../services/handlers';
import { createDispatcher, type Dispatch } from './dispatcher';
import { SECURITY_HEADERS, startWebHost, TOKEN_HEADER, type WebHost } from './webHost';
import { hostileRequestArbitrary, rawRequest, type RawAnswer } from '../../test/fixtures/hostileHttp';

let host: WebHost;
let hostHeader: string;
let origin: string;
const staticDir = mkdtempSync(join(tmpdir(), 'tthc-webhost-'));
const logged: unknown[] = [];

function get(path: string, extra = ''): Promise<RawAnswer> {
  // HTTP/1.0 keeps bodies unchunked, so the test reads them as sent.
  return rawRequest(host.port, `GET ${path} HTTP/1.0\r\nHost: ${hostHeader}\r\n${extra}\r\n`);
}

function api(method: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers }, body });
}

async function isAnswering(): Promise<boolean> {
  const response = await api('listDrafts', '{}');
  return response.status === 200 && ((await response.json()) as { ok: boolean }).ok;
}

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Bàn thẩm định TTHC</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  const ctx = await createTestContext();
  const dispatch = createDispatcher(createHandlers(ctx), { failures: ctx.store.failures });
  host = await startWebHost({ dispatch, staticDir, logError: (error) => (logged.push(error), 'abcd1234') });
  hostHeader = `127.0.0.1:${host.port}`;
  origin = `http://${hostHeader}`;
});

afterAll(async () => {
  await host.close();
});

const expectSecurityHeaders = (headers: Record<string, string> | Headers) => {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(read(name), name).toBe(value);
  expect(read('cache-control')).toBeTruthy();
};

describe('web host: malformed paths', () => {
  it.each(['/%', '/%zz', '/assets/%ff', '/api%', '/api/%', '/api/list%Drafts', '/%00', '/assets/%E0%A4%A'])(
    'refuses %s with 400 and a Vietnamese message, and keeps serving',
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('không hợp lệ');
      expectSecurityHeaders(answer.headers);
      expect(await isAnswering()).toBe(true);
    },
  );

  it('refuses an absolute-form target and a request line the parser cannot read', async () => {
    expect((await rawRequest(host.port, `GET http://evil.example/ HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`)).status).toBe(400);
    const garbage = await rawRequest(host.port, 'G\u0000T / HTTP/1.1\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.body).toBe('Yêu cầu HTTP không hợp lệ.');
    expectSecurityHeaders(garbage.headers);
    expect(await isAnswering()).toBe(true);
  });

  it('answers oversize headers with 431 and a Vietnamese message', async () => {
    const answer = await rawRequest(host.port, `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.body).toBe('Phần đầu (header) của yêu cầu quá lớn.');
    expect(await isAnswering()).toBe(true);
  });

  it('keeps serving files inside its folder only', async () => {
    const asset = await get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1);');
    expectSecurityHeaders(asset.headers);
    const escape = await get('/../../../../etc/passwd');
    expect(escape.body).not.toContain('root:');
    const encodedEscape = await get('/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
    expect(encodedEscape.body).not.toContain('root:');
  });
});

describe('web host: API guards', () => {
  it('keeps the existing behaviours: 401 without the token, 421 for a foreign Host, 200 with the token', async () => {
    const withoutToken = await fetch(`${origin}/api/listDrafts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(withoutToken.status).toBe(401);
    expectSecurityHeaders(withoutToken.headers);
    expect(await withoutToken.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Thiếu hoặc sai mã truy cập của phiên làm việc.' } });
    const foreignHost = await rawRequest(host.port, `GET / HTTP/1.1\r\nHost: evil.example:${host.port}\r\nConnection: close\r\n\r\n`);
    expect(foreignHost.status).toBe(421);
    expectSecurityHeaders(foreignHost.headers);
    const noHost = await rawRequest(host.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost.status).toBe(421);
    expect(await isAnswering()).toBe(true);
  });

  it('refuses every one of 336 variants of the token', async () => {
    const token = host.token;
    const variants = new Set<string>();
    const otherHex = (char: string) => (char === '0' ? '1' : '0');
    for (let index = 0; index < token.length; index++) {
      const [before, char, after] = [token.slice(0, index), token[index]!, token.slice(index + 1)];
      variants.add(token.slice(0, index)); // truncated (down to empty)
      variants.add(before + otherHex(char) + after); // one character wrong
      variants.add(before + 'G' + after); // one character outside the alphabet
      variants.add(before + after); // one character missing
      variants.add(`${token}${otherHex(char)}`.slice(0, token.length + 1 + (index % 3))); // too long
      variants.add(before + char.toUpperCase() + after + (/[a-f]/.test(char) ? '' : 'A')); // case changed or extended
      variants.add(`${after}${before}${char}`); // rotated
      variants.add(`${before}x${char}${after}`); // one character inserted
      variants.add(token.slice(index + 1)); // its beginning cut off
    }
    for (const wrapper of ['Bearer ', 'Token ', 'token=', '"', "'", '#token=']) variants.add(`${wrapper}${token}`);
    variants.add(token.toUpperCase());
    variants.add(Buffer.from(token).toString('base64'));
    variants.add([...token].reverse().join(''));
    variants.delete(token);
    const list = [...variants].slice(0, 336);
    expect(list).toHaveLength(336);
    const statuses = await Promise.all(list.map(async (variant) => (await api('listDrafts', '{}', { [TOKEN_HEADER]: variant })).status));
    expect(statuses.filter((status) => status !== 401)).toEqual([]);
  }, 30_000);

  it('refuses a call from a foreign page even with the right token, and accepts its own page and page-less clients', async () => {
    for (const foreign of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `${origin}.evil.example`, `https://${hostHeader}`, `${origin}/`]) {
      const response = await api('listDrafts', '{}', { origin: foreign });
      expect(response.status, foreign).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Yêu cầu đến từ một trang khác, không được phép gọi ứng dụng.');
    }
    expect((await api('listDrafts', '{}', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('listDrafts', '{}', { origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await api('listDrafts', '{}', { origin: `http://localhost:${host.port}` })).status).toBe(200);
    expect((await api('listDrafts', '{}')).status).toBe(200);
  });

  it('refuses wrong methods, content types and bodies with a status and a Vietnamese message', async () => {
    const cases: [string, RequestInit, number, string][] = [
      ['GET', { method: 'GET' }, 405, 'Chỉ chấp nhận POST.'],
      ['text/plain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }, 415, 'Dữ liệu gửi lên phải có kiểu application/json.'],
      ['no type', { method: 'POST', body: new Uint8Array([123, 125]) }, 415, 'Dữ liệu gửi lên phải có kiểu application/json.'],
      ['not JSON', { method: 'POST', body: '{"a":' }, 400, 'Dữ liệu gửi lên không phải JSON hợp lệ.'],
      ['array', { method: 'POST', body: '[]' }, 400, 'Dữ liệu gửi lên phải là một đối tượng JSON ({…}).'],
      ['null', { method: 'POST', body: 'null' }, 400, 'Dữ liệu gửi lên phải là một đối tượng JSON ({…}).'],
      ['number', { method: 'POST', body: '42' }, 400, 'Dữ liệu gửi lên phải là một đối tượng JSON ({…}).'],
      ['string', { method: 'POST', body: '"x"' }, 400, 'Dữ liệu gửi lên phải là một đối tượng JSON ({…}).'],
      ['bad UTF-8', { method: 'POST', body: new Uint8Array([123, 34, 0xff, 0xfe, 34, 58, 49, 125]) }, 400, 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.'],
    ];
    for (const [label, init, status, message] of cases) {
      const headers = { [TOKEN_HEADER]: host.token, ...(label === 'no type' || label === 'text/plain' ? {} : { 'content-type': 'application/json' }), ...(init.headers as Record<string, string>) };
      const response = await fetch(`${origin}/api/listDrafts`, { ...init, headers });
      expect(response.status, label).toBe(status);
      expectSecurityHeaders(response.headers);
      expect(((await response.json()) as { error: { message: string } }).error.message, label).toBe(message);
    }
    const unknown = await api('x'.repeat(500), '{}');
    expect(unknown.status).toBe(404);
  });

  it('reads a body as strictly as the command line reads a file: a repeated key is refused, not settled by the last (issue 23)', async () => {
    const title = (value: string) => `"title": ${JSON.stringify(value)}`;
    const body = `{"docType": "nghi_dinh", ${title('Dự thảo thật')}, "draftingAgency": "Bộ Tư pháp", "submittedToGovernment": true, ${title('Dự thảo giả')}}`;
    const response = await api('createDraft', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; problems: { path: string; message: string }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Dữ liệu gửi lên có khóa lặp lại trong cùng một đối tượng, không rõ giá trị nào đúng; không có gì được ghi.');
    expect(error.problems).toEqual([{ path: 'title', message: expect.stringMatching(/^khóa "title" lặp lại trong cùng một đối tượng \(dòng 1, cột \d+; lần đầu ở dòng 1, cột \d+\)/) }]);
    const listed = (await (await api('listDrafts', '{}')).json()) as { value: { total: number } };
    expect(listed.value.total).toBe(0);
    const deep = await api('listDrafts', `{"a": ${'['.repeat(100)}${']'.repeat(100)}}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: { message: string } }).error.message).toBe('Dữ liệu gửi lên lồng nhau quá sâu.');
  });

  it('survives a body announced larger than the limit and one cut off half-way', async () => {
    const huge = await rawRequest(
      host.port,
      `POST /api/listDrafts HTTP/1.1\r\nHost: ${hostHeader}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\ncontent-length: 999999999999\r\n\r\n{}`,
    );
    expect(huge.status).toBe(413);
    await rawRequest(
      host.port,
      `POST /api/createDraft HTTP/1.1\r\nHost: ${hostHeader}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\ncontent-length: 5000\r\n\r\n{"docType":"luat"`,
      { destroyAfterWrite: true, waitMs: 200 },
    );
    expect(await isAnswering()).toBe(true);
  });

  it('answers a failing call with one line and an error id, never a stack', async () => {
    const throwing: Dispatch = () => Promise.reject(new Error('boom at line 42'));
    const seen: unknown[] = [];
    const fragile = await startWebHost({ dispatch: throwing, staticDir, logError: (error) => (seen.push(error), 'feed0001') });
    try {
      const response = await fetch(`http://127.0.0.1:${fragile.port}/api/listDrafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: fragile.token },
        body: '{}',
      });
      expect(response.status).toBe(500);
      expectSecurityHeaders(response.headers);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({ code: 'internal', message: 'Lỗi nội bộ (mã lỗi feed0001). Chi tiết đã được ghi vào nhật ký lỗi.' });
      expect(seen).toHaveLength(1);
    } finally {
      await fragile.close();
    }
  });
});

describe('web host: fuzzed raw requests', () => {
  const requestArbitrary = hostileRequestArbitrary(() => ({ hostHeader, token: host.token }));

  it('stays alive and answers every malformed request with a status, never a 5xx', async () => {
    const requests = fc.sample(requestArbitrary, { numRuns: 400, seed: 20261202 }).map((request) => request.text);
    const statuses = new Map<string, number>();
    for (let start = 0; start < requests.length; start += 100) {
      const batch = requests.slice(start, start + 100);
      const answers = await Promise.all(batch.map((request) => rawRequest(host.port, request, { halfClose: true })));
      for (const answer of answers) {
        const key = String(answer.status ?? 'no answer');
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (answer.status !== undefined) {
          expect(answer.status, answer.raw.slice(0, 300)).toBeLessThan(500);
          expectSecurityHeaders(answer.headers);
        }
      }
      expect(await isAnswering()).toBe(true);
    }
    // Only requests cut off before their end may go unanswered; the rest all got a status.
    expect(statuses.get('no answer') ?? 0).toBeLessThan(requests.length / 2);
    expect(logged).toEqual([]);
    console.info(`web host fuzz: ${requests.length} raw requests →`, Object.fromEntries(statuses));
  }, 30_000);
});
