// `npm start`: builds the app and opens the desktop window. Where Electron's runtime cannot be downloaded
// (it is fetched on first run), it says so briefly and points to `npm run web` instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

for (const script of ['build:renderer', 'build:electron']) {
  if (run('npm', ['run', '--silent', script]).status !== 0) process.exit(1);
}

const resolved = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 10 * 60 * 1000,
});
if (resolved.status !== 0 || !resolved.stdout) {
  console.error(
    [
      '',
      'Không khởi động được ứng dụng máy tính: không tải được bộ chạy Electron trên máy này.',
      'Hãy dùng giao diện web cục bộ:  npm run web',
      '',
      "The desktop app could not start: Electron's runtime could not be downloaded on this machine.",
      'Use the local web UI instead:  npm run web',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(resolved.stdout, ['dist/electron/main.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
