// `tthc serve` in a process of its own on a SQLite file, as an officer starts it, for the scripts that call it from
// outside (bench/heavyLoad.ts, scripts/hostile-processes.ts): its address and token, JSON calls, and a stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TTHC_CLI = join(ROOT, 'bin/tthc.js');

export type ServedHost = {
  url: URL;
  token: string;
  child: ChildProcess;
  /** A call to /api/<method>; its envelope, or undefined when no answer came (the host gone). */
  call: (method: string, body: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } } | undefined>;
  /** Stops it as Ctrl+C does (its profiles, if any, are then written). */
  stop: () => Promise<void>;
};

export async function serveDatabase(path: string, nodeOptions: string[] = []): Promise<ServedHost> {
  const child = spawn(process.execPath, [...nodeOptions, TTHC_CLI, '--db', path, 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<URL>((resolveUrl, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) resolveUrl(new URL(match[1]!));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the host ended (${code}):\n${output}`)));
  });
  const token = url.hash.slice('#token='.length);
  const call: ServedHost['call'] = async (method, body) => {
    try {
      const response = await fetch(`${url.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tthc-token': token, origin: url.origin },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Awaited<ReturnType<ServedHost['call']>>;
    } catch {
      return undefined;
    }
  };
  const stop = () =>
    new Promise<void>((stopped) => {
      if (child.exitCode !== null || child.signalCode !== null) return stopped();
      child.once('exit', () => stopped());
      child.kill('SIGINT');
    });
  return { url, token, child, call, stop };
}
