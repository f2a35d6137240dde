// Starts the real web host (`tthc serve`) as a child process on a given database file, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import type { Profile } from '../../shared/contract/api';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

export type RunningHost = { url: string; origin: string; token: string; stop: () => Promise<void> };

export function temporaryDatabase(name = 'tthc.sqlite'): string {
  return join(mkdtempSync(join(tmpdir(), 'tthc-e2e-')), name);
}

/** Who a test installation is, so that the first-start dialog does not stand in the way of tests about other things. */
export const TEST_PROFILE: Profile = { agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Cán bộ kiểm thử' };

/** `profile: null` leaves the installation unnamed, for tests of the first start itself. */
export async function startHost(
  databasePath: string,
  options: { profile: Profile | null } = { profile: TEST_PROFILE },
): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--db', databasePath, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    // Waits for the host's address line; the bound only ends a host that never starts. 30 s was passed at a load of 40
    // on 2 cores (a node start, the bundle and the migrations), failing a test that had done nothing yet.
    // A host that never printed its address is stopped: left running, it outlived the run that gave up on it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web host did not start:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  const token = parsed.hash.replace('#token=', '');
  if (options.profile) {
    const saved = await fetch(`${parsed.origin}/api/saveProfile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tthc-token': token },
      body: JSON.stringify(options.profile),
    });
    if (!saved.ok) throw new Error(`could not save the test profile: ${saved.status}`);
  }
  return {
    url,
    origin: parsed.origin,
    token,
    stop: () =>
      new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

/** One API call to a running host, as the web client makes it; fails the test with the service's error when refused. */
export async function callApi<T>(request: APIRequestContext, host: RunningHost, method: string, data: object): Promise<T> {
  const response = await request.post(`${host.origin}/api/${method}`, { data, headers: { 'x-tthc-token': host.token } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}
