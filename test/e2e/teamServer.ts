// A unit's team server for e2e tests, set up as the README tells an administrator to: a throwaway PostgreSQL cluster
// (scripts/pg-cluster.ts), `tthc team init` and `tthc team user add` (their one-time passwords read from what they
// print), then `tthc serve --team` over HTTPS with a self-signed certificate made by openssl, as child processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { findPostgresBin, POSTGRES_INSTALL_HINT, startThrowawayCluster, type ThrowawayCluster } from '../../scripts/pg-cluster';
import { ownPasswordFor } from '../fixtures/ownPassword';
import { hasOpenssl, makeSelfSignedCertificate } from '../fixtures/selfSignedCertificate';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

export type TeamAccount = { login: string; name: string; roles: string; agency?: string; admin?: boolean };

export type RunningTeamServer = {
  origin: string;
  databaseUrl: string;
  /**
   * Each account's password: the one-time one `team init` / `team user add` printed is changed at the server's start,
   * as each person's first sign-in does (ownPasswordFor), so that a spec starts from officers who work.
   */
  passwords: Record<string, string>;
  /** `tthc --database … <args>`, its output; fails on a non-zero exit. */
  tthc: (args: string[]) => string;
  /**
   * An API session signed in as `login` (cookie kept, Origin sent as the page would), with their password unless told
   * another; a one-time password (a new person's, a reset's) is changed first, as the page makes them, and remembered.
   */
  signedIn: (login: string, password?: string) => Promise<TeamSession>;
  stop: () => Promise<void>;
};

export type TeamSession = { call: <T>(method: string, input: object) => Promise<T>; dispose: () => Promise<void> };

/** Signs `login` in on the server's own sign-in screen, as a person does, with their printed password; waits for the header's badge. */
export async function signInOnPage(page: Page, server: RunningTeamServer, login: string): Promise<void> {
  await page.goto(server.origin);
  const form = page.getByTestId('sign-in');
  await form.getByLabel('Tên đăng nhập').fill(login);
  await form.getByLabel('Mật khẩu').fill(server.passwords[login]!);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('profile-badge')).toBeVisible();
}

/** Why this machine cannot run a team server test, or null; under CI=true a missing tool is a failure, not a skip. */
export function teamServerMissing(): string | null {
  const missing = !findPostgresBin() ? `PostgreSQL (${POSTGRES_INSTALL_HINT})` : !hasOpenssl() ? 'openssl' : null;
  if (!missing) return null;
  const reason = `Bỏ qua kiểm thử máy chủ nhóm: thiếu ${missing}.`;
  if (process.env.CI === 'true') throw new Error(`${reason} CI phải cài (.ci/run).`);
  console.warn(reason);
  return reason;
}

const ONE_TIME_PASSWORD = /Mật khẩu dùng một lần của (\S+) \(.*\): (\S+)/;

/** How the server is run: `sessionIdleMs` shortens its 8-hour idle expiry (TTHC_TEST_SESSION_IDLE_MS). */
export type TeamServerOptions = { sessionIdleMs?: number };

/** The unit «Bộ Công Thương»: `admin` first (team init), then each of `others` (team user add). */
export async function startTeamServer(admin: TeamAccount, others: TeamAccount[], options: TeamServerOptions = {}): Promise<RunningTeamServer> {
  const cluster: ThrowawayCluster = await startThrowawayCluster();
  let server: ChildProcess | undefined;
  try {
    const databaseUrl = cluster.url('postgres');
    const tthc = (args: string[]): string => {
      const run = spawnSync(process.execPath, [CLI, '--database', databaseUrl, ...args], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`tthc ${args.join(' ')} exited with ${run.status}:\n${run.stdout}${run.stderr}`);
      return run.stdout;
    };
    const passwords: Record<string, string> = {};
    const remember = (printed: string) => {
      const [, login, password] = ONE_TIME_PASSWORD.exec(printed) ?? [];
      if (!login || !password) throw new Error(`no one-time password in:\n${printed}`);
      passwords[login] = password;
    };
    const agencyOf = (account: TeamAccount) => (account.agency ? ['--agency', account.agency] : []);
    remember(tthc(['team', 'init', '--unit', 'Bộ Công Thương', '--admin', admin.name, '--login', admin.login, '--role', admin.roles, ...agencyOf(admin)]));
    for (const account of others) {
      remember(tthc(['team', 'user', 'add', '--login', account.login, '--name', account.name, '--role', account.roles, ...agencyOf(account), ...(account.admin ? ['--admin'] : [])]));
    }

    const { certPath, keyPath } = makeSelfSignedCertificate();
    const child = spawn(process.execPath, [CLI, '--database', databaseUrl, 'serve', '--team', '--listen', '127.0.0.1:0', '--cert', certPath, '--key', keyPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(options.sessionIdleMs ? { TTHC_TEST_SESSION_IDLE_MS: String(options.sessionIdleMs) } : {}) },
    });
    server = child;
    let output = '';
    const origin = await new Promise<string>((resolveOrigin, reject) => {
      // As the web host's (webHost.ts): the bound ends a server that never starts, not a slow start on a loaded machine.
      const timer = setTimeout(() => reject(new Error(`team server did not start:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(https:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveOrigin(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`team server exited with ${code}:\n${output}`)));
    });

    const signedIn = async (login: string, password = passwords[login]): Promise<TeamSession> => {
      const context: APIRequestContext = await playwrightRequest.newContext({ baseURL: origin, ignoreHTTPSErrors: true, extraHTTPHeaders: { origin } });
      const answer = await context.post('/auth/sign-in', { data: { login, password } });
      if (!answer.ok()) throw new Error(`sign-in of ${login}: ${answer.status()} ${await answer.text()}`);
      if (((await answer.json()) as { value: { person: { mustChangePassword: boolean } } }).value.person.mustChangePassword) {
        const own = ownPasswordFor(password!);
        const changed = await context.post('/auth/change-password', { data: { currentPassword: password, newPassword: own } });
        if (!changed.ok()) throw new Error(`password change of ${login}: ${changed.status()} ${await changed.text()}`);
        passwords[login] = own;
      }
      return {
        async call<T>(method: string, input: object): Promise<T> {
          const body = (await (await context.post(`/api/${method}`, { data: input })).json()) as { ok: boolean; value: T; error?: unknown };
          if (!body.ok) throw new Error(`${method} as ${login}: ${JSON.stringify(body.error)}`);
          return body.value;
        },
        dispose: () => context.dispose(),
      };
    };

    // Each person's first sign-in: the one-time password for one of their own.
    for (const login of Object.keys(passwords)) await (await signedIn(login)).dispose();

    return {
      origin,
      databaseUrl,
      passwords,
      tthc,
      signedIn,
      stop: async () => {
        if (child.exitCode === null) {
          await new Promise<void>((resolveStop) => {
            child.once('exit', () => resolveStop());
            child.kill('SIGTERM');
          });
        }
        cluster.stop();
      },
    };
  } catch (error) {
    server?.kill('SIGKILL');
    cluster.stop();
    throw error;
  }
}

/** Who the team specs meet at Bộ Công Thương: its administrator Quản (a drafter too), and its drafters Lan and Hoa. */
export const QUAN: TeamAccount = { login: 'quantri', name: 'Nguyễn Văn Quản', roles: 'drafter', admin: true };
export const LAN: TeamAccount = { login: 'lan', name: 'Trần Thị Lan', roles: 'drafter' };
export const HOA: TeamAccount = { login: 'hoa', name: 'Lê Thị Hoa', roles: 'drafter' };

/** A draft Lan makes on the server before the test (a decree goes to the Government), with one new procedure when named. */
export type UnitDraft = { docType: 'nghi_dinh' | 'thong_tu'; title: string; procedure?: { name: string; level?: 'central' } };

/**
 * The drafting unit Bộ Công Thương on its team server: Quản its administrator, then `officers` (Lan and Hoa unless
 * told), everyone's own password set, and `drafts` made by Lan through the API; their ids (and their procedure's) in order.
 */
export async function startDraftingUnit({ officers = [LAN, HOA], drafts = [], ...options }: { officers?: TeamAccount[]; drafts?: UnitDraft[] } & TeamServerOptions = {}): Promise<{
  server: RunningTeamServer;
  drafts: { id: string; procedureId?: string }[];
}> {
  const server = await startTeamServer(QUAN, officers, options);
  const made: { id: string; procedureId?: string }[] = [];
  if (drafts.length > 0) {
    const lan = await server.signedIn(LAN.login);
    for (const { docType, title, procedure } of drafts) {
      const { id } = await lan.call<{ id: string }>('createDraft', { docType, title, draftingAgency: 'Bộ Công Thương', submittedToGovernment: docType === 'nghi_dinh' });
      const procedureId = procedure && (await lan.call<{ id: string }>('createRegulation', { draftId: id, fields: { kind: 'tthc', change: 'new', components: {}, ...procedure } })).id;
      made.push({ id, ...(procedureId ? { procedureId } : {}) });
    }
    await lan.dispose();
  }
  return { server, drafts: made };
}
