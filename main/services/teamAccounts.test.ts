import { describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/unit/helpers';
import { countingRepositoryCalls } from '../../test/unit/repositoryCalls';
import { ApiError } from '../../shared/contract/errors';
import { createServiceContext } from './context';
import { createTeamAccounts, hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, throttleWaitMs } from './teamAccounts';

const START = Date.parse('2026-03-02T08:00:00Z');
const HOUR = 60 * 60 * 1000;

async function teamWith() {
  const clock = { ms: START };
  const ctx = createServiceContext(await createTestStore(), { now: () => new Date(clock.ms).toISOString() });
  const accounts = createTeamAccounts(ctx);
  const admin = await accounts.initUnit({ unit: 'Vụ Pháp chế, Bộ Công Thương', admin: { login: 'Quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } });
  const officer = await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] });
  return { clock, ctx, accounts, admin, officer };
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return { code: (error as ApiError).code, message: (error as ApiError).message };
};

describe('team accounts', () => {
  it('init makes the unit and its administrator, whose one-time password signs in; a second init is refused', async () => {
    const { accounts, admin, ctx } = await teamWith();
    expect(admin.person).toMatchObject({ login: 'quantri', fullName: 'Nguyễn Văn Quản', agency: 'Vụ Pháp chế, Bộ Công Thương', administrator: true, disabled: false });
    expect(admin.password).toMatch(/^[a-zA-Z2-9]{16}$/);
    const signedIn = await accounts.signIn({ login: 'QUANTRI', password: admin.password, address: '10.0.0.5' });
    expect(signedIn.person.id).toBe(admin.person.id);
    expect(await refusal(accounts.initUnit({ unit: 'Khác', admin: { login: 'x1', fullName: 'X', roles: ['drafter'] } }))).toMatchObject({ code: 'conflict' });
    // The hash is argon2id, never the password.
    const stored = await ctx.read((repos) => repos.accounts.findPersonByLogin('quantri'));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored!.passwordHash).not.toContain(admin.password);
  });

  it('adds, lists, refuses a taken login or a bad role, disables and resets', async () => {
    const { accounts, officer } = await teamWith();
    expect((await accounts.listPersons()).map((person) => person.login)).toEqual(['lan', 'quantri']);
    expect(await refusal(accounts.addPerson({ login: 'LAN', fullName: 'Khác', roles: ['drafter'] }))).toMatchObject({ code: 'conflict' });
    expect(await refusal(accounts.addPerson({ login: 'hoa', fullName: 'Hoa', roles: ['boss'] }))).toMatchObject({ code: 'invalid_input' });
    expect(await refusal(accounts.addPerson({ login: 'ho a', fullName: 'Hoa', roles: ['drafter'] }))).toMatchObject({ code: 'invalid_input' });

    const session = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    await accounts.setDisabled('lan', true);
    expect(await accounts.sessionPerson(session.token)).toBeUndefined();
    expect(await refusal(accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' }))).toMatchObject({ code: 'forbidden' });
    await accounts.setDisabled('lan', false);

    const again = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    const reset = await accounts.resetPassword('lan');
    expect(reset.password).not.toBe(officer.password);
    expect(await accounts.sessionPerson(again.token)).toBeUndefined();
    expect(await refusal(accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.7' }))).toMatchObject({ code: 'unauthorized' });
  });

  it('makes every printed password one-time: the person changes it once for one of their own, and a reset makes it one-time again', async () => {
    const { accounts, admin, officer, clock } = await teamWith();
    expect(admin.person.mustChangePassword).toBe(true);
    expect(officer.person.mustChangePassword).toBe(true);
    const first = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    const second = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.7' });
    const session = (await accounts.sessionPerson(first.token))!;
    expect(session.person.mustChangePassword).toBe(true);
    expect(await refusal(accounts.changePassword(session, { currentPassword: officer.password, newPassword: officer.password }))).toEqual({
      code: 'invalid_input',
      message: 'Mật khẩu mới phải khác mật khẩu đang dùng.',
    });
    const changed = await accounts.changePassword(session, { currentPassword: officer.password, newPassword: 'Sông Hồng đỏ nặng phù sa' });
    expect(changed).toMatchObject({ person: { login: 'lan', mustChangePassword: false }, ended: 1 });
    expect((await accounts.sessionPerson(first.token))?.person.mustChangePassword).toBe(false);
    expect(await accounts.sessionPerson(second.token)).toBeUndefined();
    expect(await refusal(accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' }))).toMatchObject({ code: 'unauthorized' });
    clock.ms += 2000;
    expect((await accounts.signIn({ login: 'lan', password: 'Sông Hồng đỏ nặng phù sa', address: '10.0.0.6' })).person.mustChangePassword).toBe(false);

    const reset = await accounts.resetPassword('lan');
    expect(reset.person.mustChangePassword).toBe(true);
    expect(await accounts.sessionPerson(first.token)).toBeUndefined();
    expect((await accounts.signIn({ login: 'lan', password: reset.password, address: '10.0.0.6' })).person.mustChangePassword).toBe(true);
  });

  it('stores a session under the SHA-256 of its token only', async () => {
    const { accounts, ctx, officer } = await teamWith();
    const { token } = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    expect(token.length).toBeGreaterThanOrEqual(43);
    await ctx.read(async (repos) => {
      expect(await repos.accounts.findSession(token)).toBeUndefined();
      expect(await repos.accounts.findSession(hashToken(token))).toMatchObject({ personId: officer.person.id });
    });
    // A token nobody was given is nobody.
    expect(await accounts.sessionPerson(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
  });

  it('ends a session 8 hours after its last request, and 7 days after sign-in however busy', async () => {
    const { accounts, clock, officer } = await teamWith();
    const idle = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    clock.ms += SESSION_IDLE_MS - 1000;
    expect(await accounts.sessionPerson(idle.token)).toBeDefined();
    // Seen just now: another almost 8 hours.
    clock.ms += SESSION_IDLE_MS - 1000;
    expect(await accounts.sessionPerson(idle.token)).toBeDefined();
    clock.ms += SESSION_IDLE_MS;
    expect(await accounts.sessionPerson(idle.token)).toBeUndefined();

    const busy = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    const signedInAt = clock.ms;
    while (clock.ms + HOUR < signedInAt + SESSION_ABSOLUTE_MS) {
      clock.ms += HOUR;
      expect(await accounts.sessionPerson(busy.token)).toBeDefined();
    }
    clock.ms = signedInAt + SESSION_ABSOLUTE_MS;
    expect(await accounts.sessionPerson(busy.token)).toBeUndefined();
  });

  it('checks a session, person included, in one repository call, and writes its last-seen instant at most once a minute', async () => {
    // Every request of the team server asks: it was a session and then its person, read one after the other.
    const { clock, ctx, officer } = await teamWith();
    const { ctx: counting, counted } = countingRepositoryCalls(ctx);
    const accounts = createTeamAccounts(counting);
    const { token } = await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' });
    const callsOf = async (step: () => Promise<unknown>) => {
      Object.assign(counted, { calls: [], transactions: 0 });
      await step();
      return { ...counted };
    };
    clock.ms += 59_000;
    // Whether the password is still the one-time one (migration 0360), which every request asks, comes with that read.
    expect(await callsOf(async () => expect(await accounts.sessionPerson(token)).toMatchObject({ person: { login: 'lan', agency: officer.person.agency, mustChangePassword: true } }))).toEqual({
      calls: ['accounts.findSession'],
      transactions: 1,
    });
    clock.ms += 2_000;
    expect(await callsOf(() => accounts.sessionPerson(token))).toEqual({ calls: ['accounts.findSession', 'accounts.touchSession'], transactions: 2 });
    expect(await callsOf(() => accounts.sessionPerson(token))).toEqual({ calls: ['accounts.findSession'], transactions: 1 });
    await accounts.changePassword((await accounts.sessionPerson(token))!, { currentPassword: officer.password, newPassword: 'Sông Hồng đỏ nặng phù sa' });
    expect(await callsOf(async () => expect(await accounts.sessionPerson(token)).toMatchObject({ person: { mustChangePassword: false } }))).toEqual({
      calls: ['accounts.findSession'],
      transactions: 1,
    });
  });

  it('signs out one session, or every session of the person', async () => {
    const { accounts, officer, admin } = await teamWith();
    const sign = (login: string, password: string) => accounts.signIn({ login, password, address: '10.0.0.6' });
    const [office, home, other] = [await sign('lan', officer.password), await sign('lan', officer.password), await sign('quantri', admin.password)];
    await accounts.signOut(office.token);
    expect(await accounts.sessionPerson(office.token)).toBeUndefined();
    expect(await accounts.sessionPerson(home.token)).toBeDefined();
    const third = await sign('lan', officer.password);
    expect(await accounts.signOutEverywhere(third.token)).toBe(2);
    expect(await accounts.sessionPerson(home.token)).toBeUndefined();
    expect(await accounts.sessionPerson(third.token)).toBeUndefined();
    expect(await accounts.sessionPerson(other.token)).toBeDefined();
  });

  it('says the same to an unknown login as to a wrong password', async () => {
    const { accounts } = await teamWith();
    const unknown = await refusal(accounts.signIn({ login: 'khongco', password: 'abc', address: '10.0.0.8' }));
    const wrong = await refusal(accounts.signIn({ login: 'lan', password: 'abc', address: '10.0.0.9' }));
    expect(unknown).toEqual(wrong);
    expect(unknown.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('makes each failure on an account slow the next attempt, even with the right password, existing or not', async () => {
    const { accounts, clock, officer } = await teamWith();
    for (const login of ['lan', 'khongco']) {
      await refusal(accounts.signIn({ login, password: 'sai', address: '10.0.1.1' }));
      const throttled = await refusal(accounts.signIn({ login, password: officer.password, address: '10.0.1.2' }));
      expect(throttled).toEqual({ code: 'forbidden', message: 'Đăng nhập sai nhiều lần liên tiếp. Hãy thử lại sau 1 giây.' });
    }
    clock.ms += 1000;
    await refusal(accounts.signIn({ login: 'lan', password: 'sai lần hai', address: '10.0.1.1' }));
    clock.ms += 1000;
    expect((await refusal(accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.1.3' }))).message).toContain('sau 1 giây');
    clock.ms += 1000;
    expect((await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.1.3' })).person.login).toBe('lan');
  });

  it('throttles an address that tries many accounts', async () => {
    const { accounts, clock, officer } = await teamWith();
    for (let attempt = 0; attempt < 11; attempt++) {
      await refusal(accounts.signIn({ login: `doan${attempt}`, password: 'sai', address: '203.0.113.9' }));
      clock.ms += 1;
    }
    expect((await refusal(accounts.signIn({ login: 'lan', password: officer.password, address: '203.0.113.9' }))).message).toMatch(/^Đăng nhập sai nhiều lần/);
    expect((await accounts.signIn({ login: 'lan', password: officer.password, address: '10.0.0.6' })).person.login).toBe('lan');
  });

  it('waits twice as long after each further failure, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 11, 40].map((failures) => throttleWaitMs(failures, 0))).toEqual([1000, 2000, 4000, 8000, 900_000, 900_000]);
    expect(throttleWaitMs(10, 10)).toBe(0);
  });
});
