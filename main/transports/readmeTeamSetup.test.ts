// The README's team set-up, run as it is written (issue 21's "Done when": a unit administrator sets up a team server
// from the README), so that the README cannot silently go wrong again: the DBA's psql line makes the role and database
// on a throwaway cluster, the certificate comes from the README's openssl command, and every line of the README's
// team block runs as printed — `team init`, each `team user add`, `serve --team` — with only the password, the
// database's host and port (the throwaway cluster's) and the listening port (0: any free one) put in. Each person then
// signs in over HTTPS, the server's certificate checked against the README's self-signed one under its own name.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startThrowawayCluster, type ThrowawayCluster } from '../../scripts/pg-cluster';
import { requireOpenssl } from '../../test/fixtures/selfSignedCertificate';
import { describePostgres } from '../../test/pg/database';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const TRIAL_PASSWORD = 'mat-khau-thu';

/** The words of one shell command line as sh would pass them (quotes, no expansion), without its trailing comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const word = /"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g;
  for (const match of line.matchAll(word)) {
    if (match[3] !== undefined) break;
    words.push(match[1] ?? match[2] ?? match[4]!);
  }
  return words;
}

/** The README's fenced bash blocks of the team section: the DBA's line and the set-up block. */
function teamSection() {
  const section = README.slice(README.indexOf('### Máy chủ nhóm'));
  const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1]!.split('\n').filter((line) => line.trim() !== ''));
  const setUp = blocks.find((lines) => lines.some((line) => line.includes('tthc team init')));
  const dba = blocks.find((lines) => lines.some((line) => line.includes('CREATE DATABASE')));
  const openssl = /`(openssl req -x509[^`]*)`/.exec(section.replace(/\n/g, ' '))?.[1];
  if (!setUp || !dba || !openssl) throw new Error('the README’s team section no longer has its set-up block, the DBA’s line or the openssl command');
  return { setUp, dba: dba.join(' '), openssl };
}

describePostgres('the README’s team set-up, run as written', () => {
  const haveOpenssl = requireOpenssl();
  const { setUp, dba, openssl } = teamSection();
  let cluster: ThrowawayCluster | undefined;
  let server: ChildProcess | undefined;
  let folder: string;
  let databaseUrl: string;
  const passwords: Record<string, string> = {};

  beforeAll(async () => {
    if (!haveOpenssl) return;
    folder = mkdtempSync(join(tmpdir(), 'tthc-readme-team-'));
    cluster = await startThrowawayCluster();
    // The DBA's line: each -c statement, as the cluster's superuser, with a trial password.
    const superuser = new pg.Client({ connectionString: cluster.url('postgres') });
    await superuser.connect();
    try {
      for (const statement of shellWords(dba).filter((_, index, words) => words[index - 1] === '-c')) {
        await superuser.query(statement.replace('MẬT_KHẨU', TRIAL_PASSWORD));
      }
    } finally {
      await superuser.end();
    }
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    cluster?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it.skipIf(!haveOpenssl)('makes the unit, its administrator and two officers, serves HTTPS, and each signs in', async () => {
    const made = spawnSync('sh', ['-c', openssl], { cwd: folder, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const serverName = /DNS:([^,"]+)/.exec(openssl)![1]!;

    const exported = setUp.find((line) => line.startsWith('export TTHC_DATABASE_URL='));
    expect(exported, 'the block sets the database once').toBeDefined();
    const readmeUrl = new URL(shellWords(exported!.replace(/^export TTHC_DATABASE_URL=/, ''))[0]!);
    readmeUrl.password = TRIAL_PASSWORD;
    readmeUrl.host = `127.0.0.1:${cluster!.port}`;
    databaseUrl = readmeUrl.toString();
    const env = { ...process.env, TTHC_DATABASE_URL: databaseUrl };

    const commands = setUp.filter((line) => line.startsWith('npx tthc ')).map((line) => shellWords(line).slice(2));
    expect(commands.map((words) => words.slice(0, 3).join(' '))).toEqual(['team init --unit', 'team user add', 'team user add', 'serve --team --listen']);
    for (const words of commands.slice(0, -1)) {
      const run = spawnSync(process.execPath, [join(ROOT, 'bin/tthc.js'), ...words], { cwd: folder, env, encoding: 'utf8' });
      expect(run.status, `tthc ${words.join(' ')}:\n${run.stdout}${run.stderr}`).toBe(0);
      const [, login, password] = /Mật khẩu dùng một lần của (\S+) \(.*\): (\S+)/.exec(run.stdout) ?? [];
      expect(login, run.stdout).toBeDefined();
      passwords[login!] = password!;
    }
    expect(Object.keys(passwords)).toEqual(['quantri', 'lan', 'hoa']);

    // serve --team as written, on a free port instead of 8443 (another server may hold it on this machine).
    const serve = commands.at(-1)!.map((word) => word.replace(/^(0\.0\.0\.0):8443$/, '$1:0'));
    server = spawn(process.execPath, [join(ROOT, 'bin/tthc.js'), ...serve], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<number>((resolvePort, reject) => {
      let seen = '';
      const read = (chunk: Buffer) => {
        seen += chunk.toString();
        // On 0.0.0.0 it names the port it listens on, then the addresses officers can type.
        const match = /đang nghe trên mọi địa chỉ của máy này, cổng (\d+)/.exec(seen);
        if (match) resolvePort(Number(match[1]));
      };
      server!.stdout!.on('data', read);
      server!.stderr!.on('data', read);
      server!.once('exit', () => reject(new Error(`serve --team exited before printing its address:\n${seen}`)));
    });

    // Over HTTPS to the server by the name in its certificate, trusted as that certificate alone.
    const origin = `https://${serverName}:${port}`;
    const certificate = readFileSync(join(folder, 'may-chu.pem'));
    const post = (path: string, body: unknown, cookie?: string) =>
      new Promise<{ status: number; cookie?: string; body: { ok: boolean; value?: { person?: { mustChangePassword?: boolean } }; error?: { message: string } } }>((resolvePost, reject) => {
        const sent = request(
          { host: '127.0.0.1', servername: serverName, ca: certificate, port, path, method: 'POST', headers: { host: `${serverName}:${port}`, origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolvePost({ status: response.statusCode ?? 0, cookie: response.headers['set-cookie']?.[0]?.split(';')[0], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
            );
          },
        );
        sent.on('error', reject);
        sent.end(JSON.stringify(body));
      });
    for (const [login, password] of Object.entries(passwords)) {
      const signedIn = await post('/auth/sign-in', { login, password });
      expect(signedIn.status, `${login}: ${JSON.stringify(signedIn.body)}`).toBe(200);
      // The printed password is one-time: its session may only change it, as the README says.
      expect(signedIn.body.value?.person?.mustChangePassword).toBe(true);
      expect((await post('/api/listDrafts', {}, signedIn.cookie)).status).toBe(403);
      const changed = await post('/auth/change-password', { currentPassword: password, newPassword: `${password} của riêng tôi` }, signedIn.cookie);
      expect(changed.body.ok, `${login}: ${JSON.stringify(changed.body)}`).toBe(true);
      const drafts = await post('/api/listDrafts', {}, signedIn.cookie);
      expect(drafts.body.ok, `${login}: ${JSON.stringify(drafts.body)}`).toBe(true);
    }
  });
});
