// The team server's security over real HTTPS (issue 21): each attack a person on the LAN or a foreign web page could
// try, and what the server answers. Runs on SQLite and, in the postgres project, on PostgreSQL.
import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate, requireOpenssl } from '../../test/fixtures/selfSignedCertificate';
import { createTestStore } from '../../test/unit/helpers';
import { actingAs } from '../services/actingPerson';
import { createServiceContext, type ServiceContext } from '../services/context';
import { createHandlers } from '../services/handlers';
import { createTeamAccounts, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type TeamAccounts } from '../services/teamAccounts';
import { chooseOwnPassword } from '../../test/fixtures/ownPassword';
import { createTeamAdministrationService } from '../services/teamAdministration';
import { createDispatcher } from './dispatcher';
import { createTeamAccess, listenRefusal, MUST_CHANGE_PASSWORD } from './teamAccess';
import { startWebHost, type WebHost } from './webHost';
import { parseListen } from './cliTeam';

type Answer = { status: number; cookie: string | undefined; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };

const haveOpenssl = requireOpenssl();

describe.skipIf(!haveOpenssl)('the team server over HTTPS', () => {
  const clock = { ms: Date.parse('2026-03-02T08:00:00Z') };
  let ctx: ServiceContext;
  let host: WebHost;
  let origin: string;
  let accounts: TeamAccounts;
  /** Each person's own password, chosen at their first sign-in. */
  const passwords: Record<string, string> = {};

  beforeAll(async () => {
    ctx = createServiceContext(await createTestStore(), { now: () => new Date(clock.ms).toISOString() });
    accounts = createTeamAccounts(ctx);
    const oneTime = {
      quantri: (await accounts.initUnit({ unit: 'Bộ Công Thương', admin: { login: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } })).password,
      lan: (await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] })).password,
      hoa: (await accounts.addPerson({ login: 'hoa', fullName: 'Lê Thị Hoa', agency: 'Bộ Tư pháp', roles: ['drafter', 'appraiser'] })).password,
      minh: (await accounts.addPerson({ login: 'minh', fullName: 'Phạm Minh', roles: ['drafter'] })).password,
    };
    for (const [login, password] of Object.entries(oneTime)) passwords[login] = await chooseOwnPassword(accounts, login, password);
    const { cert, key } = makeSelfSignedCertificate();
    const access = createTeamAccess({
      accounts,
      actingAs: (person) => ({ dispatch: createDispatcher(createHandlers(actingAs(ctx, person)), { failures: ctx.store.failures }) }),
      secureCookie: true,
      trustProxy: false,
      failures: ctx.store.failures,
    });
    host = await startWebHost({ dispatch: async () => ({ ok: false, error: { code: 'internal', message: 'unused' } }), staticDir: '/nonexistent', team: { host: '127.0.0.1', tls: { cert, key }, trustProxy: false, ...access } });
    origin = `https://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host?.close();
    await ctx?.store.close();
  });

  function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const text = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const sent = httpsRequest(
        { host: '127.0.0.1', port: host.port, path, method: 'POST', rejectUnauthorized: false, headers: { origin, 'content-type': 'application/json', ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const cookie = response.headers['set-cookie']?.[0];
            resolve({ status: response.statusCode ?? 0, cookie, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
          });
        },
      );
      sent.on('error', reject);
      sent.end(text);
    });
  }

  const tokenIn = (cookie: string | undefined) => /^__Host-tthc-session=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';
  const withToken = (token: string, headers: Record<string, string> = {}) => ({ cookie: `__Host-tthc-session=${token}`, ...headers });

  async function signIn(login: string, headers: Record<string, string> = {}): Promise<string> {
    const answer = await post('/auth/sign-in', { login, password: passwords[login] }, headers);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return tokenIn(answer.cookie);
  }

  it('signs in with an HttpOnly, Secure, SameSite=Strict __Host- cookie, and acts as that person', async () => {
    const answer = await post('/auth/sign-in', { login: 'lan', password: passwords.lan });
    expect(answer.status).toBe(200);
    expect(answer.cookie).toMatch(/^__Host-tthc-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure; Max-Age=604800$/);
    expect(answer.body.value).toEqual({ person: { login: 'lan', fullName: 'Trần Thị Lan', agency: 'Bộ Công Thương', roles: ['drafter'], administrator: false, mustChangePassword: false } });
    const profile = await post('/api/getProfile', {}, withToken(tokenIn(answer.cookie)));
    expect(profile.body).toEqual({ ok: true, value: { profile: { agency: 'Bộ Công Thương', role: 'drafter', officerName: 'Trần Thị Lan' } } });
    // The profile is the account's: nobody changes their agency or role from the page.
    const changed = await post('/api/saveProfile', { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'X' }, withToken(tokenIn(answer.cookie)));
    expect(changed.body.error?.code).toBe('forbidden');
  });

  it('refuses a call without a session, with a made-up token, or with a token after sign-out (stolen then revoked)', async () => {
    expect((await post('/api/getProfile', {})).status).toBe(401);
    expect((await post('/api/getProfile', {}, withToken('A'.repeat(43)))).status).toBe(401);
    const token = await signIn('lan');
    expect((await post('/api/getProfile', {}, withToken(token))).status).toBe(200);
    const out = await post('/auth/sign-out', {}, withToken(token));
    expect(out.cookie).toMatch(/^__Host-tthc-session=; .*Max-Age=0$/);
    // Whoever copied the cookie before sign-out holds nothing any more.
    const stolen = await post('/api/getProfile', {}, withToken(token));
    expect(stolen.status).toBe(401);
    expect(stolen.body.error?.message).toBe('Chưa đăng nhập, hoặc phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.');
  });

  it('never adopts a session token planted before sign-in (session fixation)', async () => {
    const planted = 'B'.repeat(43);
    const answer = await post('/auth/sign-in', { login: 'lan', password: passwords.lan }, withToken(planted));
    expect(answer.status).toBe(200);
    expect(tokenIn(answer.cookie)).not.toBe(planted);
    expect((await post('/api/getProfile', {}, withToken(planted))).status).toBe(401);
    // Signing in over a real session ends it: the old token is not left alive beside the new one.
    const first = tokenIn(answer.cookie);
    const second = tokenIn((await post('/auth/sign-in', { login: 'lan', password: passwords.lan }, withToken(first))).cookie);
    expect((await post('/api/getProfile', {}, withToken(first))).status).toBe(401);
    expect((await post('/api/getProfile', {}, withToken(second))).status).toBe(200);
  });

  it('ends a session after 8 idle hours, and after 7 days however busy', async () => {
    const idle = await signIn('lan');
    clock.ms += SESSION_IDLE_MS;
    expect((await post('/api/getProfile', {}, withToken(idle))).status).toBe(401);
    const busy = await signIn('lan');
    const signedInAt = clock.ms;
    // Kept alive by a call every 6 hours, right up to the seventh day.
    while (clock.ms + 6 * 60 * 60 * 1000 < signedInAt + SESSION_ABSOLUTE_MS) {
      clock.ms += 6 * 60 * 60 * 1000;
      expect((await post('/api/getProfile', {}, withToken(busy))).status).toBe(200);
    }
    clock.ms = signedInAt + SESSION_ABSOLUTE_MS;
    expect((await post('/api/getProfile', {}, withToken(busy))).status).toBe(401);
  });

  it('signs out everywhere: every session of the person ends, others keep theirs', async () => {
    const office = await signIn('minh');
    const home = await signIn('minh');
    const other = await signIn('quantri');
    const everywhere = await post('/auth/sign-out-everywhere', {}, withToken(home));
    expect(everywhere.body).toEqual({ ok: true, value: { ended: 2 } });
    expect((await post('/api/getProfile', {}, withToken(office))).status).toBe(401);
    expect((await post('/api/getProfile', {}, withToken(home))).status).toBe(401);
    expect((await post('/api/getProfile', {}, withToken(other))).status).toBe(200);
  });

  it('answers an unknown login exactly as a wrong password, and slows the next attempt after each failure', async () => {
    const unknown = await post('/auth/sign-in', { login: 'khongcoai', password: 'x' });
    const wrong = await post('/auth/sign-in', { login: 'quantri', password: 'x' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ status: 401, cookie: undefined, body: { ok: false, error: { code: 'unauthorized', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } } });
    // Right away, even the right password waits: a guesser gets one try per growing delay.
    const throttled = await post('/auth/sign-in', { login: 'quantri', password: passwords.quantri });
    expect(throttled).toMatchObject({ status: 403, cookie: undefined });
    expect(throttled.body.error?.message).toMatch(/^Đăng nhập sai nhiều lần liên tiếp\. Hãy thử lại sau \d+ giây\.$/);
    clock.ms += 2000;
    expect((await post('/auth/sign-in', { login: 'quantri', password: passwords.quantri })).status).toBe(200);
  });

  it('refuses every state-changing request from another page: foreign Origin, no Origin, cross-site fetch', async () => {
    const token = await signIn('lan');
    const draft = { docType: 'nghi_dinh', title: 'Nghị định thử', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true };
    for (const headers of <Array<Record<string, string>>>[{ origin: 'https://evil.example' }, { origin: `http://127.0.0.1:${host.port}` }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }]) {
      const answer = await post('/api/createDraft', draft, withToken(token, headers));
      expect(answer.status, JSON.stringify(headers)).toBe(403);
    }
    const withoutOrigin = await new Promise<number>((resolve, reject) => {
      const sent = httpsRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/createDraft', method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json', ...withToken(token) } },
        (response) => (response.resume(), resolve(response.statusCode ?? 0)),
      );
      sent.on('error', reject);
      sent.end(JSON.stringify(draft));
    });
    expect(withoutOrigin).toBe(403);
    // A login form on another site cannot sign the browser in to an account of its choosing either.
    expect((await post('/auth/sign-in', { login: 'lan', password: passwords.lan }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/api/createDraft', draft, withToken(token))).status).toBe(200);
  });

  it("refuses a write outside the person's roles or agency, in Vietnamese", async () => {
    const lan = await signIn('lan');
    const created = await post('/api/createDraft', { docType: 'nghi_dinh', title: 'Nghị định về xúc tiến thương mại', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true }, withToken(lan));
    expect(created.body.ok).toBe(true);
    const { id, version: opened } = created.body.value as { id: string; version: number };
    const fields = { docType: 'nghi_dinh', title: 'Nghị định về xúc tiến thương mại (sửa)', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true };
    const updated = await post('/api/updateDraft', { id, version: opened, fields }, withToken(lan));
    expect(updated.body.ok).toBe(true);
    // Every later edit is made on the version now stored, so that only the person and role decide the answer.
    const version = (updated.body.value as { version: number }).version;

    // A drafter of Bộ Tư pháp holds the role, but not on Bộ Công Thương's draft.
    const hoa = await signIn('hoa');
    const outside = await post('/api/updateDraft', { id, version, fields }, withToken(hoa, { 'x-tthc-role': 'drafter' }));
    expect(outside.body.error).toEqual({
      code: 'forbidden',
      message: 'Thông tin dự thảo của dự thảo này do «Bộ Công Thương» ghi; tài khoản của bạn thuộc «Bộ Tư pháp».',
    });
    // In a role she holds but that does not own the data, the role rule refuses.
    const asAppraiser = await post('/api/updateDraft', { id, version, fields }, withToken(hoa, { 'x-tthc-role': 'appraiser' }));
    expect(asAppraiser.body.error?.message).toMatch(/^Chỉ «Cơ quan chủ trì soạn thảo» được sửa thông tin dự thảo/);
    // A role the person does not hold cannot be chosen at all.
    const notHeld = await post('/api/updateDraft', { id, version, fields }, withToken(lan, { 'x-tthc-role': 'reviewer' }));
    expect(notHeld).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'Tài khoản lan không giữ vai trò này; chỉ chọn được trong các vai trò của mình.' } } });
  });

  it('lets a one-time password open a session that may only change it; then the new one works and the old one no longer signs in', async () => {
    const oneTime = (await accounts.addPerson({ login: 'thu', fullName: 'Đỗ Thị Thu', roles: ['drafter'] })).password;
    const first = await post('/auth/sign-in', { login: 'thu', password: oneTime });
    expect(first.body.value).toMatchObject({ person: { login: 'thu', mustChangePassword: true } });
    const token = tokenIn(first.cookie);
    const elsewhere = await post('/auth/sign-in', { login: 'thu', password: oneTime });
    // Every call of the app is refused, in Vietnamese, until the password is changed.
    for (const [method, input] of [['listDrafts', {}], ['getProfile', {}], ['createDraft', { docType: 'nghi_dinh', title: 'Nghị định thử', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true }]] as const) {
      const refused = await post(`/api/${method}`, input, withToken(token));
      expect(refused, method).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden', message: MUST_CHANGE_PASSWORD } } });
    }
    expect((await post('/auth/me', {}, withToken(token))).body.value).toMatchObject({ person: { login: 'thu', mustChangePassword: true } });

    const change = (currentPassword: string, newPassword: string) => post('/auth/change-password', { currentPassword, newPassword }, withToken(token));
    expect((await change(oneTime, oneTime)).body.error).toEqual({ code: 'invalid_input', message: 'Mật khẩu mới phải khác mật khẩu đang dùng.', problems: [{ path: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu đang dùng.' }] });
    expect((await change(oneTime, 'ngắn quá')).body.error?.message).toBe('Mật khẩu mới phải dài ít nhất 12 ký tự.');
    expect((await change('không phải mật khẩu này', 'Cây đa đầu làng 2026')).body.error?.message).toBe('Mật khẩu đang dùng không đúng.');
    // A wrong current password counts as a failed sign-in of the account: the next try waits.
    expect((await change(oneTime, 'Cây đa đầu làng 2026')).body.error?.message).toMatch(/^Đăng nhập sai nhiều lần liên tiếp/);
    expect((await post('/api/listDrafts', {}, withToken(token))).status).toBe(403);
    clock.ms += 2000;
    const changed = await change(oneTime, 'Cây đa đầu làng 2026');
    expect(changed.body).toEqual({ ok: true, value: { person: { login: 'thu', fullName: 'Đỗ Thị Thu', agency: 'Bộ Công Thương', roles: ['drafter'], administrator: false, mustChangePassword: false }, ended: 1 } });

    // This session now works; the one opened elsewhere with the one-time password has ended.
    expect((await post('/api/listDrafts', {}, withToken(token))).body.ok).toBe(true);
    expect((await post('/api/listDrafts', {}, withToken(tokenIn(elsewhere.cookie)))).status).toBe(401);
    expect((await post('/auth/sign-in', { login: 'thu', password: oneTime })).status).toBe(401);
    clock.ms += 2000;
    const again = await post('/auth/sign-in', { login: 'thu', password: 'Cây đa đầu làng 2026' });
    expect(again.body.value).toMatchObject({ person: { login: 'thu', mustChangePassword: false } });
    expect((await post('/api/listDrafts', {}, withToken(tokenIn(again.cookie)))).body.ok).toBe(true);
  });

  it('lets an officer change their own password at any time: the current one is required, their other sessions end, this one stays', async () => {
    const office = await signIn('minh');
    const home = await signIn('minh');
    const other = await signIn('quantri');
    expect((await post('/auth/change-password', { currentPassword: passwords.minh, newPassword: 'Hoa sen nở giữa hồ' })).status).toBe(401);
    const changed = await post('/auth/change-password', { currentPassword: passwords.minh, newPassword: 'Hoa sen nở giữa hồ' }, withToken(office));
    expect(changed.body.value).toMatchObject({ person: { login: 'minh', mustChangePassword: false }, ended: 1 });
    expect((await post('/api/listDrafts', {}, withToken(office))).body.ok).toBe(true);
    expect((await post('/api/listDrafts', {}, withToken(home))).status).toBe(401);
    expect((await post('/api/listDrafts', {}, withToken(other))).body.ok).toBe(true);
    expect((await post('/auth/sign-in', { login: 'minh', password: passwords.minh })).status).toBe(401);
    passwords.minh = 'Hoa sen nở giữa hồ';
    clock.ms += 2000;
    expect((await post('/auth/sign-in', { login: 'minh', password: passwords.minh })).status).toBe(200);
  });

  it("makes the password one-time again on an administrator's reset, and signs the person out", async () => {
    const lan = await signIn('lan');
    const reset = await createTeamAdministrationService(actingAs(ctx, { personId: (await ctx.read((repos) => repos.accounts.findPersonByLogin('quantri')))!.person.id, login: 'quantri', fullName: 'Nguyễn Văn Quản', agency: 'Bộ Công Thương', role: 'drafter' })).resetTeamPassword({ login: 'lan' });
    expect((await post('/api/listDrafts', {}, withToken(lan))).status).toBe(401);
    const signed = await post('/auth/sign-in', { login: 'lan', password: reset.oneTimePassword });
    expect(signed.body.value).toMatchObject({ person: { login: 'lan', mustChangePassword: true } });
    expect((await post('/api/listDrafts', {}, withToken(tokenIn(signed.cookie)))).body.error?.message).toBe(MUST_CHANGE_PASSWORD);
    const changed = await post('/auth/change-password', { currentPassword: reset.oneTimePassword, newPassword: 'Trống đồng Đông Sơn' }, withToken(tokenIn(signed.cookie)));
    expect(changed.body.ok).toBe(true);
    passwords.lan = 'Trống đồng Đông Sơn';
    expect((await post('/api/listDrafts', {}, withToken(tokenIn(signed.cookie)))).body.ok).toBe(true);
  });

  it('refuses to listen on the network without TLS unless --insecure-lan', () => {
    expect(listenRefusal({ host: '0.0.0.0', tls: false, insecureLan: false })).toMatch(/^Không mở máy chủ nhóm trên 0\.0\.0\.0 mà không có TLS/);
    expect(listenRefusal({ host: '192.168.1.10', tls: false, insecureLan: false })).not.toBeNull();
    expect(listenRefusal({ host: '::', tls: false, insecureLan: false })).not.toBeNull();
    expect(listenRefusal({ host: '0.0.0.0', tls: true, insecureLan: false })).toBeNull();
    expect(listenRefusal({ host: '0.0.0.0', tls: false, insecureLan: true })).toBeNull();
    for (const loopback of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(listenRefusal({ host: loopback, tls: false, insecureLan: false })).toBeNull();
    expect(parseListen('0.0.0.0:8443')).toEqual({ host: '0.0.0.0', port: 8443 });
    expect(parseListen('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
    expect(parseListen('8443')).toBeUndefined();
    expect(parseListen('host:99999')).toBeUndefined();
  });
});
