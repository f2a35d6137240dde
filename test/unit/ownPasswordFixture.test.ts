// The team tests' own-password fixture must be accepted for every one-time password the server can print: the CI of
// 82de31d failed teamLiveUpdates.test once because «lan»'s one-time password happened to hold «LaN».
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPasswordRefusal } from '../../shared/domain/passwords';
import { generatePassword } from '../../main/services/teamAccounts';
import { ownPasswordFor } from '../fixtures/ownPassword';

const LOGINS = ['lan', 'hoa', 'thu', 'minh', 'quantri', 'tham', 'quan', 'pho', 'moi'];

describe('ownPasswordFor', () => {
  it('is accepted as a new password when the one-time password spells the login', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOGINS), fc.string({ unit: fc.constantFrom(...'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'), minLength: 0, maxLength: 8 }), (login, around) => {
        const oneTime = `${around}${login.toUpperCase()}${'x'.repeat(16)}`.slice(0, 16);
        expect(newPasswordRefusal(ownPasswordFor(oneTime), { login, current: oneTime })).toBeNull();
      }),
    );
  });

  it('differs between two one-time passwords, as two officers’ passwords do', () => {
    const first = generatePassword();
    let second = generatePassword();
    while (second === first) second = generatePassword();
    expect(ownPasswordFor(first)).not.toBe(ownPasswordFor(second));
  });
});
