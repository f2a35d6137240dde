// `npm run bench`: every user-facing operation against a hand-written raw equivalent in the same run, on a generated
// realistic dataset, at 1.000 drafts / 10.000 regulations and at 10.000 / 100.000 so that growth shows. Each side of
// each operation runs in a process of its own (bench/worker.ts) so that peak memory is its own. Prints the table
// and writes bench/results.json. A report, not a test: nothing here passes or fails.
//   BENCH_DRAFTS=2000 npm run bench   one size only (quick)      BENCH_UI=0   without the browser rows
//   BENCH_ONLY=dashboard,getDraft    only the operations whose name contains one of these (no CLI or UI rows);
//                                     BENCH_ONLY=import: the import alone, BENCH_ROUNDS times per side (median)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSearchQuery } from '../db/sqlite/regulationsRepository';
import { OPERATIONS } from './operations';

export type ResultRow = { operation: string; size: string; appMs: number; rawMs: number | null; ratio: number | null; peakRssMb: number | null };
type Measured = { ms: number; peakRssMb: number };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = process.env.BENCH_DRAFTS ? [Number(process.env.BENCH_DRAFTS)] : [1_000, 10_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((part) => part.trim().toLowerCase()) : null;
const chosen = (name: string): boolean => ONLY === null || ONLY.some((part) => name.toLowerCase().includes(part));
/** Above this many drafts an export is timed once: the 100.000-row spreadsheet takes a minute. */
const HEAVY_ONCE_ABOVE = 5_000;
const PROCESS_ROUNDS = 3;
const TARGETS: Record<string, string> = {
  'Nhập hồ sơ (importDossier)': '≤ 2×',
  'Biểu mẫu ĐGTĐ DOCX (exportAssessmentForm)': '≤ 1 s',
  'tthc search, khởi động (1 kết quả)': '≤ 2×',
  'Web host: khởi động → câu trả lời API đầu tiên': '≤ 2×',
  'Văn bản ý kiến thẩm định PDF (exportOpinionLetter)': '–',
  'UI: mở dự thảo 1.000 TTHC, long task dài nhất': '≤ 50 ms',
  'UI: cuộn danh sách dự thảo, long task dài nhất': '≤ 50 ms',
};

/** The target for a row: by name, else by its kind (UI rows carry counts in their names). */
function targetOf(operation: string): string {
  const named = TARGETS[operation];
  if (named) return named;
  if (operation.startsWith('UI: mở dự thảo')) return '≤ 500 ms, heap ≤ 300 MB';
  if (operation.startsWith('UI: cuộn hết')) return 'không long task > 50 ms';
  if (operation.includes('(tiến trình)')) return '≤ 2×';
  return operation.includes('XLSX') || operation.includes('JSON') ? '≤ 2×, ≤ 400 MB' : '≤ 2×, ≤ 100 ms';
}

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function runWorker(database: string, operation: string, side: 'app' | 'raw', rounds: number, drafts: number): Measured {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/worker.ts'), database, operation, side, String(rounds), String(drafts)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Measured;
}

/** Start a server process, wait for its URL on stdout, answer one API call; the time from spawn to that answer. */
async function firstAnswer(command: string[], method: string): Promise<Measured> {
  const start = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\w+/.exec(seen);
      if (match) resolveUrl(match[0]);
    });
    child.once('exit', () => reject(new Error(`${command.join(' ')} exited before printing its address`)));
  });
  const { origin, hash } = new URL(url);
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tthc-token': hash.slice('#token='.length) },
    body: JSON.stringify({ offset: 0, limit: 100 }),
  });
  await response.json();
  const ms = performance.now() - start;
  child.kill('SIGTERM');
  await new Promise((resolveExit) => child.once('exit', resolveExit));
  return { ms, peakRssMb: 0 };
}

function row(operation: string, size: string, app: Measured, raw: Measured | null): ResultRow {
  return {
    operation,
    size,
    appMs: Number(app.ms.toFixed(2)),
    rawMs: raw ? Number(raw.ms.toFixed(2)) : null,
    ratio: raw ? Number((app.ms / raw.ms).toFixed(2)) : null,
    peakRssMb: app.peakRssMb > 0 ? Math.round(app.peakRssMb) : null,
  };
}

async function measureSize(drafts: number, database: string, rows: ResultRow[]): Promise<void> {
  const size = `${drafts.toLocaleString('vi-VN')} dự thảo / ${(drafts * 10).toLocaleString('vi-VN')} TTHC`;
  console.error(`— ${size}: nhập dữ liệu…`);
  const importName = 'Nhập hồ sơ (importDossier)';
  if (!chosen(importName)) runWorker(database, 'import', 'app', 1, drafts);
  else {
    // Chosen alone (BENCH_ONLY=import) the import is repeated BENCH_ROUNDS times, raw and app in turn so that load on
    // the machine falls on both, and the medians are compared.
    const imports = Array.from({ length: ONLY === null ? 1 : ROUNDS }, () => {
      const raw = runWorker(`${database}.raw`, 'import', 'raw', 1, drafts);
      rmSync(`${database}.raw`, { force: true });
      return { raw, app: runWorker(database, 'import', 'app', 1, drafts) };
    });
    const medianOf = (side: 'raw' | 'app'): Measured => ({
      ms: median(imports.map((run) => run[side].ms)),
      peakRssMb: Math.max(...imports.map((run) => run[side].peakRssMb)),
    });
    rows.push(row(importName, size, medianOf('app'), medianOf('raw')));
  }

  for (const [index, operation] of OPERATIONS.entries()) {
    if (!chosen(operation.name)) continue;
    console.error(`— ${size}: ${operation.name}`);
    const rounds = operation.heavy && drafts > HEAVY_ONCE_ABOVE ? 1 : ROUNDS;
    const app = runWorker(database, String(index), 'app', rounds, drafts);
    const raw = operation.raw ? runWorker(database, String(index), 'raw', rounds, drafts) : null;
    rows.push(row(operation.name, operation.size(drafts), app, raw));
  }

  if (ONLY !== null) return;
  const cli = [process.execPath, join(ROOT, 'bin/tthc.js'), '--db', database];
  const bare = [process.execPath, join(ROOT, 'bench/rawProcess.mjs')];
  const out = mkdtempSync(join(tmpdir(), 'tthc-bench-cli-'));
  try {
    console.error(`— ${size}: dòng lệnh`);
    rows.push(row('tthc search, khởi động (1 kết quả)', size, timeCommand([...cli, 'search', 'xang dau trong khu cong nghiep cap lai']), timeCommand([...bare, 'open', database])));
    rows.push(row('tthc search «giay phep» (tiến trình)', size, timeCommand([...cli, 'search', 'giay phep']), timeCommand([...bare, 'search', database, toSearchQuery('giay phep')])));
    rows.push(row('tthc export, mọi dự thảo (tiến trình)', size, timeCommand([...cli, 'export', '--out', join(out, 'app.json')], 1), timeCommand([...bare, 'export', database, join(out, 'raw.json')], 1)));
    const cold = await firstAnswer([...cli, 'serve', '--port', '0'], 'listDrafts');
    const coldRaw = await firstAnswer([...bare, 'serve', database], 'listDrafts');
    rows.push(row('Web host: khởi động → câu trả lời API đầu tiên', size, cold, coldRaw));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** A command's wall time (median of `rounds` runs) and peak memory, read from GNU time's output file. */
function timeCommand(command: string[], rounds = PROCESS_ROUNDS): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-bench-time-'));
  try {
    const runs = Array.from({ length: rounds }, () => {
      const file = join(dir, 'rss');
      const start = performance.now();
      execFileSync('/usr/bin/time', ['-o', file, '-f', '%M', ...command], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1024 * 1024 * 1024 });
      const ms = performance.now() - start;
      const kb = Number(execFileSync('tail', ['-n', '1', file], { encoding: 'utf8' }).trim());
      return { ms, peakRssMb: kb / 1024 };
    });
    return { ms: median(runs.map((run) => run.ms)), peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const format = (ms: number | null) => (ms === null ? '–' : `${ms.toLocaleString('vi-VN', { maximumFractionDigits: ms < 10 ? 2 : 0 })} ms`);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tthc-bench-'));
  const rows: ResultRow[] = [];
  try {
    for (const drafts of SIZES) await measureSize(drafts, join(work, `bench-${drafts}.sqlite`), rows);
    // The browser rows need the built UI (npm run build:renderer); their memory column is the page's JS heap.
    if (process.env.BENCH_UI !== '0' && ONLY === null) {
      const { measureUi } = await import('./ui');
      rows.push(...(await measureUi(Math.max(...SIZES))));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.table(
    rows.map((result) => ({
      'thao tác': result.operation,
      'quy mô': result.size,
      'ứng dụng': format(result.appMs),
      'thuần': format(result.rawMs),
      'tỉ lệ': result.ratio === null ? '–' : `${result.ratio.toLocaleString('vi-VN')}×`,
      'RSS đỉnh': result.peakRssMb === null ? '–' : `${result.peakRssMb} MB`,
      'mục tiêu': targetOf(result.operation),
    })),
  );
  console.log('Đã ghi bench/results.json');
}

await main();
