// How the `tthc` command (bin/tthc.js) finds its code: a bundle of the TypeScript sources (esbuild, ES modules split so
// that a command loads only what it uses), which starts several times faster than running them through tsx. The bundle
// is built here, without the network, on the first run and whenever a source file or folder is newer than it, so
// `npm ci` then `tthc …` works on a fresh clone and an edit takes effect at once. Without esbuild (an install without
// dev dependencies) the sources run through tsx as before. Tests always import the sources.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FOLDERS = ['main', 'db', 'shared'];
/** Where the bundles are kept: dist/cli, or another folder (TTHC_CLI_BUNDLE_DIR) for a test that must start without one. */
const BUNDLES = process.env.TTHC_CLI_BUNDLE_DIR || join(ROOT, 'dist', 'cli');
/** Said on stderr before a build: it takes about half a minute, and a first run would otherwise seem to hang. */
export const BUILDING_NOTICE = 'Đang chuẩn bị dòng lệnh lần đầu, khoảng nửa phút…';

/** The newest modification among the sources (a deleted file changes its folder's time), and how many there are. */
export function sourceStamp() {
  let newest = 0;
  let count = 0;
  const visit = (folder) => {
    newest = Math.max(newest, statSync(folder).mtimeMs);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name)) {
        count += 1;
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) visit(join(ROOT, folder));
  return `${Math.floor(newest)}-${count}`;
}

/** Builds into a folder of its own, then renames it into place: a run that starts meanwhile never sees half a bundle. */
async function buildBundle(target) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  process.stderr.write(`${BUILDING_NOTICE}\n`);
  const temporary = `${target}.${process.pid}.tmp`;
  await esbuild.build({
    // The worker threads' code is an entry of its own, beside the chunks that start it (main/workers/pool.ts).
    entryPoints: { cli: join(ROOT, 'main/transports/cli.ts'), tthcWorker: join(ROOT, 'main/workers/taskWorker.ts') },
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  try {
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { recursive: true, force: true }); // Another run built the same sources first.
  }
  // Older bundles go, but the one before this stays for a command still running from it.
  const builds = readdirSync(BUNDLES).filter((name) => /^\d+-\d+$/.test(name)).sort((a, b) => statSync(join(BUNDLES, b)).mtimeMs - statSync(join(BUNDLES, a)).mtimeMs);
  for (const old of builds.slice(2)) rmSync(join(BUNDLES, old), { recursive: true, force: true });
  return true;
}

/** A folder that cannot be written (an installation owned by another user) leaves the sources to tsx. */
async function bundleReady(bundle) {
  if (existsSync(join(bundle, 'cli.mjs'))) return true;
  try {
    mkdirSync(BUNDLES, { recursive: true });
    return await buildBundle(bundle);
  } catch {
    return false;
  }
}

/** The CLI's module: the bundle of the sources as they are now (built first if they changed), or the sources through tsx. */
export async function loadCli() {
  const bundle = join(BUNDLES, sourceStamp());
  if (await bundleReady(bundle)) return import(pathToFileURL(join(bundle, 'cli.mjs')).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import('../main/transports/cli.ts');
}
