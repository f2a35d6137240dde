// `npx tsx bench/heavyLoad.ts` (issue 23, item 10 / defect 11): does one heavy call stall everyone? A web host
// (`tthc serve`, its own process, SQLite) over a database of 800 drafts; 30 clients call it at once for a while, 29 of
// them cheap calls in turn (listDrafts, getDraft, searchRegulations) and one the heavy ones in turn (the period report,
// the dashboard, a dossier export of every draft, and importing one draft's dossier). Printed: per kind of call, how
// many, p50, p95 and max in ms, and errors. The target: cheap calls p95 ≤ 50 ms under this load. A report,
// not a test: nothing passes or fails.
//   BENCH_LOAD_SECONDS=60   how long the clients call (default 60 s)
//   BENCH_LOAD_CLIENTS=30   how many clients (default 30, one of them heavy)
//   BENCH_DRAFTS=800        the database's drafts (default 800)
//   BENCH_LOAD_THINK_MS=500 each cheap client's pause between calls, as an officer reading the answer (default 500 ms;
//                           0 makes every client call back to back, which measures the queue, not the stall)
//   BENCH_LOAD_HEAVY=0      no heavy client: every client makes cheap calls (the same load's baseline)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../main/app';
import { generateDossier } from './dataset';
import { SEARCH_QUERIES } from './operations';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 30);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 800);
const HEAVY = process.env.BENCH_LOAD_HEAVY !== '0';
const THINK_MS = Number(process.env.BENCH_LOAD_THINK_MS ?? 500);

type Sample = { kind: string; ms: number; ok: boolean };
const quantile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;

async function seeded(): Promise<{ path: string; draftIds: string[]; oneDraft: unknown }> {
  const path = join(mkdtempSync(join(tmpdir(), 'tthc-load-')), 'tthc.sqlite');
  const backend = await openBackend(path);
  const dossier = generateDossier(DRAFTS, 5, { largeDrafts: false });
  const imported = await backend.dispatch('importDossier', { dossier });
  if (!imported.ok) throw new Error(`seeding failed: ${JSON.stringify(imported.error)}`);
  await backend.close();
  return { path, draftIds: dossier.drafts.map((draft) => draft.id), oneDraft: { ...dossier, drafts: [dossier.drafts[0]] } };
}

async function serve(path: string): Promise<{ post: (method: string, body: unknown) => Promise<boolean>; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/tthc.js'), '--db', path, 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const post = async (method: string, body: unknown): Promise<boolean> => {
    const response = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tthc-token': token, origin: url.origin },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  };
  return { post, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const { path, draftIds, oneDraft } = await seeded();
  const host = await serve(path);
  const samples: Sample[] = [];
  const until = performance.now() + SECONDS * 1000;
  const timed = async (kind: string, method: string, body: unknown) => {
    const started = performance.now();
    const ok = await host.post(method, body).catch(() => false);
    samples.push({ kind, ms: performance.now() - started, ok });
  };
  const cheap = async (client: number) => {
    for (let turn = client; performance.now() < until; turn += 1) {
      const kind = turn % 3;
      if (kind === 0) await timed('listDrafts (rẻ)', 'listDrafts', { limit: 50 });
      else if (kind === 1) await timed('getDraft (rẻ)', 'getDraft', { id: draftIds[turn % draftIds.length] });
      else await timed('searchRegulations (rẻ)', 'searchRegulations', { text: SEARCH_QUERIES[turn % SEARCH_QUERIES.length], limit: 20 });
      await new Promise((resume) => setTimeout(resume, THINK_MS));
    }
  };
  const heavy = async () => {
    for (let turn = 0; performance.now() < until; turn += 1) {
      const kind = turn % 4;
      if (kind === 0) await timed('periodReport (nặng)', 'periodReport', { from: '2020-01-01', to: '2026-12-31' });
      else if (kind === 1) await timed('dashboard (nặng)', 'dashboard', { from: '2025-01', to: '2026-12' });
      else if (kind === 2) await timed('exportDossier (nặng)', 'exportDossier', {});
      else await timed('importDossier (nặng)', 'importDossier', { dossier: oneDraft });
    }
  };
  await Promise.all([HEAVY ? heavy() : cheap(CLIENTS - 1), ...Array.from({ length: CLIENTS - 1 }, (_, client) => cheap(client))]);
  host.stop();
  const kinds = [...new Set(samples.map((sample) => sample.kind))].sort();
  const cheapTimes = samples.filter((sample) => sample.kind.endsWith('(rẻ)')).map((sample) => sample.ms).sort((a, b) => a - b);
  const rows = kinds.map((kind) => {
    const times = samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms).sort((a, b) => a - b);
    return {
      'loại lời gọi': kind,
      'số lượt': times.length,
      'p50 ms': Number(quantile(times, 0.5).toFixed(1)),
      'p95 ms': Number(quantile(times, 0.95).toFixed(1)),
      'max ms': Number((times.at(-1) ?? 0).toFixed(1)),
      'lỗi': samples.filter((sample) => sample.kind === kind && !sample.ok).length,
    };
  });
  rows.push({ 'loại lời gọi': 'mọi lời gọi rẻ', 'số lượt': cheapTimes.length, 'p50 ms': Number(quantile(cheapTimes, 0.5).toFixed(1)), 'p95 ms': Number(quantile(cheapTimes, 0.95).toFixed(1)), 'max ms': Number((cheapTimes.at(-1) ?? 0).toFixed(1)), 'lỗi': 0 });
  console.log(`${CLIENTS} khách${HEAVY ? ', một khách gọi việc nặng' : ', không việc nặng'}, ${SECONDS} s, nghỉ ${THINK_MS} ms giữa hai lời gọi rẻ, ${DRAFTS} dự thảo (mục tiêu: lời gọi rẻ p95 ≤ 50 ms)`);
  console.table(rows);
}

await main();
