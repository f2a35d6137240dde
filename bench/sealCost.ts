// `npx tsx bench/sealCost.ts` (issue 23, item 3): what the history's seal costs every transaction that appends.
// Each round appends one event to one of 100 drafts in a transaction of its own, through the app's SQLite store on a
// file (WAL, as the app runs) and in memory (the seal written before the commit, db/sqlite/historySeal.ts); then, in the same run and on the same connection, the
// seal of that draft is written again alone in a transaction of its own — the same reads, digest, HMAC and UPDATE —
// less an empty transaction's time.
// The row gives the append's median and p95 with the seal, the seal's own median, and the ratio of an append with the
// seal to one without it (append minus seal). A report, not a test: nothing passes or fails.
//   BENCH_SEAL_ROUNDS=2000   appends measured (default 2.000)
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteSealer } from '../db/sqlite/historySeal';
import { openSqliteStore, sqliteHandleOf } from '../db/sqlite/store';

const ROUNDS = Number(process.env.BENCH_SEAL_ROUNDS ?? 2_000);
const DRAFTS = 100;
const EDIT = { at: '2024-01-10T08:00:00.000Z', by: 'Nguyễn Văn A' };
const draftIdOf = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const quantile = (values: number[], fraction: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(fraction * values.length))] ?? 0;

async function measure(where: 'tệp' | 'bộ nhớ'): Promise<Record<string, string | number>> {
  const historyKey = randomBytes(32);
  const store = openSqliteStore(where === 'tệp' ? join(mkdtempSync(join(tmpdir(), 'tthc-seal-bench-')), 'tthc.sqlite') : ':memory:', { historyKey });
  await store.tx(async (repos) => {
    for (let index = 0; index < DRAFTS; index += 1) {
      await repos.drafts.insert(
        { id: draftIdOf(index), docType: 'nghi_dinh', title: `Dự thảo ${index}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
        EDIT,
      );
    }
  });
  const db = sqliteHandleOf(store);
  const sealer = createSqliteSealer(db, historyKey);
  const appendMs: number[] = [];
  const sealMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const draftId = draftIdOf(round % DRAFTS);
    const event = { at: new Date(Date.UTC(2024, 0, 2, 0, 0, round)).toISOString(), action: 'submit_for_appraisal' as const, actor: 'Nguyễn Văn A', role: 'drafter' as const, note: `bước ${round}` };
    const mark = sealer.mark();
    const started = performance.now();
    await store.tx((repos) => repos.exchange.apply([{ kind: 'appendEvent', draftId, event }], EDIT));
    appendMs.push(performance.now() - started);
    const sealStarted = performance.now();
    db.transaction(() => sealer.sealAppendedSince(mark)).immediate();
    const sealed = performance.now() - sealStarted;
    // The transaction the seal was timed in is not part of the seal: an empty one is timed and taken off.
    const emptyStarted = performance.now();
    db.transaction(() => undefined).immediate();
    sealMs.push(sealed - (performance.now() - emptyStarted));
  }
  const median = quantile(appendMs, 0.5);
  const sealMedian = quantile(sealMs, 0.5);
  const row = {
    'thao tác': `ghi một sự kiện (giao dịch riêng), SQLite ${where}`,
    'lượt': ROUNDS,
    'có niêm phong p50 ms': Number(median.toFixed(3)),
    'có niêm phong p95 ms': Number(quantile(appendMs, 0.95).toFixed(3)),
    'niêm phong riêng p50 ms': Number(sealMedian.toFixed(3)),
    'không niêm phong p50 ms (ước)': Number((median - sealMedian).toFixed(3)),
    'tỉ lệ có ÷ không': Number((median / Math.max(median - sealMedian, 1e-6)).toFixed(2)),
  };
  await store.close();
  return row;
}

console.table([await measure('tệp'), await measure('bộ nhớ')]);
