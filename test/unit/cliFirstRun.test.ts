// `npx tthc` on a fresh clone builds its bundle first (bin/cliBundle.js), about half a minute on this machine: it says
// so on stderr before building, and says nothing when the bundle of the current sources is already there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/tthc.js');
const NOTICE = 'Đang chuẩn bị dòng lệnh lần đầu, khoảng nửa phút…';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function bundleFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tthc-cli-bundles-'));
  folders.push(folder);
  return folder;
}

describe('the first run of the tthc command', () => {
  it('says in Vietnamese, before building, that it is preparing the command', async () => {
    const bundles = bundleFolder();
    const child = spawn(process.execPath, [CLI, '--help'], { cwd: ROOT, env: { ...process.env, TTHC_CLI_BUNDLE_DIR: bundles }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const said = await new Promise<{ stderr: string; builtAlready: boolean }>((resolveSaid, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        // What is in the folder when the line arrives: a build under way, no finished bundle yet.
        if (stderr.includes('\n')) resolveSaid({ stderr, builtAlready: readdirSync(bundles).some((name) => existsSync(join(bundles, name, 'cli.mjs'))) });
      });
      child.once('exit', (code) => reject(new Error(`tthc exited (${code}) without a word on stderr: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(said.stderr).toBe(`${NOTICE}\n`);
    expect(said.builtAlready).toBe(false);
  }, 60_000);

  it('says nothing when the bundle of the current sources is there', () => {
    const bundles = bundleFolder();
    const stamp = spawnSync(process.execPath, ['--input-type=module', '-e', "import('./bin/cliBundle.js').then((m) => process.stdout.write(m.sourceStamp()))"], { cwd: ROOT, encoding: 'utf8' });
    expect(stamp.status, stamp.stderr).toBe(0);
    // A stand-in for the built bundle: only whether it is found matters here.
    mkdirSync(join(bundles, stamp.stdout));
    writeFileSync(join(bundles, stamp.stdout, 'cli.mjs'), "export async function runCli() { process.stdout.write('chạy\\n'); return 0; }\n");
    const run = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, env: { ...process.env, TTHC_CLI_BUNDLE_DIR: bundles }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('chạy\n');
    expect(run.stderr).toBe('');
  }, 60_000);
});
