// `npm run bench:team` (issue 21, item 8): simulated officers of one unit work at once through a real team server
// (`tthc serve --team`, its own process, over HTTPS with a self-signed certificate, each officer signed in with their
// own account and session) on one PostgreSQL database holding the bench's dataset. Each officer repeats a weighted mix
// for a while: autosave of a regulation of their own (updateRegulation on the version they hold, 70%), a search of the
// whole database (20%), a transition of a draft of their own (complete_assessment and return in turn, 10%). The same
// mix then runs as raw `pg` (one pool of as many connections as the server's, plain statements, no HTTP) on the same
// database in the same run, and the table gives the app's figures as ratios of the raw ones.
// Two kinds of round, named in the table's column «nhịp»:
//   - at an officer's pace (what the target p95 ≤ 200 ms at 50 officers is judged on): each officer makes a call, then
//     thinks for a random time (exponential, mean BENCH_TEAM_PACE_MS) before the next; arrivals are open-loop — a call is
//     due at its time whether the server has answered the officer's previous one or not (they still go one after the
//     other, as the UI's save queue sends them), and its latency counts from when it was due, waiting included;
//   - closed loop, no think time (pace 0): every officer sends the next call the moment the last one is answered, so
//     the server is always saturated and latency is officers ÷ throughput (Little's law): this round measures capacity
//     (calls/s against raw pg's), not an officer's wait, and is the only one with a raw-pg baseline.
// Counted for the app: errors (any refusal, conflict or failed request), forked links in the history's hash chains,
// and lost updates (an acknowledged autosave whose text is not what the database holds afterwards, or an acknowledged
// transition whose event is missing). A report, not a test: nothing here passes or fails, and `npm test` never runs it.
//   BENCH_TEAM_OFFICERS=5,50,200   how many officers, one round each (default as the issue: 5, 50, 200)
//   BENCH_TEAM_SECONDS=60          each round's length per side (default 60 s)
//   BENCH_DRAFTS=10000             the dataset's drafts (ten regulations each; default 10.000)
//   BENCH_TEAM_PACE_MS=2000,0      the rounds' mean think times, each a round per officer count (0: the closed loop).
//                                  2.000 ms: the assessment form autosaves 600 ms after the last keystroke
//                                  (renderer/src/features/assessment/useAutosave.ts) and the search 200 ms after the last
//                                  one (SearchPage.tsx), so an officer typing without stopping, a word about every 2 s
//                                  (30 words a minute), sends at most one call per word: a busy hour's upper bound
//   BENCH_TEAM_PROFILE=FOLDER      the server's CPU profile (node --cpu-prof) written there when it stops
//   BENCH_TEAM_ONLY=autosave       one kind of call alone instead of the mix (autosave, search or transition)
//   BENCH_TEAM_STATEMENTS=1        where each app round's time goes, printed after it: statements per call and their
//                                  execution time in PostgreSQL (pg_stat_statements), the server's CPU per call, and
//                                  its event-loop delay (bench/eventLoopProbe.mjs)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CHAIN_START, eventHash } from '../db/common/eventChain';
import { createMigratedDatabase } from '../db/pg/migrate';
import { regulationCountQuery, regulationSearchQuery } from '../db/pg/regulationSearch';
import { openBackend } from '../main/app';
import { createTeamAccounts } from '../main/services/teamAccounts';
import { findPostgresBin, POSTGRES_INSTALL_HINT, startThrowawayCluster, type ThrowawayCluster } from '../scripts/pg-cluster';
import type { Dossier, Regulation } from '../shared/domain/dossier';
import { makeSelfSignedCertificate } from '../test/fixtures/selfSignedCertificate';
import { countForkedLinks, type StoredEvent } from './concurrency';
import { generateDossier } from './dataset';
import { SEARCH_QUERIES } from './operations';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OFFICER_COUNTS = (process.env.BENCH_TEAM_OFFICERS ?? '5,50,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_TEAM_SECONDS ?? 60);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);
const PACES_MS = (process.env.BENCH_TEAM_PACE_MS ?? '2000,0').split(',').map(Number);
if (PACES_MS.some((pace) => !Number.isFinite(pace) || pace < 0)) throw new Error('BENCH_TEAM_PACE_MS: mean think times in ms, 0 for the closed loop');
const UNIT = 'Bộ Công Thương';
/** The team server's pool (db/pg/store.ts default): the raw side gets as many connections. */
const SERVER_POOL = 10;
const SEARCH_LIMIT = 50;
const KINDS = ['autosave', 'search', 'transition'] as const;
type Kind = (typeof KINDS)[number];
const ONLY = process.env.BENCH_TEAM_ONLY as Kind | undefined;
if (ONLY !== undefined && !KINDS.includes(ONLY)) throw new Error(`BENCH_TEAM_ONLY: one of ${KINDS.join(', ')}`);
const STATEMENTS = process.env.BENCH_TEAM_STATEMENTS === '1';
const EVENT_LOOP_FILE = join(tmpdir(), `tthc-bench-event-loop-${process.pid}.json`);
/** The mix: autosave 70%, search 20%, transition or opinion 10%; or one kind alone (BENCH_TEAM_ONLY). */
const WEIGHTS: Record<Kind, number> = ONLY ? { autosave: 0, search: 0, transition: 0, [ONLY]: 1 } : { autosave: 0.7, search: 0.2, transition: 0.1 };

/**
 * A version-4 UUID made from `label`, scattered over the key space as the app's own ids are (randomUUID): officers'
 * drafts created at different times do not sit side by side in the primary keys' index pages, which PostgreSQL's
 * serializable checks lock a page at a time (db/pg/store.ts).
 */
function scatteredUuid(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Each officer's two drafts of the unit: one whose regulation they autosave, one they move along and back. */
type OfficerDrafts = { login: string; autosaveDraft: string; regulation: Regulation; transitionDraft: string };

type Sample = { kind: Kind; ms: number; ok: boolean };
type RoundResult = { samples: Sample[]; seconds: number; lost: number; forks: number };

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;

/** Reproducible draws in [0, 1) without a dependency: each officer its own sequence. */
function draws(seed: number): () => number {
  let state = seed + 1;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Each officer's kinds of call, drawn by the mix's weights. */
function chooser(seed: number) {
  const draw = draws(seed);
  return (): Kind => {
    const value = draw();
    return value < WEIGHTS.autosave ? 'autosave' : value < WEIGHTS.autosave + WEIGHTS.search ? 'search' : 'transition';
  };
}

/** Each officer's think times: exponential with mean `meanMs` (their calls a Poisson process), another sequence than the kinds'. */
function thinkTimes(seed: number, meanMs: number): () => number {
  const draw = draws(1_000_003 + seed);
  return () => -meanMs * Math.log(1 - draw());
}

const waitUntil = (instant: number) => new Promise((resolveWait) => setTimeout(resolveWait, Math.max(0, instant - performance.now())));

/** The officers' own drafts: drafting, of the unit, one regulation each (the transition draft's is assessed already). */
function officersDossier(count: number): { dossier: Dossier; officers: OfficerDrafts[] } {
  // Index 0 of every fourth draft is one still drafting whose single regulation is assessed (bench/dataset.ts).
  const generated = generateDossier(count * 8, 1, { largeDrafts: false }).drafts.filter((_, index) => index % 4 === 0);
  const officers: OfficerDrafts[] = [];
  const drafts = generated.map((draft, index) => {
    const id = scatteredUuid(`bench draft ${index}`);
    const regulation = { ...draft.regulations[0]!, id: scatteredUuid(`bench regulation ${index}`), nationalCode: undefined, opinions: [] };
    return { ...draft, id, draftingAgency: UNIT, title: `Dự thảo của nhóm số ${index + 1}`, regulations: [regulation] };
  });
  for (let officer = 0; officer < count; officer += 1) {
    const autosave = drafts[2 * officer]!;
    officers.push({ login: `canbo${officer + 1}`, autosaveDraft: autosave.id, regulation: autosave.regulations[0]!, transitionDraft: drafts[2 * officer + 1]!.id });
  }
  return { dossier: { ...headerOf(generateDossier(0, 0, { largeDrafts: false })), drafts }, officers };
}

const headerOf = ({ format, version, exportedAt, exportedBy }: Dossier) => ({ format, version, exportedAt, exportedBy });

/** The autosaved text: unique per officer and save, so the database shows which acknowledged save it holds. */
const savedName = (officer: OfficerDrafts, save: number) => `${officer.regulation.name} (bản lưu ${officer.login}-${save})`;

function regulationFields(regulation: Regulation, name: string) {
  const { kind, change, article, field, level, components } = regulation;
  return { kind, change, name, article, field, level, components };
}

type Answer = { status: number; cookie?: string; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };

function httpsClient(base: URL) {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, rejectUnauthorized: false });
  const origin = base.origin;
  const post = (path: string, body: unknown, cookie?: string): Promise<Answer> =>
    new Promise((resolvePost, reject) => {
      const sent = request(
        { host: base.hostname, port: base.port, path, method: 'POST', agent, headers: { origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const setCookie = response.headers['set-cookie']?.[0]?.split(';')[0];
            try {
              resolvePost({ status: response.statusCode ?? 0, cookie: setCookie, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      sent.on('error', reject);
      sent.end(JSON.stringify(body));
    });
  return { post, close: () => agent.destroy() };
}

async function startServer(database: string): Promise<{ child: ChildProcess; url: URL }> {
  const { certPath, keyPath } = makeSelfSignedCertificate();
  const profile = process.env.BENCH_TEAM_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_TEAM_PROFILE)] : [];
  const probe = STATEMENTS ? ['--import', join(ROOT, 'bench/eventLoopProbe.mjs')] : [];
  const child = spawn(process.execPath, [...profile, ...probe, join(ROOT, 'bin/tthc.js'), 'serve', '--team', '--database', database, '--listen', '127.0.0.1:0', '--cert', certPath, '--key', keyPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_TEAM_EVENT_LOOP_FILE: EVENT_LOOP_FILE },
  });
  const url = await new Promise<URL>((resolveUrl, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /https:\/\/127\.0\.0\.1:\d+\//.exec(seen);
      if (match) resolveUrl(new URL(match[0]));
    });
    child.once('exit', () => reject(new Error(`tthc serve --team exited before printing its address:\n${seen}`)));
  });
  return { child, url };
}

/** One round of the app: `officers` sign in, then each runs the mix until the time is up; the database is then checked. */
async function appRound(url: URL, database: string, officers: OfficerDrafts[], passwords: Map<string, string>, paceMs: number, profiler?: RoundProfiler): Promise<RoundResult> {
  const client = httpsClient(url);
  const samples: Sample[] = [];
  const lastSaved = new Map<string, string>();
  const transitions = new Map<string, number>();
  try {
    const sessions = await Promise.all(
      officers.map(async (officer) => {
        const signed = await client.post('/auth/sign-in', { login: officer.login, password: passwords.get(officer.login) });
        if (signed.status !== 200 || !signed.cookie) throw new Error(`sign-in of ${officer.login}: ${JSON.stringify(signed.body)}`);
        const cookie = signed.cookie;
        const regulation = await client.post('/api/getRegulation', { id: officer.regulation.id }, cookie);
        const draft = await client.post('/api/getDraft', { id: officer.transitionDraft }, cookie);
        if (!regulation.body.ok || !draft.body.ok) throw new Error(`opening the drafts of ${officer.login}: ${JSON.stringify([regulation.body, draft.body])}`);
        const { version } = regulation.body.value as { version: number };
        const { status } = draft.body.value as { status: string };
        return { officer, cookie, version, drafting: status === 'drafting' };
      }),
    );
    await profiler?.start();
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      sessions.map(async (session, index) => {
        const next = chooser(index);
        const think = paceMs > 0 ? thinkTimes(index, paceMs) : undefined;
        // At a pace, each call is due at its time, and its latency counts from then even if the previous one was late.
        let due = started + (think?.() ?? 0);
        for (let count = 0; due < until && performance.now() < until; count += 1) {
          const kind = next();
          if (think) await waitUntil(due);
          const began = think ? due : performance.now();
          let answer: Answer;
          if (kind === 'autosave') {
            const name = savedName(session.officer, count);
            answer = await client.post('/api/updateRegulation', { id: session.officer.regulation.id, version: session.version, fields: regulationFields(session.officer.regulation, name) }, session.cookie);
            if (answer.body.ok) {
              session.version = (answer.body.value as { version: number }).version;
              lastSaved.set(session.officer.regulation.id, name);
            }
          } else if (kind === 'search') {
            answer = await client.post('/api/searchRegulations', { text: SEARCH_QUERIES[count % SEARCH_QUERIES.length], offset: 0, limit: SEARCH_LIMIT }, session.cookie);
          } else {
            const action = session.drafting ? 'complete_assessment' : 'return';
            answer = await client.post('/api/transition', { draftId: session.officer.transitionDraft, action, note: `bench ${session.officer.login}-${count}` }, session.cookie);
            if (answer.body.ok) {
              session.drafting = !session.drafting;
              transitions.set(session.officer.transitionDraft, (transitions.get(session.officer.transitionDraft) ?? 0) + 1);
            }
          }
          const ok = answer.status === 200 && answer.body.ok;
          if (!ok && samples.filter((sample) => !sample.ok).length < 3) console.error(`  ${kind}: ${answer.status} ${JSON.stringify(answer.body.error)}`);
          samples.push({ kind, ms: performance.now() - began, ok });
          due = think ? due + think() : performance.now();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await profiler?.stop(samples.length);
    return { samples, seconds, ...(await checkAfterwards(database, lastSaved, transitions)) };
  } finally {
    client.close();
  }
}

type RoundProfiler = { start(): Promise<void>; stop(calls: number): Promise<void> };

/** pg_stat_statements in the throwaway cluster: a library loaded at start, so the server is restarted once. */
async function countStatements(cluster: ThrowawayCluster, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await admin.end();
  cluster.shutDown();
  cluster.startAgain();
  const db = new pg.Client({ connectionString: database });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.end();
}

/** The server process's CPU time so far (user and system), in milliseconds: /proc/PID/stat counts clock ticks of 10 ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Where a round's time goes: statements per call and their execution time in PostgreSQL, the server's own CPU per
 * call, its event-loop delay, and the statements run most often, printed when the round ends.
 */
function roundProfiler(database: string, server: ChildProcess, label: string): RoundProfiler {
  const db = new pg.Client({ connectionString: database });
  let cpuBefore = 0;
  return {
    async start() {
      await db.connect();
      await db.query('SELECT pg_stat_statements_reset()');
      cpuBefore = cpuMs(server.pid!);
      server.kill('SIGUSR2');
    },
    async stop(calls) {
      const cpu = cpuMs(server.pid!) - cpuBefore;
      server.kill('SIGUSR2');
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
      const loop = JSON.parse(readFileSync(EVENT_LOOP_FILE, 'utf8')) as Record<string, number>;
      const ownDatabase = `dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'`;
      const { rows: total } = await db.query<{ calls: number; ms: number }>(`SELECT sum(calls)::float8 AS calls, sum(total_exec_time)::float8 AS ms FROM pg_stat_statements WHERE ${ownDatabase}`);
      const { rows: top } = await db.query<{ calls: number; ms: number; query: string }>(
        `SELECT calls::float8 AS calls, total_exec_time::float8 AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements WHERE ${ownDatabase} ORDER BY calls DESC LIMIT 25`,
      );
      await db.end();
      const per = (value: number) => (value / calls).toFixed(2);
      console.error(
        `  ${label}: ${calls} lượt; mỗi lượt ${per(total[0]!.calls)} câu lệnh SQL, ${per(total[0]!.ms)} ms thực thi trong PostgreSQL, ${per(cpu)} ms CPU của máy chủ Node; độ trễ vòng sự kiện (ms) ${JSON.stringify(loop)}`,
      );
      for (const row of top) console.error(`    ${per(row.calls).padStart(6)} × ${(row.ms / row.calls).toFixed(2).padStart(7)} ms  ${row.query}`);
    },
  };
}

/** Acknowledged writes missing afterwards, and forked links in the officers' histories. */
async function checkAfterwards(database: string, lastSaved: Map<string, string>, transitions: Map<string, number>): Promise<{ lost: number; forks: number }> {
  const db = new pg.Client({ connectionString: database });
  await db.connect();
  try {
    const { rows: names } = await db.query<{ id: string; name: string }>('SELECT id, name FROM regulations WHERE id = ANY ($1)', [[...lastSaved.keys()]]);
    const stored = new Map(names.map((row) => [row.id, row.name]));
    let lost = [...lastSaved].filter(([id, name]) => stored.get(id) !== name).length;
    const { rows: counts } = await db.query<{ draft_id: string; count: number }>(
      `SELECT draft_id, count(*)::integer AS count FROM events WHERE draft_id = ANY ($1) AND note LIKE 'bench %' GROUP BY draft_id`,
      [[...transitions.keys()]],
    );
    const counted = new Map(counts.map((row) => [row.draft_id, row.count]));
    for (const [draftId, acknowledged] of transitions) lost += Math.max(0, acknowledged - (counted.get(draftId) ?? 0));
    const { rows: events } = await db.query<StoredEvent>(
      `SELECT seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash FROM events WHERE draft_id IN (SELECT id FROM drafts WHERE drafting_agency = $1)`,
      [UNIT],
    );
    return { lost, forks: countForkedLinks(events, 'per-draft') };
  } finally {
    await db.end();
  }
}

/** The same mix as plain statements on a pool as large as the server's: what the database alone costs. */
async function rawRound(database: string, officers: OfficerDrafts[]): Promise<RoundResult> {
  const pool = new pg.Pool({ connectionString: database, max: SERVER_POOL });
  const samples: Sample[] = [];
  try {
    const { rows } = await pool.query<{ id: string; status: string }>('SELECT id, status FROM drafts WHERE id = ANY ($1)', [officers.map((officer) => officer.transitionDraft)]);
    const drafting = new Map(rows.map((row) => [row.id, row.status === 'drafting']));
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      officers.map(async (officer, index) => {
        const next = chooser(index);
        for (let count = 0; performance.now() < until; count += 1) {
          const kind = next();
          const began = performance.now();
          let ok = true;
          try {
            if (kind === 'autosave') {
              await pool.query('UPDATE regulations SET name = $2, version = version + 1, updated_at = $3 WHERE id = $1', [officer.regulation.id, savedName(officer, count), new Date().toISOString()]);
            } else if (kind === 'search') {
              const text = SEARCH_QUERIES[count % SEARCH_QUERIES.length]!;
              const total = regulationCountQuery(text);
              const page = regulationSearchQuery('r.id, r.name, r.article, r.seq, d.title', text, SEARCH_LIMIT, { offset: 0 })!;
              await pool.query(total.text, total.values);
              await pool.query(page.text, page.values);
            } else {
              const to = drafting.get(officer.transitionDraft) ? 'assessed' : 'drafting';
              await rawTransition(pool, officer.transitionDraft, to === 'assessed' ? 'complete_assessment' : 'return', to, `raw ${officer.login}-${count}`);
              drafting.set(officer.transitionDraft, to === 'drafting');
            }
          } catch (error) {
            ok = false;
            if (samples.filter((sample) => !sample.ok).length < 3) console.error(`  raw ${kind}: ${(error as Error).message}`);
          }
          samples.push({ kind, ms: performance.now() - began, ok });
        }
      }),
    );
    return { samples, seconds: (performance.now() - started) / 1000, lost: 0, forks: 0 };
  } finally {
    await pool.end();
  }
}

/** The status changed and the event appended on the draft's chain head, in one transaction. */
async function rawTransition(pool: pg.Pool, draftId: string, action: string, to: string, note: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE drafts SET status = $2, updated_at = $3 WHERE id = $1', [draftId, to, new Date().toISOString()]);
    await client.query('INSERT INTO event_chain_heads (draft_id, last_seq, hash) VALUES ($1, 0, $2) ON CONFLICT (draft_id) DO NOTHING', [draftId, CHAIN_START]);
    const { rows } = await client.query<{ hash: string }>('SELECT hash FROM event_chain_heads WHERE draft_id = $1 FOR UPDATE', [draftId]);
    const event = { draftId, at: new Date().toISOString(), action, actor: 'Cán bộ', role: 'drafter', note, atEpochMs: Date.now() };
    const hash = eventHash(rows[0]!.hash, event);
    const inserted = await client.query<{ seq: number }>(
      'INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq',
      [draftId, event.at, event.atEpochMs, action, event.actor, event.role, note, hash],
    );
    await client.query('UPDATE event_chain_heads SET last_seq = $2, hash = $3 WHERE draft_id = $1', [draftId, inserted.rows[0]!.seq, hash]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

type Figures = { perSecond: number; p50: number; p95: number; p99: number; errors: number };

function figures(result: RoundResult, kind?: Kind): Figures {
  const chosen = kind ? result.samples.filter((sample) => sample.kind === kind) : result.samples;
  const sorted = chosen.map((sample) => sample.ms).sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(1));
  return {
    perSecond: Number((chosen.length / result.seconds).toFixed(1)),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    errors: chosen.filter((sample) => !sample.ok).length,
  };
}

type TableRow = Record<string, string | number>;

/** A round's rows: the mix, then each kind; the raw-pg columns only for the closed loop, the one with a baseline. */
function rows(officers: number, paceMs: number, app: RoundResult, raw: RoundResult | undefined): TableRow[] {
  return [undefined, ...KINDS].map((kind) => {
    const a = figures(app, kind);
    const r = raw ? figures(raw, kind) : undefined;
    const ratio = (x: number, y: number | undefined) => (y !== undefined && y > 0 ? Number((x / y).toFixed(2)) : '–');
    return {
      'nhịp': paceMs > 0 ? `nghĩ ~${paceMs.toLocaleString('vi-VN')} ms` : 'liên tục (bão hòa)',
      'cán bộ': officers,
      'thao tác': kind ?? 'tất cả (70/20/10)',
      'app lượt/s': a.perSecond,
      'raw lượt/s': r?.perSecond ?? '–',
      'app p50 ms': a.p50,
      'app p95 ms': a.p95,
      'app p99 ms': a.p99,
      'raw p95 ms': r?.p95 ?? '–',
      'p95 ×raw': ratio(a.p95, r?.p95),
      'lượt/s ÷raw': ratio(a.perSecond, r?.perSecond),
      'lỗi app': a.errors,
      'lỗi raw': r?.errors ?? '–',
      ...(kind ? {} : { 'rẽ nhánh': app.forks, 'ghi mất': app.lost }),
    };
  });
}

async function main(): Promise<void> {
  if (!findPostgresBin()) {
    console.log(`Bỏ qua bench:team: không tìm thấy initdb/pg_ctl (${POSTGRES_INSTALL_HINT}, hoặc đặt TTHC_PG_BIN)`);
    return;
  }
  const cluster = await startThrowawayCluster();
  let server: ChildProcess | undefined;
  try {
    const database = await createMigratedDatabase(cluster.url('postgres'), 'bench_team');
    if (STATEMENTS) await countStatements(cluster, database);
    console.error(`— nhập ${DRAFTS.toLocaleString('vi-VN')} dự thảo…`);
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/worker.ts'), database, 'import', 'app', '1', String(DRAFTS)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const most = Math.max(...OFFICER_COUNTS);
    const { dossier, officers } = officersDossier(most);
    const passwords = new Map<string, string>();
    console.error(`— ${most} tài khoản và dự thảo của họ…`);
    const backend = await openBackend(database);
    try {
      const imported = await backend.dispatch('importDossier', { dossier });
      if (!imported.ok) throw new Error(imported.error.message);
      const accounts = createTeamAccounts(backend.ctx);
      await accounts.initUnit({ unit: UNIT, admin: { login: 'quantri', fullName: 'Quản trị viên', roles: ['drafter'] } });
      for (const [index, officer] of officers.entries()) {
        passwords.set(officer.login, (await accounts.addPerson({ login: officer.login, fullName: `Cán bộ số ${index + 1}`, roles: ['drafter'] })).password);
      }
      // The forced change at a first sign-in is not what is measured: each officer keeps the printed password as their own.
      await backend.ctx.tx(async (repos) => {
        for (const officer of officers) {
          const found = (await repos.accounts.findPersonByLogin(officer.login))!;
          await repos.accounts.setPasswordHash(found.person.id, found.passwordHash, false);
        }
      });
    } finally {
      await backend.close();
    }
    const started = await startServer(database);
    server = started.child;
    const table: TableRow[] = [];
    for (const paceMs of PACES_MS) {
      for (const count of OFFICER_COUNTS) {
        const those = officers.slice(0, count);
        const pace = paceMs > 0 ? `mỗi cán bộ nghĩ trung bình ${paceMs.toLocaleString('vi-VN')} ms giữa hai lượt` : 'liên tục, không nghĩ';
        let raw: RoundResult | undefined;
        if (paceMs === 0) {
          console.error(`— ${count} cán bộ, raw pg, ${pace}: ${SECONDS} s`);
          raw = await rawRound(database, those);
        }
        console.error(`— ${count} cán bộ, máy chủ nhóm qua HTTPS, ${pace}: ${SECONDS} s`);
        const label = `${count} cán bộ, ${ONLY ?? 'hỗn hợp'}, ${pace}`;
        const app = await appRound(started.url, database, those, passwords, paceMs, STATEMENTS ? roundProfiler(database, server, label) : undefined);
        table.push(...rows(count, paceMs, app, raw));
      }
    }
    writeFileSync(join(ROOT, 'bench/team-results.json'), `${JSON.stringify({ drafts: DRAFTS, seconds: SECONDS, pacesMs: PACES_MS, rows: table }, null, 2)}\n`);
    console.table(table);
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((resolveExit) => server!.once('exit', resolveExit));
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
