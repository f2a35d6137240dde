// A store too busy to give a sign-in's write its turn (200 officers signing in at once, npm run bench:team) is
// answered «busy» in Vietnamese on every route of the team server's own, as an unreachable database is, never as an
// internal error.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { transportText } from '../../shared/i18n/transportMessages';
import type { TeamAccounts } from '../services/teamAccounts';
import { createTeamAccess } from './teamAccess';

class NoWriteTurn extends Error {}
const busyError = new NoWriteTurn('no write turn within 10000 ms');
const failing = async (): Promise<never> => {
  throw busyError;
};
const accounts = { signIn: failing, signOut: failing, sessionPerson: failing, signOutEverywhere: failing } as unknown as TeamAccounts;
const request = { headers: { cookie: 'tthc-session=abc' }, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;

function access(isBusy: (error: unknown) => boolean) {
  return createTeamAccess({
    accounts,
    actingAs: () => {
      throw new Error('not reached');
    },
    secureCookie: false,
    trustProxy: false,
    failures: { isUnavailable: () => false, isBusy },
  });
}

describe('a team server whose store has no write turn to give', () => {
  it.each(['sign-in', 'me', 'sign-out', 'sign-out-everywhere'])('answers %s «busy» in Vietnamese', async (route) => {
    const answer = await access((error) => error instanceof NoWriteTurn).routes[route]!({ login: 'lan', password: 'mật khẩu' }, request);
    expect(answer).toMatchObject({ status: 503, body: { ok: false, error: { code: 'busy', message: transportText.busy } } });
  });

  it('admits no call, saying it is busy', async () => {
    expect(await access((error) => error instanceof NoWriteTurn).admit(request)).toMatchObject({ status: 503, code: 'busy', message: transportText.busy });
  });

  it('still lets any other failure through to the internal-error path', async () => {
    await expect(access(() => false).routes['sign-in']!({ login: 'lan', password: 'mật khẩu' }, request)).rejects.toBe(busyError);
  });
});
