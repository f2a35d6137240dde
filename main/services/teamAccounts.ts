// The team server's accounts (issue 21): the unit, its persons, their passwords (argon2id) and sessions (random tokens
// stored as their SHA-256 only), and sign-in throttled per account and per address. The CLI (`tthc team …`) and the
// team web host call it; the acting person it answers is what the services act as on the team server.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { ApiError } from '../../shared/contract/errors';
import { ROLES, type Role } from '../../shared/domain/vocabulary';
import type { PersonRecord, Repositories } from '../../db/port';
import type { AccountChange } from '../../shared/domain/permissions';
import { newPasswordRefusal, PASSWORD_MAX_LENGTH } from '../../shared/domain/passwords';
import type { ServiceContext } from './context';

/** A session ends 8 hours after its last request, and 7 days after sign-in whatever happens. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** A session's last-seen instant is written at most once a minute (an eighth of a shorter idle expiry), not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): a sign-in costs tens of milliseconds on this 2-core machine, so
 * a unit's morning sign-ins do not queue, and a guess offline costs the same.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Sign-in failures in a row: the next attempt on that key waits 2^(failures − free − 1) seconds, at most 15 minutes. */
const THROTTLE = { account: { free: 0 }, address: { free: 10 }, maxWaitMs: 15 * 60 * 1000 } as const;

/** Passwords the CLI prints once: 16 characters without look-alikes (0/O, 1/l/I), about 90 bits. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 16;

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const WRONG_CURRENT_PASSWORD = 'Mật khẩu đang dùng không đúng.';

export type SignedIn = { token: string; person: PersonRecord };
export type SessionPerson = { person: PersonRecord; tokenHash: string };
export type NewPerson = { login: string; fullName: string; agency?: string; roles: readonly string[]; administrator?: boolean };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function generatePassword(): string {
  // Rejection sampling: bytes ≥ the largest multiple of the alphabet's size are drawn again, so every character is equally likely.
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  let password = '';
  while (password.length < PASSWORD_LENGTH) {
    for (const byte of randomBytes(PASSWORD_LENGTH)) {
      if (byte < limit && password.length < PASSWORD_LENGTH) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}

const normaliseLogin = (login: string): string => login.trim().toLowerCase();

function checkedLogin(login: string): string {
  const normalised = normaliseLogin(login);
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(normalised)) {
    throw new ApiError('invalid_input', 'Tên đăng nhập phải dài 2–64 ký tự, chỉ gồm chữ cái không dấu, chữ số và dấu . _ -, bắt đầu bằng chữ cái hoặc chữ số.', [
      { path: 'login', message: 'Tên đăng nhập không hợp lệ.' },
    ]);
  }
  return normalised;
}

function checkedRoles(roles: readonly string[]): Role[] {
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new ApiError('invalid_input', `Vai trò phải là một hoặc nhiều trong: ${ROLES.join(', ')}.`, [{ path: 'roles', message: 'Vai trò không hợp lệ.' }]);
  }
  return [...new Set(roles as Role[])];
}

function checkedName(text: string, path: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 200) throw new ApiError('invalid_input', `${what} không được để trống và dài tối đa 200 ký tự.`, [{ path, message: `${what} không hợp lệ.` }]);
  return trimmed;
}

/** The wait the failures on a key impose from its last failure, in milliseconds. */
export function throttleWaitMs(failures: number, free: number): number {
  const counted = failures - free;
  return counted <= 0 ? 0 : Math.min(THROTTLE.maxWaitMs, 1000 * 2 ** (counted - 1));
}

let decoyHash: Promise<string> | undefined;
/** Verifying against a hash nobody's password matches costs what a real check costs, so an unknown login answers no faster. */
const decoy = () => (decoyHash ??= argon2.hash(randomBytes(32).toString('hex'), HASH_OPTIONS));

/**
 * Checked inside each account change's transaction, before anything is written: the administration screen's guard
 * (main/services/teamAdministration.ts); the command line, run by whoever holds the database, passes none.
 */
export type AccountGuard = (repos: Repositories, change: AccountChange, target?: PersonRecord, administratorAfter?: boolean) => Promise<void>;

/**
 * The idle expiry a server runs with: 8 hours, or a shorter one the test suite sets through TTHC_TEST_SESSION_IDLE_MS
 * (an e2e cannot wait 8 hours for a session to end over an open form). It can only shorten, never lengthen.
 */
export function sessionIdleMsFrom(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.TTHC_TEST_SESSION_IDLE_MS);
  return Number.isFinite(asked) && asked > 0 ? Math.min(asked, SESSION_IDLE_MS) : SESSION_IDLE_MS;
}

export function createTeamAccounts(ctx: ServiceContext, guard: AccountGuard = async () => undefined, sessionIdleMs = SESSION_IDLE_MS) {
  const nowMs = () => Date.parse(ctx.now());
  const touchEveryMs = Math.min(TOUCH_EVERY_MS, sessionIdleMs / 8);

  async function requireUnit(repos: Repositories) {
    const unit = await repos.accounts.unit();
    if (!unit) throw new ApiError('not_found', 'Cơ sở dữ liệu này chưa có đơn vị. Hãy chạy tthc team init trước.');
    return unit;
  }

  async function requirePerson(repos: Repositories, login: string): Promise<PersonRecord> {
    const found = await repos.accounts.findPersonByLogin(normaliseLogin(login));
    if (!found) throw new ApiError('not_found', `Không có người dùng «${normaliseLogin(login)}».`);
    return found.person;
  }

  /** A key with recent failures (sign-in, or the password typed to change it) waits before any password is checked. */
  async function refuseWhileThrottled(keys: Partial<Record<'account' | 'address', string>>) {
    const kinds = (['account', 'address'] as const).filter((kind) => keys[kind] !== undefined);
    const failures = await ctx.read((repos) => repos.accounts.loginFailures(kinds.map((kind) => keys[kind]!)));
    const waitMs = Math.max(
      0,
      ...kinds.map((kind) => {
        const recorded = failures.get(keys[kind]!);
        return recorded ? Date.parse(recorded.lastFailureAt) + throttleWaitMs(recorded.failures, THROTTLE[kind].free) - nowMs() : 0;
      }),
    );
    if (waitMs > 0) {
      throw new ApiError('forbidden', `Đăng nhập sai nhiều lần liên tiếp. Hãy thử lại sau ${Math.ceil(waitMs / 1000).toLocaleString('vi-VN')} giây.`);
    }
  }

  async function insertPerson(repos: Repositories, unitId: string, defaultAgency: string, input: NewPerson) {
    const password = generatePassword();
    const person: PersonRecord = {
      id: ctx.newId(),
      unitId,
      login: checkedLogin(input.login),
      fullName: checkedName(input.fullName, 'fullName', 'Họ tên'),
      agency: checkedName(input.agency ?? defaultAgency, 'agency', 'Cơ quan'),
      roles: checkedRoles(input.roles),
      administrator: input.administrator ?? false,
      disabled: false,
      // The password is printed for the administrator to hand over: its first sign-in may only change it.
      mustChangePassword: true,
      createdAt: ctx.now(),
    };
    const passwordHash = await argon2.hash(password, HASH_OPTIONS);
    if (!(await repos.accounts.insertPerson(person, passwordHash))) throw new ApiError('conflict', `Tên đăng nhập «${person.login}» đã có người dùng.`);
    return { person, password };
  }

  return {
    /** The unit and its first administrator, with the one-time password to hand over; refused once a unit exists. */
    async initUnit(input: { unit: string; admin: NewPerson }): Promise<{ person: PersonRecord; password: string }> {
      return ctx.tx(async (repos) => {
        if (await repos.accounts.unit()) throw new ApiError('conflict', 'Cơ sở dữ liệu này đã có đơn vị; thêm người dùng bằng tthc team user add.');
        const unit = { id: ctx.newId(), name: checkedName(input.unit, 'unit', 'Tên đơn vị'), createdAt: ctx.now() };
        await repos.accounts.insertUnit(unit);
        return insertPerson(repos, unit.id, unit.name, { ...input.admin, administrator: true });
      });
    },

    async addPerson(input: NewPerson): Promise<{ person: PersonRecord; password: string }> {
      return ctx.tx(async (repos) => {
        await guard(repos, 'add');
        const unit = await requireUnit(repos);
        return insertPerson(repos, unit.id, unit.name, input);
      });
    },

    async listPersons(): Promise<PersonRecord[]> {
      return ctx.read(async (repos) => {
        await guard(repos, 'list');
        await requireUnit(repos);
        return repos.accounts.listPersons();
      });
    },

    async findPerson(login: string): Promise<PersonRecord> {
      return ctx.read(async (repos) => {
        await guard(repos, 'list');
        return requirePerson(repos, login);
      });
    },

    /** A disabled person's sessions end at once; enabling again lets them sign in with their password. */
    async setDisabled(login: string, disabled: boolean): Promise<PersonRecord> {
      return ctx.tx(async (repos) => {
        const person = await requirePerson(repos, login);
        await guard(repos, disabled ? 'disable' : 'enable', person);
        await repos.accounts.setDisabled(person.id, disabled);
        if (disabled) await repos.accounts.deletePersonSessions(person.id);
        return { ...person, disabled };
      });
    },

    /** The roles a person holds and whether they administer the accounts; their next call acts under the new ones. */
    async setRoles(login: string, roles: readonly string[], administrator: boolean): Promise<PersonRecord> {
      const checked = checkedRoles(roles);
      return ctx.tx(async (repos) => {
        const person = await requirePerson(repos, login);
        await guard(repos, 'roles', person, administrator);
        await repos.accounts.setRoles(person.id, checked, administrator);
        return { ...person, roles: checked, administrator };
      });
    },

    /**
     * Roles given and taken in one step, on what the person holds when the change is written (`tthc team user roles`);
     * `administrator` undefined leaves the administration as it is. Refused when no role would be left.
     */
    async changeRoles(login: string, change: { add: readonly string[]; remove: readonly string[]; administrator?: boolean }): Promise<PersonRecord> {
      const named = [...change.add, ...change.remove];
      if (named.length > 0) checkedRoles(named);
      return ctx.tx(async (repos) => {
        const person = await requirePerson(repos, login);
        const kept = [...person.roles, ...change.add].filter((role) => !change.remove.includes(role));
        if (kept.length === 0) {
          throw new ApiError('invalid_input', `${person.login} phải còn ít nhất một vai trò; người thôi làm việc thì khóa tài khoản (team user disable).`);
        }
        const roles = checkedRoles(kept);
        const administrator = change.administrator ?? person.administrator;
        await guard(repos, 'roles', person, administrator);
        await repos.accounts.setRoles(person.id, roles, administrator);
        return { ...person, roles, administrator };
      });
    },

    /** A new one-time password, to be changed at the next sign-in; every session of the person ends. */
    async resetPassword(login: string): Promise<{ person: PersonRecord; password: string }> {
      const password = generatePassword();
      const passwordHash = await argon2.hash(password, HASH_OPTIONS);
      return ctx.tx(async (repos) => {
        const person = await requirePerson(repos, login);
        await guard(repos, 'reset_password', person);
        await repos.accounts.setPasswordHash(person.id, passwordHash, true);
        await repos.accounts.deletePersonSessions(person.id);
        return { person: { ...person, mustChangePassword: true }, password };
      });
    },

    /**
     * A new session for the right login and password. Every refusal of a login or password says the same words
     * whether the account exists or not; a key with recent failures waits before its password is even checked.
     */
    async signIn(input: { login: string; password: string; address: string }): Promise<SignedIn> {
      const login = normaliseLogin(input.login);
      const keys = { account: `account:${login}`, address: `address:${input.address}` };
      await refuseWhileThrottled(keys);
      const found = await ctx.read((repos) => repos.accounts.findPersonByLogin(login));
      const matches = await argon2.verify(found?.passwordHash ?? (await decoy()), input.password);
      if (!found || !matches) {
        await ctx.tx((repos) => repos.accounts.recordLoginFailure([keys.account, keys.address], ctx.now()));
        throw new ApiError('unauthorized', WRONG_CREDENTIALS);
      }
      // Only someone who knows the password learns that the account is disabled.
      if (found.person.disabled) throw new ApiError('forbidden', 'Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên của đơn vị.');
      const token = randomBytes(32).toString('base64url');
      const now = ctx.now();
      await ctx.tx(async (repos) => {
        await repos.accounts.clearLoginFailures([keys.account]);
        await repos.accounts.insertSession(hashToken(token), {
          personId: found.person.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(Date.parse(now) + SESSION_ABSOLUTE_MS).toISOString(),
        });
      });
      return { token, person: found.person };
    },

    /** The person behind a session token, or undefined when it is unknown, expired (idle or absolute) or their account disabled. */
    async sessionPerson(token: string): Promise<SessionPerson | undefined> {
      const tokenHash = hashToken(token);
      const now = nowMs();
      const session = await ctx.read((repos) => repos.accounts.findSession(tokenHash));
      if (!session) return undefined;
      const { person } = session;
      const expired = now >= Date.parse(session.expiresAt) || now >= Date.parse(session.lastSeenAt) + sessionIdleMs;
      if (expired || person.disabled) {
        await ctx.tx((repos) => repos.accounts.deleteSession(tokenHash));
        return undefined;
      }
      if (now - Date.parse(session.lastSeenAt) >= touchEveryMs) await ctx.tx((repos) => repos.accounts.touchSession(tokenHash, new Date(now).toISOString()));
      return { person, tokenHash };
    },

    /**
     * The signed-in person chooses their own password: the one they sign in with now (a wrong one counts as a failed
     * sign-in of the account), and a new one that meets shared/domain/passwords.ts. Their other sessions end; this one
     * stays, and may now do everything their roles allow (a one-time password's session could only come here).
     */
    async changePassword(session: SessionPerson, input: { currentPassword: string; newPassword: string }): Promise<{ person: PersonRecord; ended: number }> {
      const accountKey = `account:${session.person.login}`;
      await refuseWhileThrottled({ account: accountKey });
      const found = await ctx.read((repos) => repos.accounts.findPersonByLogin(session.person.login));
      if (!found || found.person.id !== session.person.id) throw new ApiError('unauthorized', WRONG_CURRENT_PASSWORD);
      if (input.currentPassword.length > PASSWORD_MAX_LENGTH * 4 || !(await argon2.verify(found.passwordHash, input.currentPassword))) {
        await ctx.tx((repos) => repos.accounts.recordLoginFailure([accountKey], ctx.now()));
        throw new ApiError('invalid_input', WRONG_CURRENT_PASSWORD, [{ path: 'currentPassword', message: WRONG_CURRENT_PASSWORD }]);
      }
      const refusal = newPasswordRefusal(input.newPassword, { login: found.person.login, current: input.currentPassword });
      if (refusal) throw new ApiError('invalid_input', refusal, [{ path: 'newPassword', message: refusal }]);
      const passwordHash = await argon2.hash(input.newPassword, HASH_OPTIONS);
      const ended = await ctx.tx(async (repos) => {
        await repos.accounts.setPasswordHash(found.person.id, passwordHash, false);
        await repos.accounts.clearLoginFailures([accountKey]);
        return repos.accounts.deletePersonSessions(found.person.id, session.tokenHash);
      });
      return { person: { ...found.person, mustChangePassword: false }, ended };
    },

    async signOut(token: string): Promise<void> {
      await ctx.tx((repos) => repos.accounts.deleteSession(hashToken(token)));
    },

    /** Ends every session of the token's person (this one included); answers how many ended. */
    async signOutEverywhere(token: string): Promise<number> {
      return ctx.tx(async (repos) => {
        const session = await repos.accounts.findSession(hashToken(token));
        return session ? repos.accounts.deletePersonSessions(session.personId) : 0;
      });
    },
  };
}
export type TeamAccounts = ReturnType<typeof createTeamAccounts>;
