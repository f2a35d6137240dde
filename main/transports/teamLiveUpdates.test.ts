// Seeing each other's work (issue 21, item 4): two officers signed in to two server processes of one unit (two
// stores on one PostgreSQL database, as two `tthc serve --team` behind a proxy would be); what one of them changes in a
// draft reaches the other's open event stream within 2 s, naming who changed it, through LISTEN/NOTIFY.
import { request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSelfSignedCertificate, requireOpenssl } from '../../test/fixtures/selfSignedCertificate';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { openBackend, type Backend } from '../app';
import { chooseOwnPassword } from '../../test/fixtures/ownPassword';
import { createTeamAccounts } from '../services/teamAccounts';
import { createTeamAccess } from './teamAccess';
import { startWebHost, type WebHost } from './webHost';

type Answer = { status: number; cookie?: string; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
const UNIT = 'Bộ Công Thương';

describePostgres('live updates between two team servers on one database', () => {
  const haveOpenssl = requireOpenssl();
  const database = useTestDatabase();
  const backends: Backend[] = [];
  const hosts: WebHost[] = [];
  const passwords: Record<string, string> = {};

  beforeAll(async () => {
    if (!haveOpenssl) return;
    const { cert, key } = makeSelfSignedCertificate();
    for (let server = 0; server < 2; server += 1) {
      const backend = await openBackend(database.url);
      backends.push(backend);
      const accounts = createTeamAccounts(backend.ctx);
      if (server === 0) {
        const lan = (await accounts.initUnit({ unit: UNIT, admin: { login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] } })).password;
        const minh = (await accounts.addPerson({ login: 'minh', fullName: 'Phạm Văn Minh', roles: ['drafter'] })).password;
        passwords.lan = await chooseOwnPassword(accounts, 'lan', lan);
        passwords.minh = await chooseOwnPassword(accounts, 'minh', minh);
      }
      const access = createTeamAccess({ accounts, actingAs: backend.actingAs, secureCookie: true, trustProxy: false, failures: backend.store.failures, changes: backend.store.changes });
      hosts.push(await startWebHost({ dispatch: backend.dispatch, staticDir: '/nonexistent', team: { host: '127.0.0.1', tls: { cert, key }, trustProxy: false, ...access } }));
    }
  });
  afterAll(async () => {
    for (const host of hosts) await host.close();
    for (const backend of backends) await backend.close();
  });

  const options = (host: WebHost, path: string, method: string, headers: Record<string, string>): RequestOptions => ({
    host: '127.0.0.1',
    port: host.port,
    path,
    method,
    rejectUnauthorized: false,
    headers: { origin: `https://127.0.0.1:${host.port}`, ...headers },
  });

  function post(host: WebHost, path: string, body: unknown, cookie?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const sent = request(options(host, path, 'POST', { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }), (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, cookie: response.headers['set-cookie']?.[0]?.split(';')[0], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }),
        );
      });
      sent.on('error', reject);
      sent.end(JSON.stringify(body));
    });
  }

  async function signIn(host: WebHost, login: string): Promise<string> {
    const answer = await post(host, '/auth/sign-in', { login, password: passwords[login] });
    expect(answer.status).toBe(200);
    return answer.cookie!;
  }

  /** An open event stream: the events read so far, and a wait for the next one that matches. */
  async function openStream(host: WebHost, cookie: string) {
    const received: Array<{ event: string; data: unknown }> = [];
    const waiting = new Set<() => void>();
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const sent = request(options(host, '/events', 'GET', { cookie, 'sec-fetch-site': 'same-origin' }), resolve);
      sent.on('error', reject);
      sent.end();
    });
    let buffered = '';
    let opened: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (opened = resolve));
    response.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (block.startsWith('retry:')) opened();
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) received.push({ event, data: JSON.parse(data) });
        waiting.forEach((wake) => wake());
      }
    });
    await ready;
    /** The first event that matches among those from the `from`-th on (all by default). */
    const next = (matches: (data: { draftId: string; by?: { login: string } }) => boolean, withinMs: number, from = 0) =>
      new Promise<{ draftId: string; by?: { login: string; fullName: string } }>((resolve, reject) => {
        const look = () => {
          const found = received.slice(from).find((item) => matches(item.data as { draftId: string; by?: { login: string } }));
          if (!found) return;
          waiting.delete(look);
          clearTimeout(timer);
          resolve(found.data as { draftId: string; by?: { login: string; fullName: string } });
        };
        const timer = setTimeout(() => (waiting.delete(look), reject(new Error(`no matching event within ${withinMs} ms: ${JSON.stringify(received)}`))), withinMs);
        waiting.add(look);
        look();
      });
    return { response, status: response.statusCode, next, count: () => received.length, close: () => response.destroy() };
  }

  it.skipIf(!haveOpenssl)("tells an officer on one server, within 2 s, of a draft another officer changed on the other server", async () => {
    const [first, second] = hosts as [WebHost, WebHost];
    const lan = await signIn(first, 'lan');
    const minh = await signIn(second, 'minh');
    const created = await post(first, '/api/createDraft', { docType: 'thong_tu', title: 'Thông tư về xúc tiến thương mại', draftingAgency: UNIT, submittedToGovernment: false }, lan);
    const draft = created.body.value as { id: string; version: number };
    const stream = await openStream(first, lan);
    try {
      expect(stream.status).toBe(200);
      const changed = await post(second, '/api/createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép xúc tiến thương mại', components: {} } }, minh);
      expect(changed.body.ok, JSON.stringify(changed.body.error)).toBe(true);
      const seen = await stream.next((data) => data.draftId === draft.id && data.by?.login === 'minh', 2000);
      expect(seen).toEqual({ draftId: draft.id, by: { login: 'minh', fullName: 'Phạm Văn Minh' } });
      // A draft's own edit is told too, named as the editor's, so that the page that made it knows to stay quiet.
      const edited = await post(first, '/api/updateDraft', { id: draft.id, version: draft.version, fields: { docType: 'thong_tu', title: 'Thông tư về xúc tiến thương mại (sửa)', draftingAgency: UNIT, submittedToGovernment: false } }, lan);
      expect(edited.body.ok, JSON.stringify(edited.body.error)).toBe(true);
      expect(await stream.next((data) => data.draftId === draft.id && data.by?.login === 'lan', 2000)).toEqual({ draftId: draft.id, by: { login: 'lan', fullName: 'Trần Thị Lan' } });
    } finally {
      stream.close();
    }
  });

  it.skipIf(!haveOpenssl)('tells an officer with the draft open, within 2 s, that another took it to work offline, and again when it is sent back', async () => {
    const [first, second] = hosts as [WebHost, WebHost];
    const lan = await signIn(first, 'lan');
    const minh = await signIn(second, 'minh');
    const created = await post(first, '/api/createDraft', { docType: 'thong_tu', title: 'Thông tư về hội chợ triển lãm', draftingAgency: UNIT, submittedToGovernment: false }, lan);
    const draft = created.body.value as { id: string };
    const stream = await openStream(first, lan);
    try {
      const taken = await post(second, '/api/takeDraftOffline', { draftId: draft.id }, minh);
      expect(taken.body.ok, JSON.stringify(taken.body.error)).toBe(true);
      expect(await stream.next((data) => data.draftId === draft.id && data.by?.login === 'minh', 2000)).toEqual({ draftId: draft.id, by: { login: 'minh', fullName: 'Phạm Văn Minh' } });
      const before = (await post(first, '/api/getDraftChange', { draftId: draft.id }, lan)).body.value;
      const { dossier } = taken.body.value as { dossier: unknown };
      const from = stream.count();
      const returned = await post(second, '/api/returnDraftOnline', { draftId: draft.id, dossier }, minh);
      expect(returned.body.ok, JSON.stringify(returned.body.error)).toBe(true);
      // Sent back unchanged, nothing of the draft was written: the send-back itself is told, to the stream and to a page that asks.
      await stream.next((data) => data.draftId === draft.id && data.by?.login === 'minh', 2000, from);
      expect((await post(first, '/api/getDraftChange', { draftId: draft.id }, lan)).body.value).not.toEqual(before);
    } finally {
      stream.close();
    }
  });

  it.skipIf(!haveOpenssl)('opens no stream without a session, nor for another site', async () => {
    const [first] = hosts as [WebHost];
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const sent = request(options(first, '/events', 'GET', headers), (response) => (response.resume(), resolve(response.statusCode ?? 0)));
        sent.on('error', reject);
        sent.end();
      });
    expect(await status({})).toBe(401);
    expect(await status({ cookie: await signIn(first, 'lan'), 'sec-fetch-site': 'cross-site' })).toBe(403);
  });
});
