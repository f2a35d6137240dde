// `npm run bench`: every user-facing operation against a hand-written raw equivalent in the same run, on a generated
// realistic dataset, at 1.000 drafts / 10.000 regulations and at 10.000 / 100.000 so that growth shows. Each side of
// each operation runs in a process of its own (bench/worker.ts) so that peak memory is its own. Prints the table
// and writes bench/results.json. A report, not a test: nothing here passes or fails.
// Every row runs on SQLite (the app vs raw better-sqlite3) and on PostgreSQL (the app through its PostgreSQL store vs
// raw pg with named prepared statements) in a throwaway cluster (scripts/pg-cluster.ts); without PostgreSQL on the
// machine the PostgreSQL rows are skipped, saying so in one line. The browser rows run on SQLite only: they measure the
// page, which gets the same answers from either engine.
//   BENCH_DRAFTS=2000 npm run bench   one size only (quick)      BENCH_UI=0   without the browser rows
//   BENCH_ENGINE=sqlite|postgres      one engine only (default: both)
//   BENCH_ONLY=dashboard,getDraft    only the operations whose name contains one of these (no CLI or UI rows);
//                                     BENCH_ONLY=import: the import alone, BENCH_ROUNDS times per side (median);
//                                     BENCH_ONLY=concurrency: 16 writers × 100 drafts alone
//   BENCH_CONCURRENCY_SECONDS=5       the concurrency row's length (default 30 s)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withClient } from '../db/pg/connection';
import { createMigratedDatabase } from '../db/pg/migrate';
import { regulationSearchQuery } from '../db/pg/regulationSearch';
import { toSearchQuery } from '../db/sqlite/regulationsRepository';
import { findPostgresBin, POSTGRES_INSTALL_HINT, startThrowawayCluster, type ThrowawayCluster } from '../scripts/pg-cluster';
import type { ConcurrencyResult } from './concurrency';
import { OPERATIONS } from './operations';

export type Engine = 'sqlite' | 'postgres';
export type ResultRow = {
  engine?: Engine;
  operation: string;
  size: string;
  appMs: number;
  rawMs: number | null;
  ratio: number | null;
  peakRssMb: number | null;
  /** What a row measures beyond times (the concurrency row's throughput, forks and missing writes). */
  note?: string;
};
type Measured = { ms: number; peakRssMb: number };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = process.env.BENCH_DRAFTS ? [Number(process.env.BENCH_DRAFTS)] : [1_000, 10_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((part) => part.trim().toLowerCase()) : null;
const chosen = (name: string): boolean => ONLY === null || ONLY.some((part) => name.toLowerCase().includes(part));
const ENGINES: Engine[] = process.env.BENCH_ENGINE ? [process.env.BENCH_ENGINE as Engine] : ['sqlite', 'postgres'];
const CONCURRENCY_SECONDS = Number(process.env.BENCH_CONCURRENCY_SECONDS ?? 30);
const CONCURRENCY_ROW = 'Ghi đồng thời (concurrency): 16 người ghi, 100 dự thảo, p95 một lần ghi';
/** Above this many drafts an export is timed once: the 100.000-row spreadsheet takes a minute. */
const HEAVY_ONCE_ABOVE = 5_000;
const PROCESS_ROUNDS = 3;
const TARGETS: Record<string, string> = {
  'Nhập hồ sơ (importDossier)': '≤ 2×',
  [CONCURRENCY_ROW]: '0 nhánh rẽ, 0 lần ghi mất',
  'Biểu mẫu ĐGTĐ DOCX (exportAssessmentForm)': '≤ 1 s',
  'tthc search, khởi động (1 kết quả)': '≤ 2×',
  'Web host: khởi động → câu trả lời API đầu tiên': '≤ 2×',
  // Issue 20 item 7: a letter PDF in ≤ 500 ms after the first (the median follows a warm-up call). Stated against
  // pdfmake as it comes drawing the same opinions in the same run, so that the machine's load falls on both. Plain
  // pdfmake takes ~210 ms of CPU for the seed draft's 58 opinions: 500 ms is 2,4× that, which the letter met on an idle
  // machine before its fonts were shared (2,1–2,2× in CPU time) but not at load 20. The target is the tighter ratio
  // reached since (1,1–1,2×), so that what the letter adds (letterhead, lists, quotes, signature) stays in sight.
  'Văn bản ý kiến thẩm định PDF (exportOpinionLetter)': '≤ 1,25× pdfmake thuần cùng lượt, sau lần đầu',
  'UI: mở dự thảo 1.000 TTHC, long task dài nhất': '≤ 50 ms',
  'UI: cuộn danh sách dự thảo, long task dài nhất': '≤ 50 ms',
};

/** The target for a row: by name, else by its kind (UI rows carry counts in their names). */
function targetOf(operation: string): string {
  const named = TARGETS[operation];
  if (named) return named;
  if (operation.startsWith('UI: mở dự thảo')) return '≤ 500 ms, heap ≤ 300 MB';
  // bench/ui.ts LETTER_PDF_ROW (not imported: ui.ts loads Playwright, which the server rows do without).
  if (operation.startsWith('UI: «Tải PDF»')) return operation.includes('lần đầu') ? 'trang thêm ≤ 50 ms' : '≤ 500 ms; trang thêm ≤ 50 ms';
  if (operation.includes('vẽ sau khi có dữ liệu')) return '≤ 300 ms sau dữ liệu';
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

/** Where one engine's databases live: a fresh, migrated (PostgreSQL) or absent (SQLite) database per name. */
type Place = { engine: Engine; fresh: (name: string) => Promise<string>; cli: (database: string) => string[]; bare: string[] };

function sqlitePlace(work: string): Place {
  return {
    engine: 'sqlite',
    fresh: async (name) => {
      const path = join(work, `${name}.sqlite`);
      rmSync(path, { force: true });
      return path;
    },
    cli: (database) => [process.execPath, join(ROOT, 'bin/tthc.js'), '--db', database],
    bare: [process.execPath, join(ROOT, 'bench/rawProcess.mjs')],
  };
}

function postgresPlace(cluster: ThrowawayCluster): Place {
  const admin = cluster.url('postgres');
  return {
    engine: 'postgres',
    fresh: async (name) => {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      return createMigratedDatabase(admin, name);
    },
    cli: (database) => [process.execPath, join(ROOT, 'bin/tthc.js'), '--database', database],
    bare: [process.execPath, join(ROOT, 'bench/rawProcessPg.mjs')],
  };
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

async function measureSize(place: Place, drafts: number, rows: ResultRow[]): Promise<void> {
  const size = `${drafts.toLocaleString('vi-VN')} dự thảo / ${(drafts * 10).toLocaleString('vi-VN')} TTHC`;
  const startRows = rows.length;
  const name = `bench_${drafts}`;
  console.error(`— ${place.engine}, ${size}: nhập dữ liệu…`);
  const importName = 'Nhập hồ sơ (importDossier)';
  let database = await place.fresh(name);
  if (!chosen(importName)) runWorker(database, 'import', 'app', 1, drafts);
  else {
    // Chosen alone (BENCH_ONLY=import) the import is repeated BENCH_ROUNDS times, raw and app in turn so that load on
    // the machine falls on both, and the medians are compared.
    const imports: { raw: Measured; app: Measured }[] = [];
    for (let round = 0; round < (ONLY === null ? 1 : ROUNDS); round += 1) {
      const raw = runWorker(await place.fresh(`${name}_raw`), 'import', 'raw', 1, drafts);
      await place.fresh(`${name}_raw`);
      database = await place.fresh(name);
      imports.push({ raw, app: runWorker(database, 'import', 'app', 1, drafts) });
    }
    const medianOf = (side: 'raw' | 'app'): Measured => ({
      ms: median(imports.map((run) => run[side].ms)),
      peakRssMb: Math.max(...imports.map((run) => run[side].peakRssMb)),
    });
    rows.push(row(importName, size, medianOf('app'), medianOf('raw')));
  }

  for (const [index, operation] of OPERATIONS.entries()) {
    if (!chosen(operation.name)) continue;
    console.error(`— ${place.engine}, ${size}: ${operation.name}`);
    const rounds = operation.heavy && drafts > HEAVY_ONCE_ABOVE ? 1 : ROUNDS;
    const app = runWorker(database, String(index), 'app', rounds, drafts);
    const hasRaw = place.engine === 'sqlite' ? operation.raw !== null : operation.rawPg !== null;
    const raw = hasRaw ? runWorker(database, String(index), 'raw', rounds, drafts) : null;
    rows.push(row(operation.name, operation.size(drafts), app, raw));
  }

  if (ONLY === null) await measureCommands(place, database, size, rows);
  // Last: its appends change the histories the other rows read.
  if (chosen(CONCURRENCY_ROW)) rows.push(concurrencyRow(database, size));
  for (const added of rows.slice(startRows)) added.engine = place.engine;
}

function concurrencyRow(database: string, size: string): ResultRow {
  console.error(`— ${size}: ${CONCURRENCY_ROW} (${CONCURRENCY_SECONDS} s)`);
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/worker.ts'), database, 'concurrency', 'app', String(CONCURRENCY_SECONDS), '0'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as ConcurrencyResult;
  const note =
    `${result.perSecond.toLocaleString('vi-VN')} lần ghi/s (${result.appends.toLocaleString('vi-VN')} trong ${result.seconds.toLocaleString('vi-VN')} s, ` +
    `${result.retries.toLocaleString('vi-VN')} lần thử lại khi bận, ${result.failed} lần bỏ), ${result.forkedLinks} mắt xích rẽ nhánh (chuỗi ${result.chains === 'per-draft' ? 'theo dự thảo' : 'chung'}), ${result.missing} lần ghi đã xác nhận mà mất`;
  return { operation: CONCURRENCY_ROW, size, appMs: result.p95Ms, rawMs: null, ratio: null, peakRssMb: null, note };
}

/** The command-line and web-host rows: real processes, against a bare script on the same database. */
async function measureCommands(place: Place, database: string, size: string, rows: ResultRow[]): Promise<void> {
  const cli = place.cli(database);
  const bare = place.bare;
  const searchArgument =
    place.engine === 'sqlite' ? toSearchQuery('giay phep') : JSON.stringify(regulationSearchQuery('r.id, r.name, r.article, d.title, r.seq', 'giay phep', 1_000_000_000, { offset: 0 }));
  const out = mkdtempSync(join(tmpdir(), 'tthc-bench-cli-'));
  try {
    console.error(`— ${place.engine}, ${size}: dòng lệnh`);
    rows.push(row('tthc search, khởi động (1 kết quả)', size, timeCommand([...cli, 'search', 'xang dau trong khu cong nghiep cap lai']), timeCommand([...bare, 'open', database])));
    rows.push(row('tthc search «giay phep» (tiến trình)', size, timeCommand([...cli, 'search', 'giay phep']), timeCommand([...bare, 'search', database, searchArgument])));
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
    for (const engine of ENGINES) {
      if (engine === 'sqlite') {
        for (const drafts of SIZES) await measureSize(sqlitePlace(work), drafts, rows);
        continue;
      }
      if (!findPostgresBin()) {
        console.log(`Bỏ qua các dòng PostgreSQL: không tìm thấy initdb/pg_ctl (${POSTGRES_INSTALL_HINT}, hoặc đặt TTHC_PG_BIN)`);
        continue;
      }
      const cluster = await startThrowawayCluster();
      try {
        for (const drafts of SIZES) await measureSize(postgresPlace(cluster), drafts, rows);
      } finally {
        cluster.stop();
      }
    }
    // The browser rows need the built UI (npm run build:renderer); their memory column is the page's JS heap.
    if (process.env.BENCH_UI !== '0' && ONLY === null && ENGINES.includes('sqlite')) {
      const { measureUi } = await import('./ui');
      rows.push(...(await measureUi(Math.max(...SIZES))));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.table(
    rows.map((result) => ({
      CSDL: result.engine === 'postgres' ? 'PostgreSQL' : 'SQLite',
      'thao tác': result.operation,
      'quy mô': result.size,
      'ứng dụng': format(result.appMs),
      'thuần': format(result.rawMs),
      'tỉ lệ': result.ratio === null ? '–' : `${result.ratio.toLocaleString('vi-VN')}×`,
      'RSS đỉnh': result.peakRssMb === null ? '–' : `${result.peakRssMb} MB`,
      'mục tiêu': targetOf(result.operation),
    })),
  );
  for (const result of rows.filter((each) => each.note)) console.log(`${result.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} · ${result.operation}: ${result.note}`);
  console.log('Đã ghi bench/results.json');
}

await main();
