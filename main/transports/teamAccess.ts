// How the team server admits a call (issue 21): the session cookie names a signed-in person, the call acts as that
// person in one of their own roles, and sign-in, sign-out and sign-out everywhere are the server's own routes. The
// cookie is HttpOnly, SameSite=Strict and (except on a plain-HTTP LAN the administrator chose) Secure under the
// __Host- prefix, so no script, other site or other host can read, send or plant it.
import { isIP } from 'node:net';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ApiError, type ApiErrorCode } from '../../shared/contract/errors';
import { ROLES, type Role } from '../../shared/domain/vocabulary';
import type { ChangeFeed, PersonRecord, StoreFailures } from '../../db/port';
import { transportText } from '../../shared/i18n/transportMessages';
import type { ActingPerson } from '../services/actingPerson';
import { SESSION_ABSOLUTE_MS, type TeamAccounts } from '../services/teamAccounts';
import { SECURITY_HEADERS, type Admitted, type OwnRoute, type Refusal, type TeamServing } from './webHost';

/** The role the page acts in, among the person's own; without it, their first. */
export const ROLE_HEADER = 'x-tthc-role';

export type TeamAccessOptions = {
  accounts: TeamAccounts;
  actingAs: (person: ActingPerson) => Admitted;
  /** False only for plain HTTP on a LAN (--insecure-lan): a browser drops a Secure cookie sent without TLS. */
  secureCookie: boolean;
  trustProxy: boolean;
  /** The store's words for a database server out of reach and for a write that found no turn (StoreFailures). */
  failures: Pick<StoreFailures, 'isUnavailable' | 'isBusy'>;
  /** Committed changes of drafts, from every server process on the database (Store.changes); none: no /events. */
  changes?: ChangeFeed;
};

/** How often an open event stream is sent a comment (proxies close silent connections) and its session checked again. */
export const EVENT_STREAM_CHECK_MS = 25_000;
/** How long a new stream waits for the feed to listen before it opens anyway (the database may be restarting). */
const LISTENING_WAIT_MS = 2_000;

/** What the page is told of the signed-in person: never an id or a hash. */
export type SignedInPerson = Pick<PersonRecord, 'login' | 'fullName' | 'agency' | 'roles' | 'administrator' | 'mustChangePassword'>;
const shown = ({ login, fullName, agency, roles, administrator, mustChangePassword }: PersonRecord): SignedInPerson => ({ login, fullName, agency, roles, administrator, mustChangePassword });

const SIGNED_OUT = 'Chưa đăng nhập, hoặc phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.';
/** What every call but the password change is answered while the person's password is the one-time one they were handed. */
export const MUST_CHANGE_PASSWORD = 'Mật khẩu đang dùng là mật khẩu dùng một lần do quản trị viên cấp: hãy đổi mật khẩu (Đổi mật khẩu) trước khi làm việc.';
const STATUS: Partial<Record<ApiErrorCode, number>> = { invalid_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, busy: 503 };

/** The address a sign-in came from, for throttling: behind the unit's proxy, the one the proxy appended last. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',').at(-1)?.trim() : undefined;
  return forwarded && isIP(forwarded) ? forwarded : (request.socket.remoteAddress ?? '');
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function createTeamAccess({ accounts, actingAs, secureCookie, trustProxy, failures, changes }: TeamAccessOptions): Pick<TeamServing, 'admit' | 'routes' | 'events'> {  const cookieName = secureCookie ? '__Host-tthc-session' : 'tthc-session';
  const attributes = `Path=/; HttpOnly; SameSite=Strict${secureCookie ? '; Secure' : ''}`;
  const setCookie = (token: string): OutgoingHttpHeaders => ({ 'set-cookie': `${cookieName}=${token}; ${attributes}; Max-Age=${SESSION_ABSOLUTE_MS / 1000}` });
  const clearCookie: OutgoingHttpHeaders = { 'set-cookie': `${cookieName}=; ${attributes}; Max-Age=0` };
  const tokenOf = (request: IncomingMessage) => cookieValue(request, cookieName);
  /**
   * What to say of a store failure nobody can repair by retyping: the database server out of reach (it reconnects by
   * itself), or a write that found no turn in time — 200 officers signing in at once (npm run bench:team); else null.
   */
  const storeBusyText = (error: unknown): string | null =>
    failures.isUnavailable(error) ? transportText.reconnecting : failures.isBusy(error) ? transportText.busy : null;

  /** One dispatcher per person and role (and name and agency, as the profile carries them), built on first use. */
  const transports = new Map<string, Admitted>();
  function transportFor(person: ActingPerson): Admitted {
    const key = JSON.stringify(person);
    let found = transports.get(key);
    if (!found) {
      if (transports.size >= 1000) transports.clear();
      transports.set(key, (found = actingAs(person)));
    }
    return found;
  }

  const refusal = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    return { status: STATUS[error.code] ?? 500, body: { ok: false as const, error: error.toPayload() } };
  };

  const routes: Record<string, OwnRoute> = {
    async 'sign-in'(input, request) {
      const { login, password } = input as { login?: unknown; password?: unknown };
      if (typeof login !== 'string' || typeof password !== 'string' || login.length > 200 || password.length > 1000) {
        return refusal(new ApiError('invalid_input', 'Hãy nhập tên đăng nhập và mật khẩu.'));
      }
      try {
        // A session the browser already holds ends here: a sign-in always starts a new one, whatever cookie came with it.
        const previous = tokenOf(request);
        if (previous) await accounts.signOut(previous);
        const signed = await accounts.signIn({ login, password, address: clientAddress(request, trustProxy) });
        return { status: 200, body: { ok: true, value: { person: shown(signed.person) } }, headers: setCookie(signed.token) };
      } catch (error) {
        return refusal(error);
      }
    },
    async me(_input, request) {
      const token = tokenOf(request);
      const session = token ? await accounts.sessionPerson(token) : undefined;
      if (!session) return refusal(new ApiError('unauthorized', SIGNED_OUT));
      return { status: 200, body: { ok: true, value: { person: shown(session.person) } } };
    },
    /** The signed-in person's own password (the only call a one-time password's session may make); their other sessions end. */
    async 'change-password'(input, request) {
      const { currentPassword, newPassword } = input as { currentPassword?: unknown; newPassword?: unknown };
      if (typeof currentPassword !== 'string' || typeof newPassword !== 'string' || currentPassword === '' || newPassword === '') {
        return refusal(new ApiError('invalid_input', 'Hãy nhập mật khẩu đang dùng và mật khẩu mới.'));
      }
      const token = tokenOf(request);
      const session = token ? await accounts.sessionPerson(token) : undefined;
      if (!session) return refusal(new ApiError('unauthorized', SIGNED_OUT));
      try {
        const changed = await accounts.changePassword(session, { currentPassword, newPassword });
        return { status: 200, body: { ok: true, value: { person: shown(changed.person), ended: changed.ended } } };
      } catch (error) {
        return refusal(error);
      }
    },
    async 'sign-out'(_input, request) {
      const token = tokenOf(request);
      if (token) await accounts.signOut(token);
      return { status: 200, body: { ok: true, value: { ended: token ? 1 : 0 } }, headers: clearCookie };
    },
    async 'sign-out-everywhere'(_input, request) {
      const token = tokenOf(request);
      if (!token || !(await accounts.sessionPerson(token))) return refusal(new ApiError('unauthorized', SIGNED_OUT));
      const ended = await accounts.signOutEverywhere(token);
      return { status: 200, body: { ok: true, value: { ended } }, headers: clearCookie };
    },
  };

  async function admit(request: IncomingMessage): Promise<Admitted | Refusal> {
    const token = tokenOf(request);
    let session: Awaited<ReturnType<TeamAccounts['sessionPerson']>>;
    try {
      session = token ? await accounts.sessionPerson(token) : undefined;
    } catch (error) {
      const busy = storeBusyText(error);
      if (busy) return { status: 503, code: 'busy', message: busy };
      throw error;
    }
    if (!session) return { status: 401, code: 'unauthorized', message: SIGNED_OUT };
    const { person } = session;
    if (person.mustChangePassword) return { status: 403, code: 'forbidden', message: MUST_CHANGE_PASSWORD };
    const asked = request.headers[ROLE_HEADER];
    const role = typeof asked === 'string' && asked !== '' ? asked : person.roles[0];
    if (!role || !(ROLES as readonly string[]).includes(role) || !person.roles.includes(role as Role)) {
      return { status: 403, code: 'forbidden', message: `Tài khoản ${person.login} không giữ vai trò này; chỉ chọn được trong các vai trò của mình.` };
    }
    return transportFor({ personId: person.id, login: person.login, fullName: person.fullName, agency: person.agency, role: role as Role });
  }

  // While the database server is down or restarting, or too busy to give a write its turn, sign-in and sign-out say so
  // in Vietnamese (503) instead of an internal error, and work again as soon as the store has reconnected or has a turn.
  const reachableRoutes = Object.fromEntries(
    Object.entries(routes).map(([name, route]): [string, OwnRoute] => [
      name,
      async (input, request) => {
        try {
          return await route(input, request);
        } catch (error) {
          const busy = storeBusyText(error);
          if (busy) return refusal(new ApiError('busy', busy));
          throw error;
        }
      },
    ]),
  );
  /**
   * GET /events: each committed change of a draft, by anyone on any server of the unit, as a server-sent event
   * `draft` ({ draftId, by }), to a signed-in page of this server. The session is checked again every
   * EVENT_STREAM_CHECK_MS: a stream outlives neither sign-out nor expiry by longer than that.
   */
  async function events(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refuse = (status: number, message: string) => {
      response.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' });
      response.end(message);
    };
    if (request.method !== 'GET') return refuse(405, transportText.methodNotAllowed);
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(403, transportText.foreignOrigin);
    const token = tokenOf(request);
    // A one-time password's session has no app to keep up to date: it may only change the password.
    const stillSignedIn = async () => {
      const session = token ? await accounts.sessionPerson(token) : undefined;
      return session !== undefined && !session.person.mustChangePassword;
    };
    try {
      if (!(await stillSignedIn())) return refuse(401, SIGNED_OUT);
    } catch (error) {
      const busy = storeBusyText(error);
      if (busy) return refuse(503, busy);
      throw error;
    }
    await Promise.race([changes!.listening(), new Promise((resolve) => setTimeout(resolve, LISTENING_WAIT_MS))]);
    // The browser may have gone while the session was read (a closed tab, the server shutting down): its 'close' has
    // then already fired, and a stream opened now would keep its check running, and the server process alive, forever.
    if (response.destroyed || request.destroyed) return;
    // x-accel-buffering: a proxy (nginx) passes each event on at once instead of buffering the stream.
    response.writeHead(200, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': 'text/event-stream; charset=utf-8', 'x-accel-buffering': 'no' });
    response.write('retry: 2000\n\n');
    const unsubscribe = changes!.subscribe((change) => response.write(`event: draft\ndata: ${JSON.stringify(change)}\n\n`));
    const check = setInterval(() => {
      stillSignedIn().then(
        (signedIn) => (signedIn ? response.write(': \n\n') : response.end()),
        () => response.write(': \n\n'),
      );
    }, EVENT_STREAM_CHECK_MS);
    response.once('close', () => {
      unsubscribe();
      clearInterval(check);
    });
  }

  return { admit, routes: reachableRoutes, ...(changes ? { events } : {}) };
}

/** Loopback addresses, where a browser on the same machine is the only one who can connect. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The rule for where a team server may listen: anything else than loopback needs TLS (or --trust-proxy behind the
 * unit's proxy on this machine), unless the administrator says --insecure-lan; null when allowed.
 */
export function listenRefusal({ host, tls, insecureLan }: { host: string; tls: boolean; insecureLan: boolean }): string | null {
  if (tls || insecureLan || isLoopback(host)) return null;
  return (
    `Không mở máy chủ nhóm trên ${host} mà không có TLS: mật khẩu và phiên đăng nhập sẽ đi qua mạng ở dạng đọc được. ` +
    'Hãy cho --cert FILE --key FILE, hoặc nghe trên 127.0.0.1 với --trust-proxy sau máy chủ proxy của đơn vị; --insecure-lan chỉ dùng khi chấp nhận rủi ro đó.'
  );
}

export const INSECURE_LAN_WARNING =
  'CẢNH BÁO: máy chủ nhóm đang chạy không có TLS (--insecure-lan). Mật khẩu và phiên đăng nhập đi qua mạng ở dạng đọc được; chỉ dùng trong mạng nội bộ tin cậy, và hãy chuyển sang --cert/--key sớm.';
