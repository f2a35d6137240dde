// One side of one operation in a process of its own, so that its peak memory is its own:
//   node --import tsx bench/worker.ts <database> <operation index | import | concurrency> <app | raw> <rounds> <drafts>
// <database> is a SQLite file or a postgres:// URL (the raw side then uses plain pg). Prints one JSON line: the median
// of the timed calls and the process's peak resident memory (the concurrency row: its own measures).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/sqlite/connection';
import { openBackend } from '../main/app';
import { isDatabaseUrl } from '../main/dataPaths';
import { measureConcurrency, DRAFTS as CONCURRENT_DRAFTS } from './concurrency';
import { generateDossier } from './dataset';
import { rawBulkInsert } from './rawImport';
import { rawPgBulkInsert } from './rawPg';
import { OPERATIONS } from './operations';

const [database, operation, side, roundsText, draftsText] = process.argv.slice(2) as [string, string, string, string, string];
const rounds = Number(roundsText);
const drafts = Number(draftsText);
const onPostgres = isDatabaseUrl(database);
const REGULATIONS_PER_DRAFT = 10;

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function timed(work: () => unknown): Promise<number[]> {
  // A warm-up call first when there are several, so the median is of the steady state.
  if (rounds > 1) await work();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function withPgClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function measure(): Promise<number[]> {
  if (operation === 'import') {
    // The whole dataset into a fresh database (a SQLite file removed here; a PostgreSQL database created migrated by
    // bench/run.ts): the app through the dispatcher, raw with prepared inserts.
    const dossier = generateDossier(drafts, REGULATIONS_PER_DRAFT);
    if (!onPostgres) rmSync(database, { force: true });
    const start = performance.now();
    if (side === 'app') {
      const backend = await openBackend(database);
      const response = await backend.dispatch('importDossier', { dossier });
      if (!response.ok) throw new Error(response.error.message);
      // The letter needs its signer; the officer of this installation signs (outside the timing would not matter: it is one row).
      await backend.dispatch('saveProfile', { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Nguyễn Văn An' });
      await backend.close();
    } else if (onPostgres) {
      await withPgClient((client) => rawPgBulkInsert(client, dossier));
    } else {
      const db = openDatabase(database);
      rawBulkInsert(db, dossier);
      db.close();
    }
    return [performance.now() - start];
  }
  const chosen = OPERATIONS[Number(operation)]!;
  const outDir = mkdtempSync(join(tmpdir(), 'tthc-bench-out-'));
  try {
    if (side === 'app') {
      const backend = await openBackend(database);
      try {
        return await timed(() => chosen.app(backend, { drafts, outDir }));
      } finally {
        await backend.close();
      }
    }
    if (onPostgres) return await withPgClient((client) => timed(() => chosen.rawPg!(client, { drafts, outDir })));
    const db = new Database(database, { readonly: true });
    return await timed(() => chosen.raw!(db, { drafts, outDir }));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (operation === 'concurrency') {
  // The first drafts of the imported dataset (ids follow from the counts alone); `rounds` carries the seconds.
  const draftIds = generateDossier(CONCURRENT_DRAFTS, REGULATIONS_PER_DRAFT).drafts.slice(0, CONCURRENT_DRAFTS).map((draft) => draft.id);
  const result = await measureConcurrency(database, draftIds, rounds);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const samples = await measure();
  process.stdout.write(`${JSON.stringify({ ms: median(samples), samples, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
