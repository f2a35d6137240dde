// `npx tsx bench/heavyLoad.ts` (issue 23, item 10 / defect 11): does one heavy call stall everyone? A web host
// (`tthc serve`, its own process, SQLite) over a database of 800 drafts; 30 clients call it at once for a while, 29 of
// them cheap calls in turn (listDrafts, getDraft, searchRegulations) and one the heavy ones in turn (the period report,
// the dashboard, a dossier export of every draft, and importing one draft's dossier). The same host is first called
// for as long by the 30 clients making cheap calls only (the idle host), so that what the machine's own load does to a
// cheap call is measured in the same run. Printed: per phase and kind of call, how many, p50, p95 and max in ms, and
// errors; the load average at each phase's start and end; and the ratio of the cheap calls' p95 under the heavy client
// to the idle host's. The target: cheap calls p95 ≤ 50 ms under this load. A report, not a test: nothing
// passes or fails.
//   BENCH_LOAD_SECONDS=60   how long each phase's clients call (default 60 s)
//   BENCH_LOAD_CLIENTS=30   how many clients (default 30, one of them heavy)
//   BENCH_DRAFTS=800        the database's drafts (default 800)
//   BENCH_LOAD_THINK_MS=500 each cheap client's pause between calls, as an officer reading the answer (default 500 ms;
//                           0 makes every client call back to back, which measures the queue, not the stall)
//   BENCH_LOAD_HEAVY=0      the idle phase only
//   BENCH_LOAD_PROFILE=dir  the host runs with --cpu-prof, its threads' profiles written into dir when it stops
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../main/app';
import { generateDossier } from './dataset';
import { SEARCH_QUERIES } from './operations';
import { serveDatabase } from './servedHost';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 30);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 800);
const HEAVY = process.env.BENCH_LOAD_HEAVY !== '0';
const THINK_MS = Number(process.env.BENCH_LOAD_THINK_MS ?? 500);
const PROFILE_DIR = process.env.BENCH_LOAD_PROFILE;

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

async function serve(path: string): Promise<Host> {
  const host = await serveDatabase(path, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  return { post: async (method, body) => (await host.call(method, body))?.ok === true, stop: host.stop };
}

/** The clients calling `host` for SECONDS: 29 cheap ones and, when `heavy`, one heavy one (else a 30th cheap one). */
type Host = { post: (method: string, body: unknown) => Promise<boolean>; stop: () => Promise<void> };

async function phase(host: Host, draftIds: string[], oneDraft: unknown, heavy: boolean): Promise<Sample[]> {
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
  const heavyCalls = async () => {
    for (let turn = 0; performance.now() < until; turn += 1) {
      const kind = turn % 4;
      if (kind === 0) await timed('periodReport (nặng)', 'periodReport', { from: '2020-01-01', to: '2026-12-31' });
      else if (kind === 1) await timed('dashboard (nặng)', 'dashboard', { from: '2025-01', to: '2026-12' });
      else if (kind === 2) await timed('exportDossier (nặng)', 'exportDossier', {});
      else await timed('importDossier (nặng)', 'importDossier', { dossier: oneDraft });
    }
  };
  await Promise.all([heavy ? heavyCalls() : cheap(CLIENTS - 1), ...Array.from({ length: CLIENTS - 1 }, (_, client) => cheap(client))]);
  return samples;
}

const CHEAP = 'mọi lời gọi rẻ';
const isCheap = (sample: Sample) => sample.kind.endsWith('(rẻ)');
const loadAverage = () => loadavg()[0]!.toFixed(1);

function table(samples: Sample[]): Array<Record<string, string | number>> {
  const kinds = [...new Set(samples.map((sample) => sample.kind))].sort();
  const row = (kind: string, chosen: Sample[]) => {
    const times = chosen.map((sample) => sample.ms).sort((a, b) => a - b);
    return {
      'loại lời gọi': kind,
      'số lượt': times.length,
      'p50 ms': Number(quantile(times, 0.5).toFixed(1)),
      'p95 ms': Number(quantile(times, 0.95).toFixed(1)),
      'max ms': Number((times.at(-1) ?? 0).toFixed(1)),
      'lỗi': chosen.filter((sample) => !sample.ok).length,
    };
  };
  return [...kinds.map((kind) => row(kind, samples.filter((sample) => sample.kind === kind))), row(CHEAP, samples.filter(isCheap))];
}

async function main(): Promise<void> {
  const { path, draftIds, oneDraft } = await seeded();
  const host = await serve(path);
  console.log(`${CLIENTS} khách, ${SECONDS} s mỗi pha, nghỉ ${THINK_MS} ms giữa hai lời gọi rẻ, ${DRAFTS} dự thảo (mục tiêu: lời gọi rẻ p95 ≤ 50 ms khi có việc nặng)`);
  const p95 = (rows: Array<Record<string, string | number>>) => Number(rows.find((row) => row['loại lời gọi'] === CHEAP)!['p95 ms']);
  let idleLoad = loadAverage();
  const idle = table(await phase(host, draftIds, oneDraft, false));
  console.log(`Pha 1 — chỉ lời gọi rẻ (máy chủ rảnh); tải trung bình 1 phút: ${idleLoad} lúc đầu, ${loadAverage()} lúc cuối`);
  console.table(idle);
  if (HEAVY) {
    idleLoad = loadAverage();
    const loaded = table(await phase(host, draftIds, oneDraft, true));
    console.log(`Pha 2 — một khách gọi việc nặng; tải trung bình 1 phút: ${idleLoad} lúc đầu, ${loadAverage()} lúc cuối`);
    console.table(loaded);
    console.log(`Lời gọi rẻ p95: ${p95(loaded)} ms khi có việc nặng, ${p95(idle)} ms khi rảnh; tỉ lệ ${(p95(loaded) / p95(idle)).toFixed(2)}`);
  }
  await host.stop();
}

await main();
