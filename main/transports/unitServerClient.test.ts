// The desktop app's forwarding transport (issue 21, item 5) without Electron, against a real `tthc serve --team`
// process over HTTPS on PostgreSQL: the unit's self-signed certificate accepted once by fingerprint, sign-in, calls
// made as the signed-in officer, and what the officer is told when the session ends, the server is down or another
// certificate answers at the same address. And solo: with no server set nothing changes.
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/contract/client';
import type { UnitServerStatus } from '../../shared/contract/unitServerApi';
import { makeSelfSignedCertificate, requireOpenssl, type TestCertificate } from '../../test/fixtures/selfSignedCertificate';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { openBackend } from '../app';
import { chooseOwnPassword } from '../../test/fixtures/ownPassword';
import { createTeamAccounts } from '../services/teamAccounts';
import type { Dispatch, OpenDownload } from './dispatcher';
import { jsonSettingsFile, memorySecretStore, openUnitServerClient, routedTransport, unitServerOrigin, type UnitServerClient } from './unitServerClient';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const newDraft = { docType: 'thong_tu', title: 'Thông tư quy định thủ tục cấp giấy phép kinh doanh xăng dầu', draftingAgency: 'Bộ Công Thương', submittedToGovernment: false };

/** A stand-in for this machine's back end that records what reaches it. */
function localBackEnd() {
  const calls: Array<[string, unknown]> = [];
  const answer: ApiResponse = { ok: true, value: { local: true } };
  const dispatch: Dispatch = async (method, input) => (calls.push([method, input]), answer);
  const download: OpenDownload = async (method, input) => (calls.push([method, input]), { ok: false, error: { code: 'not_found', message: 'local' } });
  return { calls, answer, dispatch, download };
}

const value = <T>(response: ApiResponse): T => {
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  return response.value as T;
};

describe('the unit server address an officer types', () => {
  it('is taken as https origin only', () => {
    expect(unitServerOrigin('tthc.bct.local:8443')).toBe('https://tthc.bct.local:8443');
    expect(unitServerOrigin(' https://10.0.0.5/ ')).toBe('https://10.0.0.5');
    expect(unitServerOrigin('https://[::1]:9443')).toBe('https://[::1]:9443');
    for (const refused of ['http://tthc.bct.local', 'https://user:pw@tthc.bct.local', 'https://tthc.bct.local/app', 'https://tthc.bct.local/?x=1', 'file:///etc/passwd', '', 'https://']) {
      expect(unitServerOrigin(refused), refused).toBeUndefined();
    }
  });
});

describe('solo: no unit server set', () => {
  it('sends every call to this machine, as it was, and writes no settings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tthc-solo-'));
    const settingsPath = join(folder, 'unit-server.json');
    const client = await openUnitServerClient({ settings: jsonSettingsFile(settingsPath), secrets: memorySecretStore() });
    const local = localBackEnd();
    const routed = routedTransport(local, client);
    expect(await routed.dispatch('listDrafts', { limit: 5 })).toBe(local.answer);
    await routed.download('exportDossier', {});
    expect(local.calls).toEqual([
      ['listDrafts', { limit: 5 }],
      ['exportDossier', {}],
    ]);
    expect(client.forwarding()).toBe(false);
    expect(value<UnitServerStatus>(await client.control('unitServerStatus', {}))).toMatchObject({ state: 'solo', address: null, person: null });
    expect(existsSync(settingsPath)).toBe(false);
    client.close();
  });
});

describePostgres('the desktop client of a real team server', () => {
  const haveOpenssl = requireOpenssl();
  const database = useTestDatabase();
  const started: ChildProcess[] = [];
  let certificateA: TestCertificate;
  let certificateB: TestCertificate;
  let password: string;
  let port = 0;
  let server: ChildProcess | undefined;
  let printed = '';

  async function startServer(certificate: TestCertificate): Promise<void> {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/tthc.js'), 'serve', '--team', '--database', database.url, '--listen', `127.0.0.1:${port}`, '--cert', certificate.certPath, '--key', certificate.keyPath],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.push(child);
    port = await new Promise<number>((resolvePort, reject) => {
      let seen = '';
      const read = (chunk: Buffer) => {
        seen += chunk.toString();
        printed = seen;
        const match = /https:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
        if (match) resolvePort(Number(match[1]));
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', () => reject(new Error(`tthc serve --team exited before printing its address:\n${seen}`)));
    });
    server = child;
  }

  async function stopServer(): Promise<void> {
    const child = server!;
    await new Promise<void>((resolveStop) => {
      child.once('exit', () => resolveStop());
      child.kill('SIGTERM');
    });
  }

  beforeAll(async () => {
    if (!haveOpenssl) return;
    const backend = await openBackend(database.url);
    try {
      const accounts = createTeamAccounts(backend.ctx);
      await accounts.initUnit({ unit: 'Bộ Công Thương', admin: { login: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } });
      password = await chooseOwnPassword(accounts, 'lan', (await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] })).password);
    } finally {
      await backend.close();
    }
    certificateA = makeSelfSignedCertificate();
    certificateB = makeSelfSignedCertificate();
    await startServer(certificateA);
  }, 120_000);
  afterAll(() => {
    for (const child of started) child.kill('SIGKILL');
  });

  it.skipIf(!haveOpenssl)('accepts the certificate once by fingerprint, forwards as the officer, and says what went wrong in Vietnamese', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tthc-client-'));
    const settings = jsonSettingsFile(join(folder, 'unit-server.json'));
    const secrets = memorySecretStore();
    const local = localBackEnd();
    let client: UnitServerClient = await openUnitServerClient({ settings, secrets });
    const address = `127.0.0.1:${port}`;

    // The self-signed certificate is shown by its fingerprint, as openssl computes it; nothing is stored yet.
    const offered = value<{ kind: string; certificate: { fingerprint: string } }>(await client.control('connectUnitServer', { address }));
    expect(offered).toMatchObject({ kind: 'certificateToAccept', certificate: { fingerprint: new X509Certificate(certificateA.cert).fingerprint256 } });
    // The server prints the same fingerprint for the administrator to hand out.
    await expect.poll(() => printed).toContain(offered.certificate.fingerprint);
    expect(settings.load()).toBeUndefined();
    // Accepting another fingerprint than the one presented trusts nothing.
    const wrongAccept = await client.control('acceptUnitCertificate', { address, fingerprint: new X509Certificate(certificateB.cert).fingerprint256 });
    expect(wrongAccept).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(settings.load()).toBeUndefined();
    expect(value<UnitServerStatus>(await client.control('acceptUnitCertificate', { address, fingerprint: offered.certificate.fingerprint }))).toMatchObject({ state: 'signedOut', address: `https://${address}` });

    // Connected but signed out: still this machine.
    const routed = () => routedTransport(local, client);
    expect(await routed().dispatch('listDrafts', {})).toBe(local.answer);

    const refused = await client.control('signInToUnitServer', { login: 'lan', password: 'sai mật khẩu' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    // The server slows the next sign-in after a failure (1 s after the first).
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_100));
    expect(value<UnitServerStatus>(await client.control('signInToUnitServer', { login: 'lan', password }))).toMatchObject({
      state: 'signedIn',
      person: { login: 'lan', fullName: 'Trần Thị Lan', agency: 'Bộ Công Thương' },
      role: 'drafter',
    });
    local.calls.length = 0;

    // A write made through the client is the server's, recorded as Lan's; this machine's back end sees nothing.
    const created = value<{ id: string; title: string }>(await routed().dispatch('createDraft', newDraft));
    expect(created.title).toBe(newDraft.title);
    expect(local.calls).toEqual([]);
    expect(value<{ profile: { officerName: string } }>(await routed().dispatch('getProfile', {})).profile).toMatchObject({ officerName: 'Trần Thị Lan', agency: 'Bộ Công Thương', role: 'drafter' });

    // The session outlives the client (kept in the SecretStore): a new run forwards at once.
    client.close();
    client = await openUnitServerClient({ settings, secrets });
    expect(client.forwarding()).toBe(true);
    expect(value<{ id: string }>(await routed().dispatch('getDraft', { id: created.id })).id).toBe(created.id);

    // The administrator resets Lan's password: her session ends, and the client asks her to sign in again.
    const backend = await openBackend(database.url);
    const oneTime = (await createTeamAccounts(backend.ctx).resetPassword('lan')).password;
    const expired = await routed().dispatch('getDraft', { id: created.id });
    expect(expired).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('Hãy đăng nhập lại') } });
    expect(value<UnitServerStatus>(await client.control('unitServerStatus', {})).state).toBe('sessionExpired');
    // Never silently back to this machine's data.
    expect(local.calls).toEqual([]);
    // The new password is one-time: the desktop app sends her to the browser's forced change instead of a session that can do nothing.
    const oneTimeRefused = await client.control('signInToUnitServer', { login: 'lan', password: oneTime });
    expect(oneTimeRefused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Mật khẩu này chỉ dùng một lần\. Hãy mở https:\/\/127\.0\.0\.1:\d+ trong trình duyệt/) } });
    password = await chooseOwnPassword(createTeamAccounts(backend.ctx), 'lan', oneTime);
    await backend.close();
    expect(value<UnitServerStatus>(await client.control('signInToUnitServer', { login: 'lan', password })).state).toBe('signedIn');

    // The server is down: the officer is told it is reconnecting, and the call comes back when the server does.
    await stopServer();
    const down = await routed().dispatch('getDraft', { id: created.id });
    expect(down).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('đang kết nối lại') } });

    // Another certificate at the same address: refused before anything is sent (the session is not offered to it).
    await startServer(certificateB);
    const impostor = await routed().dispatch('getDraft', { id: created.id });
    expect(impostor).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('chứng chỉ khác với chứng chỉ đã tin cậy') } });
    await stopServer();

    // The unit's own server again: the same session works, no new sign-in.
    await startServer(certificateA);
    expect(value<{ id: string }>(await routed().dispatch('getDraft', { id: created.id })).id).toBe(created.id);

    // Sign-out ends the session on the server and brings the app back to this machine.
    expect(value<UnitServerStatus>(await client.control('signOutOfUnitServer', { forgetServer: true }))).toMatchObject({ state: 'solo', address: null });
    expect(await routed().dispatch('listDrafts', {})).toBe(local.answer);
    expect(settings.load()).toBeUndefined();
    client.close();
  });
});
