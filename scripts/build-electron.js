// Bundles the Electron main process and preload to CommonJS (a sandboxed preload cannot load modules).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'info' };
await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3', 'pdfmake', '@expo-google-fonts/tinos', 'pkcs11js'] });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
// Worker threads load it from beside main.cjs (main/workers/pool.ts).
await build({ ...common, entryPoints: ['main/workers/taskWorker.ts'], outfile: 'dist/electron/tthcWorker.cjs', external: ['better-sqlite3'] });
