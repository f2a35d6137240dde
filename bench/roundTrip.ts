// The round trip of issue 17's "Done when": the bench dossier imported with `tthc import` into a SQLite file and into a
// PostgreSQL database (`tthc --database postgres://… import`), each exported again with `tthc export`; the two exports
// must be equal byte for byte, the export's own stamp (when it was made) aside. Names the first difference otherwise.
//   npx tsx bench/roundTrip.ts [drafts]     (default 10.000; a throwaway cluster unless TTHC_DATABASE_URL names one)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMigratedDatabase } from '../db/pg/migrate';
import { runCli } from '../main/transports/cli';
import { startThrowawayCluster } from '../scripts/pg-cluster';
import { generateDossier } from './dataset';

export type RoundTrip = {
  sqliteBytes: number;
  postgresBytes: number;
  /** The first byte that differs, or null when the exports are equal byte for byte. */
  firstDifference: string | null;
};

/** The export's stamp (`"exportedAt": "…"`, once, at the top): the only bytes that differ between two honest exports. */
const unstamped = (text: string): string => text.replace(/"exportedAt":\s*"[^"]*"/, '"exportedAt": ""');

/** Where two texts first differ, with the record it falls in and a little context on each side; null when equal. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at += 1;
  // The record it falls in: the last id written before it (a draft's, a regulation's or an opinion's).
  const recordId = [...expected.slice(0, at).matchAll(/"id":\s*"([^"]+)"/g)].at(-1)?.[1];
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
  return `ký tự thứ ${at.toLocaleString('vi-VN')}${recordId ? ` (trong bản ghi ${recordId})` : ''}: SQLite ${around(expected)}, PostgreSQL ${around(actual)}`;
}

async function cli(args: string[]): Promise<void> {
  const err: string[] = [];
  const code = await runCli(args, { out: () => undefined, err: (line) => err.push(line) });
  if (code !== 0) throw new Error(`tthc ${args.join(' ')} → ${code}: ${err.join('\n')}`);
}

/** Imports `drafts` bench drafts into a fresh SQLite file and into `postgresUrl` (an empty database), exports both. */
export async function roundTrip(drafts: number, postgresUrl: string, { largeDrafts = true } = {}): Promise<RoundTrip> {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-round-trip-'));
  try {
    const dossier = join(dir, 'dossier.json');
    writeFileSync(dossier, JSON.stringify(generateDossier(drafts, 10, { largeDrafts })));
    const solo = join(dir, 'solo.sqlite');
    await cli(['--db', solo, 'import', dossier]);
    await cli(['--db', solo, 'export', '--out', join(dir, 'sqlite.json')]);
    await cli(['--database', postgresUrl, 'import', dossier]);
    await cli(['--database', postgresUrl, 'export', '--out', join(dir, 'postgres.json')]);
    const fromSqlite = unstamped(readFileSync(join(dir, 'sqlite.json'), 'utf8'));
    const fromPostgres = unstamped(readFileSync(join(dir, 'postgres.json'), 'utf8'));
    return {
      sqliteBytes: Buffer.byteLength(fromSqlite),
      postgresBytes: Buffer.byteLength(fromPostgres),
      firstDifference: firstDifference(fromSqlite, fromPostgres),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const drafts = Number(process.argv[2] ?? 10_000);
  const given = process.env.TTHC_DATABASE_URL;
  const cluster = given ? undefined : await startThrowawayCluster();
  try {
    const url = given ?? (await createMigratedDatabase(cluster!.url('postgres'), 'round_trip'));
    const start = performance.now();
    const result = await roundTrip(drafts, url);
    const seconds = ((performance.now() - start) / 1_000).toFixed(0);
    if (result.firstDifference === null) console.log(`Giống hệt nhau: ${result.sqliteBytes.toLocaleString('vi-VN')} byte mỗi bản xuất (${drafts} dự thảo, ${seconds} s).`);
    else {
      console.log(`Khác nhau (${drafts} dự thảo, ${seconds} s), lần đầu ở ${result.firstDifference}`);
      process.exitCode = 1;
    }
  } finally {
    cluster?.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
