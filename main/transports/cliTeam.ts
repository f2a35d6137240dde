// `tthc team …`: a unit's accounts on its shared database (issue 21) — the unit and its first administrator, then the
// persons who sign in to the team server. Passwords are generated and printed once; only their argon2id hash is kept.
import { X509Certificate } from 'node:crypto';
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { ApiError } from '../../shared/contract/errors';
import type { PersonRecord } from '../../db/port';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { createTeamAccounts, sessionIdleMsFrom, type TeamAccounts } from '../services/teamAccounts';
import { displayedLocation, isDatabaseUrl } from '../dataPaths';
import { CliFailure, openOrExplain, parseOptions, readFileBytes, withBackend, type CliIo, type Command } from './cliSupport';
import { createTeamAccess, INSECURE_LAN_WARNING, isLoopback, listenRefusal } from './teamAccess';
import { startWebHost } from './webHost';

export const TEAM_USAGE = `  team init --unit "TÊN ĐƠN VỊ" --admin "Họ tên" --login TÊN [--agency CƠ_QUAN] [--role drafter|appraiser|reviewer[,…]]
                                            tạo đơn vị và quản trị viên đầu tiên trên cơ sở dữ liệu dùng chung (in mật khẩu dùng một lần)
  team user add --login TÊN --name "Họ tên" --role drafter|appraiser|reviewer[,…] [--agency CƠ_QUAN] [--admin]
  team user list [--json]
  team user disable|enable --login TÊN
  team user reset-password --login TÊN     quản lý người dùng của máy chủ nhóm (mật khẩu mới in ra một lần)
  team user roles --login TÊN [--add VAI_TRÒ[,…]] [--remove VAI_TRÒ[,…]]
                                            thêm, bỏ vai trò (drafter, appraiser, reviewer; admin: quản trị viên của đơn vị),
                                            có hiệu lực từ lượt làm việc kế tiếp; không có --add/--remove thì in vai trò hiện có`;

/** In `team user roles`, the administration of the unit's accounts is named as one more role. */
const ADMIN_ROLE = 'admin';

const roleList = (text: string | undefined): string[] => (text ?? '').split(',').map((role) => role.trim()).filter((role) => role !== '');

const describe = (person: PersonRecord): string =>
  `${person.login} — ${person.fullName}, ${person.agency} (${person.roles.map((role) => vocabularyMessages.vi.role[role]).join('; ')})` +
  `${person.administrator ? ', quản trị viên' : ''}${person.disabled ? ', đã khóa' : ''}`;

function printPassword(io: CliIo, person: PersonRecord, password: string): void {
  io.out(`Mật khẩu dùng một lần của ${person.login} (chỉ in lần này, hãy trao tận tay; lần đăng nhập đầu phải đổi mật khẩu): ${password}`);
}

/** The accounts over the command's database; a refusal is the command's failure, in the service's words. */
async function withAccounts<T>(databasePath: string, work: (accounts: TeamAccounts) => Promise<T>): Promise<T> {
  return withBackend(databasePath, async (backend) => {
    try {
      return await work(createTeamAccounts(backend.ctx));
    } catch (error) {
      if (error instanceof ApiError) throw new CliFailure(error.message, error.problems, error.code === 'invalid_input' ? 2 : 1);
      throw error;
    }
  });
}

const PERSON_OPTIONS = {
  login: { type: 'string' },
  name: { type: 'string' },
  agency: { type: 'string' },
  role: { type: 'string' },
  admin: { type: 'boolean' },
  json: { type: 'boolean' },
  add: { type: 'string' },
  remove: { type: 'string' },
} as const;

/** `--add`/`--remove` of `team user roles`: the roles, and whether the administration is given (true) or taken (false). */
function roleChange(values: { add?: string; remove?: string }): { add: string[]; remove: string[]; administrator?: boolean } {
  const add = roleList(values.add);
  const remove = roleList(values.remove);
  if (add.includes(ADMIN_ROLE) && remove.includes(ADMIN_ROLE)) throw new CliFailure('Không thể vừa thêm vừa bỏ vai trò admin.', [], 2);
  const administrator = add.includes(ADMIN_ROLE) ? true : remove.includes(ADMIN_ROLE) ? false : undefined;
  const officer = (role: string) => role !== ADMIN_ROLE;
  return { add: add.filter(officer), remove: remove.filter(officer), ...(administrator === undefined ? {} : { administrator }) };
}

export const teamCommand: Command = async (args, { databasePath, io }) => {
  const [group, ...rest] = args;
  if (group === 'init') {
    const { values } = parseOptions(rest, { unit: { type: 'string' }, admin: { type: 'string' }, login: { type: 'string' }, agency: { type: 'string' }, role: { type: 'string' } }, TEAM_USAGE);
    if (!values.unit || !values.admin || !values.login) throw new CliFailure(`Thiếu --unit, --admin hoặc --login.\n${TEAM_USAGE}`, [], 2);
    const { unit, admin, login, agency } = values;
    // The first administrator drafts unless told otherwise: most units that set up a server are drafting agencies.
    const roles = values.role === undefined ? ['drafter'] : roleList(values.role);
    const created = await withAccounts(databasePath, (accounts) => accounts.initUnit({ unit, admin: { login, fullName: admin, agency, roles } }));
    io.out(`Đã tạo đơn vị «${unit}» và quản trị viên ${describe(created.person)}.`);
    printPassword(io, created.person, created.password);
    return;
  }
  const [action, ...options] = rest;
  if (group !== 'user' || !action) throw new CliFailure(TEAM_USAGE, [], 2);
  const { values } = parseOptions(options, PERSON_OPTIONS, TEAM_USAGE);
  const login = values.login;
  if (action === 'list') {
    const persons = await withAccounts(databasePath, (accounts) => accounts.listPersons());
    if (values.json) io.out(JSON.stringify(persons, null, 2));
    else for (const person of persons) io.out(describe(person));
    return;
  }
  if (!login) throw new CliFailure(`Thiếu --login TÊN.\n${TEAM_USAGE}`, [], 2);
  if (action === 'add') {
    if (!values.name || !values.role) throw new CliFailure(`Thiếu --name hoặc --role.\n${TEAM_USAGE}`, [], 2);
    const input = { login, fullName: values.name, agency: values.agency, roles: roleList(values.role), administrator: values.admin ?? false };
    const added = await withAccounts(databasePath, (accounts) => accounts.addPerson(input));
    io.out(`Đã thêm ${describe(added.person)}.`);
    printPassword(io, added.person, added.password);
  } else if (action === 'disable' || action === 'enable') {
    const person = await withAccounts(databasePath, (accounts) => accounts.setDisabled(login, action === 'disable'));
    io.out(action === 'disable' ? `Đã khóa ${person.login}; mọi phiên đăng nhập của người này đã kết thúc.` : `Đã mở khóa ${person.login}.`);
  } else if (action === 'reset-password') {
    const reset = await withAccounts(databasePath, (accounts) => accounts.resetPassword(login));
    io.out(`Đã đặt lại mật khẩu của ${reset.person.login}; mọi phiên đăng nhập của người này đã kết thúc.`);
    printPassword(io, reset.person, reset.password);
  } else if (action === 'roles') {
    const change = roleChange(values);
    const changes = change.add.length + change.remove.length > 0 || change.administrator !== undefined;
    const person = await withAccounts(databasePath, (accounts) => (changes ? accounts.changeRoles(login, change) : accounts.findPerson(login)));
    io.out(changes ? `Đã đổi vai trò: ${describe(person)}.` : describe(person));
  } else {
    throw new CliFailure(TEAM_USAGE, [], 2);
  }
};

export const TEAM_SERVE_OPTIONS = {
  team: { type: 'boolean', default: false },
  listen: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'trust-proxy': { type: 'boolean', default: false },
  'insecure-lan': { type: 'boolean', default: false },
} as const;

type TeamServeValues = { listen?: string; cert?: string; key?: string; 'trust-proxy'?: boolean; 'insecure-lan'?: boolean };

/** `ADDRESS:PORT`, `[IPv6]:PORT`. */
export function parseListen(text: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535) return undefined;
  return { host: (match[1] ?? match[2])!, port };
}

/** A wildcard address: the server listens on every interface of the machine, which no officer can type. */
const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::';

/**
 * The addresses officers can type to reach a server listening on `host`: for a wildcard, the machine's name and each
 * non-internal address of its interfaces — IPv4 for 0.0.0.0, IPv4 and IPv6 for :: (Node listens on both there); an
 * IPv6 link-local address (fe80::) is left out, as a browser cannot open it without the interface's zone. Any other
 * host is the one address.
 */
export function reachableUrls(
  { host, port, scheme }: { host: string; port: number; scheme: 'http' | 'https' },
  interfaces: Record<string, NetworkInterfaceInfo[] | undefined>,
  machineName: string,
): string[] {
  const url = (address: string) => `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  if (!isWildcard(host)) return [url(host)];
  const withIpv6 = host !== '0.0.0.0';
  const addresses = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && (entry.family === 'IPv4' || (withIpv6 && entry.family === 'IPv6' && !/^fe[89ab]/i.test(entry.address))))
    .sort((a, b) => Number(a.family === 'IPv6') - Number(b.family === 'IPv6'))
    .map((entry) => entry.address);
  return [...new Set([machineName, ...addresses])].filter((address) => address !== '').map(url);
}

/** `tthc serve --team …`: the unit's server, until Ctrl+C or SIGTERM. */
export async function serveTeam(values: TeamServeValues, { databasePath, io, env, staticDir }: { databasePath: string; io: CliIo; env: NodeJS.ProcessEnv; staticDir: string }): Promise<void> {
  if (!isDatabaseUrl(databasePath)) throw new CliFailure('Máy chủ nhóm dùng cơ sở dữ liệu PostgreSQL chung của đơn vị: hãy cho --database postgres://… hoặc TTHC_DATABASE_URL.', [], 2);
  const listen = parseListen(values.listen ?? '');
  if (!listen) throw new CliFailure('Thiếu hoặc sai --listen ĐỊA_CHỈ:CỔNG (ví dụ 0.0.0.0:8443 hoặc 127.0.0.1:8080).', [], 2);
  if (Boolean(values.cert) !== Boolean(values.key)) throw new CliFailure('--cert và --key phải đi cùng nhau.', [], 2);
  const tls = values.cert && values.key ? { cert: readFileBytes(values.cert), key: readFileBytes(values.key) } : undefined;
  const trustProxy = values['trust-proxy'] ?? false;
  const insecureLan = values['insecure-lan'] ?? false;
  const refusal = listenRefusal({ host: listen.host, tls: tls !== undefined, insecureLan });
  if (refusal) throw new CliFailure(refusal, [], 2);
  const plainOnNetwork = !tls && !isLoopback(listen.host);
  if (plainOnNetwork) io.err(INSECURE_LAN_WARNING);
  const backend = await openOrExplain(databasePath, { heavyReadsInWorker: true });
  const accounts = createTeamAccounts(backend.ctx, undefined, sessionIdleMsFrom(env));
  if ((await accounts.listPersons().catch(() => [])).length === 0) {
    await backend.close();
    throw new CliFailure('Cơ sở dữ liệu chưa có đơn vị và người dùng. Hãy chạy trước: tthc team init --database … --unit "…" --admin "Họ tên" --login TÊN');
  }
  const access = createTeamAccess({ accounts, actingAs: backend.actingAs, secureCookie: !plainOnNetwork || trustProxy, trustProxy, failures: backend.store.failures, changes: backend.store.changes });
  const host = await startWebHost({ dispatch: backend.dispatch, staticDir, port: listen.port, logError: backend.logError, readInput: backend.readInput, team: { host: listen.host, tls, trustProxy, ...access } });
  const behindProxy = trustProxy ? ' (sau máy chủ proxy của đơn vị)' : '';
  if (isWildcard(listen.host)) {
    const urls = reachableUrls({ host: listen.host, port: host.port, scheme: tls ? 'https' : 'http' }, networkInterfaces(), hostname());
    io.out(`Máy chủ nhóm Bàn thẩm định TTHC đang nghe trên mọi địa chỉ của máy này, cổng ${host.port}${behindProxy}. Cán bộ mở một trong các địa chỉ:`);
    for (const url of urls) io.out(`  ${url}`);
  } else {
    io.out(`Máy chủ nhóm Bàn thẩm định TTHC đang chạy tại: ${host.url}${behindProxy}`);
  }
  io.out(`Cơ sở dữ liệu: ${displayedLocation(databasePath)}`);
  // What an officer compares before the desktop app trusts a self-signed certificate (Cài đặt → Máy chủ của đơn vị).
  if (tls) io.out(`Dấu vân tay SHA-256 của chứng chỉ (để cán bộ đối chiếu khi kết nối ứng dụng máy tính): ${new X509Certificate(tls.cert).fingerprint256}`);
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
  await host.close();
  await backend.close();
}
