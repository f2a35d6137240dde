// The concurrency row: 16 writers append events to the histories of 100 drafts through the app's store for a while,
// each append its own write transaction, as 16 officers saving at once. Measured: appends per second, the 95th
// percentile of one append, forked links in the hash chain (an event that does not follow the event before it in its
// chain: two writers that read the same chain head) and acknowledged appends missing from the database. An append the
// store calls busy (SQLITE_BUSY; a serialization failure or deadlock on PostgreSQL) is tried again after a doubling
// pause for up to 10 s, as the dispatcher does for a call that wrote nothing; the tries are counted.
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPgStore } from '../db/pg/store';
import type { Store } from '../db/port';
import { CHAIN_START, eventHash } from '../db/common/eventChain';
import { openSqliteStore } from '../db/sqlite/store';
import { isDatabaseUrl } from '../main/dataPaths';

export const WRITERS = 16;
export const DRAFTS = 100;
const NOTE_PREFIX = 'bench-concurrency';
/** As the dispatcher's defaults (main/app.ts DEFAULT_BUSY_WAIT_MS, its doubling pause capped). */
const BUSY_WAIT_MS = 10_000;
const MAX_BACKOFF_MS = 250;

export type ConcurrencyResult = {
  appends: number;
  /** Tries again after the store said busy. */
  retries: number;
  /** Appends given up (busy past the wait, or another error). */
  failed: number;
  seconds: number;
  perSecond: number;
  p95Ms: number;
  forkedLinks: number;
  missing: number;
  chains: 'per-draft' | 'global';
};

export type StoredEvent = { seq: number; draft_id: string; at: string; at_epoch_ms: number; action: string; actor: string; role: string; note: string; hash: string };

/**
 * How many events do not link to the event written before them in their chain: 0 for an unforked history. Each chain
 * (one per draft when the schema keeps a head per draft, else the one global chain) is walked in write order.
 */
export function countForkedLinks(events: readonly StoredEvent[], chains: 'per-draft' | 'global'): number {
  const heads = new Map<string, string>();
  let forked = 0;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const chain = chains === 'per-draft' ? event.draft_id : '';
    const expected = eventHash(heads.get(chain) ?? CHAIN_START, {
      draftId: event.draft_id,
      at: event.at,
      atEpochMs: Number(event.at_epoch_ms),
      action: event.action,
      actor: event.actor,
      role: event.role,
      note: event.note,
    });
    if (expected !== event.hash) forked += 1;
    heads.set(chain, event.hash);
  }
  return forked;
}

const EVENT_COLUMNS = 'seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash';

/** Every stored event, and whether the schema chains each draft on its own (a table of chain heads). */
async function storedEvents(database: string): Promise<{ events: StoredEvent[]; chains: 'per-draft' | 'global' }> {
  if (isDatabaseUrl(database)) {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      const { rows: heads } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'event_chain_heads'`);
      const { rows } = await client.query<StoredEvent>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY seq`);
      return { events: rows, chains: heads.length > 0 ? 'per-draft' : 'global' };
    } finally {
      await client.end();
    }
  }
  const db = new Database(database, { readonly: true });
  try {
    const perDraft = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_chain_heads'`).get() !== undefined;
    return { events: db.prepare<[], StoredEvent>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY seq`).all(), chains: perDraft ? 'per-draft' : 'global' };
  } finally {
    db.close();
  }
}

const openStore = (database: string): Promise<Store> | Store =>
  isDatabaseUrl(database) ? openPgStore(database, { poolSize: WRITERS }) : openSqliteStore(database, { busyTimeoutMs: 25 });

const percentile = (samples: number[], fraction: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
};

/** Runs the writers for `seconds` on `draftIds` (existing drafts), then checks the history. */
export async function measureConcurrency(database: string, draftIds: readonly string[], seconds: number): Promise<ConcurrencyResult> {
  const store = await openStore(database);
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  let failed = 0;
  let retries = 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const append = async (draftId: string, note: string, writer: number) => {
    const began = Date.now();
    for (let backoff = 5; ; backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)) {
      try {
        await store.tx((repos) => repos.events.append(draftId, { at: new Date().toISOString(), action: 'revise', actor: `Người ghi ${writer + 1}`, role: 'drafter', note }));
        return;
      } catch (error) {
        if (!store.failures.isBusy(error) || Date.now() - began > BUSY_WAIT_MS) throw error;
        retries += 1;
        await sleep(backoff);
      }
    }
  };
  const start = performance.now();
  const until = start + seconds * 1_000;
  try {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_unused, writer) => {
        for (let count = 0; performance.now() < until; count += 1) {
          const note = `${NOTE_PREFIX} ${writer}-${count}`;
          const draftId = draftIds[(writer * 7 + count) % draftIds.length]!;
          const began = performance.now();
          try {
            await append(draftId, note, writer);
            latencies.push(performance.now() - began);
            acknowledged.push(note);
          } catch {
            failed += 1;
          }
        }
      }),
    );
  } finally {
    await store.close();
  }
  const elapsed = (performance.now() - start) / 1_000;
  const { events, chains } = await storedEvents(database);
  const stored = new Set(events.filter((event) => event.note.startsWith(NOTE_PREFIX)).map((event) => event.note));
  return {
    appends: acknowledged.length,
    retries,
    failed,
    seconds: Number(elapsed.toFixed(1)),
    perSecond: Math.round(acknowledged.length / elapsed),
    p95Ms: Number(percentile(latencies, 0.95).toFixed(2)),
    forkedLinks: countForkedLinks(events, chains),
    missing: acknowledged.filter((note) => !stored.has(note)).length,
    chains,
  };
}
