// The unit administrator's screen over the API (issue 21): only an administrator of the unit, on the team server, as
// stored now; never locking themselves out; a one-time password answered once and signing in.
import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/contract/api';
import type { PersonRecord } from '../../db/port';
import { createTestStore } from '../../test/unit/helpers';
import { createDispatcher } from '../transports/dispatcher';
import { actingAs } from './actingPerson';
import { createServiceContext } from './context';
import { createHandlers } from './handlers';
import { createTeamAccounts } from './teamAccounts';

async function unit() {
  const clock = { ms: Date.parse('2026-03-02T08:00:00Z') };
  const ctx = createServiceContext(await createTestStore(), { now: () => new Date(clock.ms).toISOString() });
  const accounts = createTeamAccounts(ctx);
  const admin = (await accounts.initUnit({ unit: 'Bộ Công Thương', admin: { login: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } })).person;
  const officer = (await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] })).person;
  /** A call as `person` signed in, through the contract, as the team server makes it. */
  const as = (person: PersonRecord) => {
    const dispatch = createDispatcher(createHandlers(actingAs(ctx, { personId: person.id, login: person.login, fullName: person.fullName, agency: person.agency, role: person.roles[0]! })), {
      failures: ctx.store.failures,
    });
    return (method: ApiMethod, input: object) => dispatch(method, input);
  };
  const solo = createDispatcher(createHandlers(ctx), { failures: ctx.store.failures });
  return { clock, accounts, admin, officer, as, solo };
}

const refusedWith = (answer: { ok: boolean; error?: { code: string; message: string } }) => {
  expect(answer.ok).toBe(false);
  return answer.error!;
};

describe('unit administration over the API', () => {
  it('lets an administrator add a person whose one-time password, answered once, signs in; the list never shows it', async () => {
    const { accounts, admin, as } = await unit();
    const added = await as(admin)('addTeamPerson', { login: 'Hoa', fullName: 'Lê Thị Hoa', roles: ['drafter', 'appraiser'], administrator: false });
    expect(added).toMatchObject({ ok: true, value: { person: { login: 'hoa', fullName: 'Lê Thị Hoa', agency: 'Bộ Công Thương', roles: ['drafter', 'appraiser'], administrator: false, disabled: false } } });
    const password = (added as { value: { oneTimePassword: string } }).value.oneTimePassword;
    expect((await accounts.signIn({ login: 'hoa', password, address: '10.0.0.7' })).person.login).toBe('hoa');
    const listed = await as(admin)('listTeamPersons', {});
    expect(listed).toMatchObject({ ok: true, value: { unit: 'Bộ Công Thương' } });
    expect(JSON.stringify(listed)).not.toContain(password);
    expect((listed as { value: { persons: { login: string }[] } }).value.persons.map((person) => person.login)).toEqual(['hoa', 'lan', 'quantri']);
    // A taken login is told in Vietnamese, and adds nobody.
    const taken = refusedWith(await as(admin)('addTeamPerson', { login: 'lan', fullName: 'Người khác', roles: ['drafter'], administrator: false }));
    expect(taken).toMatchObject({ code: 'conflict', message: 'Tên đăng nhập «lan» đã có người dùng.' });
  });

  it('disables (ending every session) and enables; resets a password (the old one and every session end); changes roles', async () => {
    const { clock, accounts, admin, officer, as } = await unit();
    const password = (await accounts.resetPassword('lan')).password;
    const session = await accounts.signIn({ login: 'lan', password, address: '10.0.0.8' });
    expect(await as(admin)('setTeamPersonDisabled', { login: 'lan', disabled: true })).toMatchObject({ ok: true, value: { person: { disabled: true } } });
    expect(await accounts.sessionPerson(session.token)).toBeUndefined();
    await expect(accounts.signIn({ login: 'lan', password, address: '10.0.0.8' })).rejects.toMatchObject({ code: 'forbidden' });
    clock.ms += 60_000;
    expect(await as(admin)('setTeamPersonDisabled', { login: 'lan', disabled: false })).toMatchObject({ ok: true, value: { person: { disabled: false } } });

    const again = await accounts.signIn({ login: 'lan', password, address: '10.0.0.8' });
    const reset = (await as(admin)('resetTeamPassword', { login: 'lan' })) as { ok: true; value: { oneTimePassword: string } };
    expect(reset.value.oneTimePassword).toMatch(/^[a-zA-Z2-9]{16}$/);
    expect(await accounts.sessionPerson(again.token)).toBeUndefined();
    await expect(accounts.signIn({ login: 'lan', password, address: '10.0.0.9' })).rejects.toMatchObject({ code: 'unauthorized' });
    clock.ms += 60_000; // past the wait the failure imposes
    expect((await accounts.signIn({ login: 'lan', password: reset.value.oneTimePassword, address: '10.0.0.9' })).person.id).toBe(officer.id);

    expect(await as(admin)('setTeamPersonRoles', { login: 'lan', roles: ['drafter', 'appraiser'], administrator: true })).toMatchObject({
      ok: true,
      value: { person: { roles: ['drafter', 'appraiser'], administrator: true } },
    });
    expect((await accounts.listPersons()).find((person) => person.login === 'lan')).toMatchObject({ roles: ['drafter', 'appraiser'], administrator: true });
    expect(refusedWith(await as(admin)('setTeamPersonRoles', { login: 'lan', roles: [], administrator: true })).code).toBe('invalid_input');
  });

  it('refuses every change to an officer who is not an administrator, and in solo mode, changing nothing', async () => {
    const { accounts, officer, as, solo } = await unit();
    const before = await accounts.listPersons();
    const calls: Array<[ApiMethod, object]> = [
      ['listTeamPersons', {}],
      ['addTeamPerson', { login: 'moi', fullName: 'Người mới', roles: ['drafter'], administrator: true }],
      ['setTeamPersonDisabled', { login: 'quantri', disabled: true }],
      ['resetTeamPassword', { login: 'quantri' }],
      ['setTeamPersonRoles', { login: 'lan', roles: ['drafter'], administrator: true }],
    ];
    for (const [method, input] of calls) {
      expect(refusedWith(await as(officer)(method, input)), method).toEqual({
        code: 'forbidden',
        message: 'Chỉ quản trị viên của đơn vị quản lý người dùng; tài khoản của bạn không có quyền này.',
      });
      expect(refusedWith(await solo(method, input)), method).toMatchObject({ code: 'forbidden', message: expect.stringContaining('chỉ có trên máy chủ của đơn vị') });
    }
    expect(await accounts.listPersons()).toEqual(before);
  });

  it('never lets an administrator lock themselves out; another administrator may; a demoted one can do nothing more at once', async () => {
    const { accounts, admin, as } = await unit();
    expect(refusedWith(await as(admin)('setTeamPersonDisabled', { login: 'quantri', disabled: true })).message).toMatch(/^Không thể tự khóa tài khoản của mình/);
    expect(refusedWith(await as(admin)('setTeamPersonRoles', { login: 'quantri', roles: ['drafter'], administrator: false })).message).toMatch(/^Không thể tự bỏ quyền quản trị/);
    // Their own roles they may change, keeping administration.
    expect(await as(admin)('setTeamPersonRoles', { login: 'quantri', roles: ['drafter', 'reviewer'], administrator: true })).toMatchObject({ ok: true });

    const second = (await accounts.addPerson({ login: 'pho', fullName: 'Phó Quản', roles: ['drafter'], administrator: true })).person;
    expect(await as(second)('setTeamPersonRoles', { login: 'quantri', roles: ['drafter'], administrator: false })).toMatchObject({ ok: true });
    // The session `as(admin)` was built when quantri administered; the change counts from the next call.
    expect(refusedWith(await as(admin)('listTeamPersons', {})).code).toBe('forbidden');
    await accounts.setDisabled('pho', true);
    expect(refusedWith(await as(second)('listTeamPersons', {})).code).toBe('forbidden');
  });
});
