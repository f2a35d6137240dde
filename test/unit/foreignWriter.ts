// Another process writing to the same database: a child Node process that takes the write lock and keeps it until told.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 10000');
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO settings (key, value) VALUES ('foreignWriter', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
process.stdout.write('locked\\n');
process.stdin.once('data', () => {
  db.exec('COMMIT');
  db.close();
  process.exit(0);
});
`;

export type ForeignWriter = { child: ChildProcess; release: () => Promise<void> };

/** Resolves once the child holds the write transaction; `release` commits it and waits for the child to exit. */
export function holdWriteLock(databasePath: string): Promise<ForeignWriter> {
  const child = spawn(process.execPath, ['-e', HOLDER, databasePath], { cwd: resolve(import.meta.dirname, '../..'), stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveHeld, reject) => {
    const timer = setTimeout(() => reject(new Error(`the foreign writer did not take the lock:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('locked')) return;
      clearTimeout(timer);
      resolveHeld({
        child,
        release: () =>
          new Promise<void>((resolveExit) => {
            if (child.exitCode !== null) return resolveExit();
            child.once('exit', () => resolveExit());
            child.stdin?.write('\n');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the foreign writer exited with ${code}:\n${output}`)));
  });
}
