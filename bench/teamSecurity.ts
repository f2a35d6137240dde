// `npm run bench:team-security` (issue 21): the team server's security figures, measured on this machine for the
// closing note — argon2id's parameters and the time of a hash and a check, the session token's entropy and what is
// stored of it, idle and absolute expiry, the throttle's waits after each failed sign-in, and whether an unknown login
// can be told from a wrong password (same answer; timings of each). A report, not a test; the tests of the same
// properties are main/services/teamAccounts.test.ts and main/transports/teamServer.test.ts (CSRF, stolen and planted
// tokens). Runs on an in-memory SQLite store: the figures are the service's, the same on PostgreSQL.
//   BENCH_SECURITY_SAMPLES=30   sign-in attempts timed per kind
import argon2 from 'argon2';
import { openSqliteStore } from '../db/sqlite/store';
import { ApiError } from '../shared/contract/errors';
import { createServiceContext } from '../main/services/context';
import { createTeamAccounts, hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../main/services/teamAccounts';

const SAMPLES = Number(process.env.BENCH_SECURITY_SAMPLES ?? 30);
const MINUTE = 60_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  const value = await work();
  return [value, performance.now() - began];
}

async function refusalOf(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof ApiError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function main(): Promise<void> {
  const clock = { ms: Date.parse('2026-12-07T08:00:00Z') };
  const store = openSqliteStore(':memory:');
  const ctx = createServiceContext(store, { now: () => new Date(clock.ms).toISOString() });
  const accounts = createTeamAccounts(ctx);
  const admin = await accounts.initUnit({ unit: 'Bộ Công Thương', admin: { login: 'quantri', fullName: 'Quản trị viên', roles: ['drafter'] } });
  const rows: [string, string, string][] = [];

  const stored = (await ctx.read((repos) => repos.accounts.findPersonByLogin('quantri')))!.passwordHash;
  // The stored hash names its parameters: $argon2id$v=19$m=…,t=…,p=…$salt$hash.
  const parameters = Object.fromEntries(stored.split('$')[3]!.split(',').map((pair) => pair.split('=')).map(([name, value]) => [name!, Number(value)]));
  const hashes: number[] = [];
  const checks: number[] = [];
  for (let sample = 0; sample < 10; sample += 1) {
    hashes.push((await timed(() => argon2.hash('mật khẩu thử', { type: argon2.argon2id, memoryCost: parameters.m, timeCost: parameters.t, parallelism: parameters.p })))[1]);
    checks.push((await timed(() => argon2.verify(stored, 'sai')))[1]);
  }
  rows.push(['Băm mật khẩu', stored.split('$').slice(1, 4).join(' $'), `băm trung vị ${ms(median(hashes))}, kiểm tra trung vị ${ms(median(checks))} (10 lần)`]);

  const signed = await accounts.signIn({ login: 'quantri', password: admin.password, address: '10.0.0.1' });
  const bytes = Buffer.from(signed.token, 'base64url').length;
  const session = await ctx.read((repos) => repos.accounts.findSession(hashToken(signed.token)));
  const asStored = await ctx.read((repos) => repos.accounts.findSession(signed.token));
  rows.push([
    'Mã phiên',
    `${bytes} byte ngẫu nhiên (crypto.randomBytes) = ${bytes * 8} bit`,
    `lưu SHA-256 của mã: tìm bằng băm ${session ? 'thấy' : 'KHÔNG thấy'}, tìm bằng chính mã ${asStored ? 'THẤY' : 'không thấy'}`,
  ]);

  const idleAt = clock.ms;
  clock.ms = idleAt + SESSION_IDLE_MS - MINUTE;
  const beforeIdle = Boolean(await accounts.sessionPerson(signed.token));
  clock.ms += 2 * MINUTE + SESSION_IDLE_MS - MINUTE;
  const afterIdle = Boolean(await accounts.sessionPerson(signed.token));
  const busy = await accounts.signIn({ login: 'quantri', password: admin.password, address: '10.0.0.1' });
  const busySince = clock.ms;
  let lastAlive = busySince;
  while (await accounts.sessionPerson(busy.token)) {
    lastAlive = clock.ms;
    clock.ms += 60 * MINUTE;
  }
  rows.push([
    'Hết hạn phiên',
    `nhàn rỗi ${SESSION_IDLE_MS / 3_600_000} giờ, tuyệt đối ${SESSION_ABSOLUTE_MS / 86_400_000} ngày`,
    `nhàn rỗi: còn ở 7 giờ 59 phút ${beforeIdle ? 'có' : 'KHÔNG'}, hết sau 8 giờ 1 phút ${afterIdle ? 'KHÔNG' : 'có'}; dùng mỗi giờ: hết sau ${((lastAlive - busySince) / 3_600_000 + 1).toFixed(0)} giờ`,
  ]);

  // Throttle: each failure on one account, the next attempt at once is told how long to wait.
  await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] });
  const waits: string[] = [];
  for (let failure = 1; failure <= 8; failure += 1) {
    clock.ms += 16 * MINUTE;
    // a fresh address each time: the account's own throttle alone
    await refusalOf(accounts.signIn({ login: 'lan', password: 'sai', address: `10.1.0.${failure}` }));
    const told = await refusalOf(accounts.signIn({ login: 'lan', password: 'sai', address: `10.2.0.${failure}` }));
    waits.push(/(\d[\d.]*) giây/.exec(told.message)?.[1] ?? told.code);
  }
  const addressWaits: string[] = [];
  clock.ms += 60 * MINUTE;
  for (let failure = 1; failure <= 13; failure += 1) {
    const refused = await refusalOf(accounts.signIn({ login: `khach${failure}`, password: 'sai', address: '10.9.9.9' }));
    addressWaits.push(refused.code === 'unauthorized' ? '0' : (/(\d[\d.]*) giây/.exec(refused.message)?.[1] ?? refused.code));
  }
  rows.push([
    'Hãm đăng nhập',
    'mỗi tài khoản: từ lần sai thứ 1; mỗi địa chỉ: từ lần sai thứ 11; lần thứ n phải chờ 2^(n−1) giây, tối đa 15 phút',
    `một tài khoản, chờ sau lần sai 1…8 (giây, thời gian còn lại khi thử ngay): ${waits.join(', ')}; một địa chỉ, 13 tên khác nhau: ${addressWaits.join(', ')}`,
  ]);

  // Enumeration: an unknown login and a wrong password, alternated, each far from the last failure of its key.
  const unknown: number[] = [];
  const wrong: number[] = [];
  const messages = new Set<string>();
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    clock.ms += 16 * MINUTE;
    const [unknownRefusal, unknownMs] = await timed(() => refusalOf(accounts.signIn({ login: `khongco${sample}`, password: 'sai', address: `10.3.${sample}.1` })));
    const [wrongRefusal, wrongMs] = await timed(() => refusalOf(accounts.signIn({ login: 'quantri', password: 'sai', address: `10.4.${sample}.1` })));
    unknown.push(unknownMs);
    wrong.push(wrongMs);
    messages.add(`${unknownRefusal.code}: ${unknownRefusal.message}`).add(`${wrongRefusal.code}: ${wrongRefusal.message}`);
  }
  rows.push([
    'Dò tài khoản',
    `${messages.size === 1 ? 'một câu trả lời cho cả hai' : 'KHÁC NHAU'}: «${[...messages].join(' | ')}»`,
    `${SAMPLES} lần mỗi loại: tên không có trung vị ${ms(median(unknown))} (p90 ${ms(p90(unknown))}), sai mật khẩu trung vị ${ms(median(wrong))} (p90 ${ms(p90(wrong))})`,
  ]);
  await store.close();
  for (const [what, setting, measured] of rows) console.log(`| ${what} | ${setting} | ${measured} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
