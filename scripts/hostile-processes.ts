// `npx tsx scripts/hostile-processes.ts` (issue 23, "Done when"): the classes of the issue's harness that need
// processes of their own, thrown at the `tthc` command and at `tthc serve` as they are, at the issue's counts, and the
// same table as scripts/hostile-inputs.ts: tried, handled correctly, accepted wrongly, crashed, lost.
//   kill -9: a command or a host killed with SIGKILL at a random moment of its work (an import, a backup, a restore, a
//     migration of an old file, a host taking writes). Handled correctly: the file then opens in the app, passes
//     integrity_check and holds the state before or after the work, never between; every backup file is whole; every
//     write the host acknowledged is there. Crashed: the file no longer opens. Lost: a state between, a broken backup
//     under its final name, an acknowledged write missing.
//   two processes: two imports of different drafts into one file at once. Each ends with its drafts stored or with a
//     Vietnamese refusal; lost: a reported import whose drafts are missing, or drafts of a refused one.
//   20 clients: at once on one host, each creating drafts. Every acknowledged draft is stored once; a refusal is in
//     Vietnamese and not an internal error.
//   hostile HTTP: generated malformed requests (test/fixtures/hostileHttp.ts) to a running host, one in five sent a few
//     bytes at a time, plus sockets that never finish their headers, held open throughout. Crashed: a 5xx, or the host
//     no longer answering; accepted wrongly: a 2xx to a call without the token, from another Host or a foreign
//     Origin, or a never-finished socket the host still holds at the end.
//   HOSTILE_SEED=23  HOSTILE_KILLS=50  HOSTILE_TWO_PROCESS=10  HOSTILE_CLIENTS=20  HOSTILE_HTTP=3057
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { generateDossier } from '../bench/dataset';
import { serveDatabase, TTHC_CLI } from '../bench/servedHost';
import { backupFolder, inspectDatabaseFile } from '../db/sqlite/backups';
import { migrate } from '../db/sqlite/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/sqlite/migrations/index';
import { openBackend } from '../main/app';
import { hostileRequestArbitrary, rawRequest } from '../test/fixtures/hostileHttp';

const SEED = Number(process.env.HOSTILE_SEED ?? 23);
const FOLDER = mkdtempSync(join(tmpdir(), 'tthc-hostile-processes-'));
// Every process of the run, this one and the commands it starts, seals history with the same key.
process.env.TTHC_HISTORY_KEY_FILE = join(FOLDER, 'history.key');
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

type Outcome = 'handled' | 'acceptedWrongly' | 'crashed' | 'lost';
/** What the trials met, beside the table: a run whose kills all came after the work ended would prove nothing. */
const notes = new Map<string, number>();
const note = (what: string) => notes.set(what, (notes.get(what) ?? 0) + 1);
type Row = { class: string; tried: number; handled: number; acceptedWrongly: number; crashed: number; lost: number; examples: string[] };
const rows: Row[] = [];
function tally(name: string): (outcome: Outcome, example?: string) => void {
  const row: Row = { class: name, tried: 0, handled: 0, acceptedWrongly: 0, crashed: 0, lost: 0, examples: [] };
  rows.push(row);
  return (outcome, example) => {
    row.tried += 1;
    row[outcome] += 1;
    if (outcome !== 'handled' && example && row.examples.length < 3) row.examples.push(example.slice(0, 200));
  };
}

/** A seeded stream of fractions in [0, 1), so that a run's kill moments can be repeated. */
const fractions = fc.sample(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { numRuns: 10_000, seed: SEED });
let nextFraction = 0;
const fraction = () => fractions[nextFraction++ % fractions.length]!;

const copyOf = (template: string, name: string): string => {
  const path = join(mkdtempSync(join(FOLDER, `${name}-`)), 'tthc.sqlite');
  copyFileSync(template, path);
  return path;
};

/** `tthc --db path …args`; killed with SIGKILL after `killAfterMs` when given. Its exit code, output and how long it ran. */
function tthc(path: string, args: string[], killAfterMs?: number): Promise<{ code: number | null; killed: boolean; output: string; ms: number }> {
  return new Promise((resolveRun) => {
    const started = Date.now();
    const child = spawn(process.execPath, [TTHC_CLI, '--db', path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, killed: signal === 'SIGKILL', output, ms: Date.now() - started });
    });
  });
}

function draftIdsIn(path: string): Set<string> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return new Set(db.prepare<[], { id: string }>('SELECT id FROM drafts').all().map(({ id }) => id));
  } finally {
    db.close();
  }
}

/**
 * Opens the file as the next command would (integrity checked, any migration finished, the history checkpoint read),
 * then checks it whole: the drafts it holds, or a reason it is broken.
 */
async function afterwards(path: string): Promise<{ drafts: Set<string> } | { broken: string }> {
  try {
    const backend = await openBackend(path);
    await backend.close();
    const facts = inspectDatabaseFile(path);
    if (facts.problems.length > 0 || facts.schemaVersion !== LATEST_SCHEMA_VERSION) return { broken: `${facts.schemaVersion}: ${facts.problems.join('; ')}` };
    return { drafts: draftIdsIn(path) };
  } catch (error) {
    return { broken: error instanceof Error ? error.message : String(error) };
  }
}

/** Every file under a final backup name (not a .partial one) opens whole. */
function brokenBackups(files: string[]): string[] {
  return files.filter((file) => existsSync(file) && inspectDatabaseFile(file).problems.length > 0);
}
const backupsOf = (path: string): string[] => (existsSync(backupFolder(path)) ? readdirSync(backupFolder(path)).filter((name) => name.endsWith('.bak')).map((name) => join(backupFolder(path), name)) : []);

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((id) => b.has(id));

// The worlds: a file of 50 drafts, a dossier of 300 (the 50 among them), a file of the 300 and its backup, a file at
// schema 10 holding 3.000 drafts, each made once and copied for every trial.
const SMALL = join(FOLDER, 'small.sqlite');
const BIG = join(FOLDER, 'big.sqlite');
const BIG_DOSSIER = join(FOLDER, 'big.json');
const BIG_BACKUP = join(FOLDER, 'big.bak');
const OLD = join(FOLDER, 'old.sqlite');

async function worlds(): Promise<{ small: Set<string>; big: Set<string>; old: Set<string> }> {
  const small = await openBackend(SMALL);
  const imported = await small.dispatch('importDossier', { dossier: generateDossier(50, 5, { largeDrafts: false }) });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  await small.close();
  writeFileSync(BIG_DOSSIER, JSON.stringify(generateDossier(300, 5, { largeDrafts: false })));
  copyFileSync(SMALL, BIG);
  for (const [args, what] of [
    [['import', BIG_DOSSIER], 'import'],
    [['backup', '--out', BIG_BACKUP], 'backup'],
  ] as const) {
    const run = await tthc(BIG, [...args]);
    if (run.code !== 0) throw new Error(`${what}: ${run.output}`);
  }
  const old = new BetterSqlite3(OLD);
  migrate(old, MIGRATIONS, 10);
  const insert = old.prepare("INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, created_at, updated_at) VALUES (?, 'nghi_dinh', ?, 'Bộ Tư pháp', 0, 'x', 'x')");
  old.transaction(() => {
    for (let index = 0; index < 3000; index += 1) insert.run(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, `Nghị định ${index} ${'quy định về đăng ký hộ tịch '.repeat(30)}`);
  })();
  old.close();
  return { small: draftIdsIn(SMALL), big: draftIdsIn(BIG), old: draftIdsIn(OLD) };
}

type KillTrial = { name: string; template: string; args: (path: string) => string[]; allowed: Array<Set<string>>; backupFiles: (path: string) => string[] };

/** Class: kill -9 at a random moment of a command's work, `count` trials spread over the five kinds. */
async function kills(count: number, sets: Awaited<ReturnType<typeof worlds>>): Promise<void> {
  const add = tally('kill -9 (nhập, sao lưu, khôi phục, nâng cấp, máy chủ đang ghi)');
  const commands: KillTrial[] = [
    { name: 'import', template: SMALL, args: () => ['import', BIG_DOSSIER], allowed: [sets.small, sets.big], backupFiles: backupsOf },
    { name: 'backup', template: BIG, args: (path) => ['backup', '--out', `${path}.out.bak`], allowed: [sets.big], backupFiles: (path) => [`${path}.out.bak`, ...backupsOf(path)] },
    { name: 'restore', template: SMALL, args: () => ['restore', BIG_BACKUP], allowed: [sets.small, sets.big], backupFiles: backupsOf },
    { name: 'migration', template: OLD, args: () => ['search', 'hộ tịch'], allowed: [sets.old], backupFiles: backupsOf },
  ];
  // How long each command takes when left alone: kills land anywhere in it.
  const durations = new Map<string, number>();
  for (const command of commands) durations.set(command.name, (await tthc(copyOf(command.template, `time-${command.name}`), command.args(copyOf(command.template, 'unused')))).ms);
  for (let trial = 0; trial < count; trial += 1) {
    const kind = trial % (commands.length + 1);
    if (kind === commands.length) {
      add(...(await killServingHost(sets.small)));
      continue;
    }
    const command = commands[kind]!;
    const path = copyOf(command.template, command.name);
    const run = await tthc(path, command.args(path), Math.round(fraction() * durations.get(command.name)!));
    const broken = brokenBackups(command.backupFiles(path));
    const after = await afterwards(path);
    const what = `${command.name}${run.killed ? ' (killed)' : ` (finished: ${run.code})`}`;
    note(`kill -9, ${command.name}: ${run.killed ? 'killed before it ended' : 'ended before the kill'}`);
    if ('broken' in after) add('crashed', `${what}: ${after.broken}`);
    else if (broken.length > 0) add('lost', `${what}: broken backup ${broken.join(', ')}`);
    else if (!command.allowed.some((allowed) => sameSet(allowed, after.drafts))) add('lost', `${what}: ${after.drafts.size} drafts`);
    else add('handled');
  }
}

const newDraft = (title: string) => ({ docType: 'thong_tu', title, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false });

/** A host taking writes from five clients, killed with SIGKILL within its first seconds of them. */
async function killServingHost(before: Set<string>): Promise<[Outcome, string?]> {
  const path = copyOf(SMALL, 'serving');
  const host = await serveDatabase(path);
  const acknowledged: string[] = [];
  let running = true;
  const client = async (client: number) => {
    for (let turn = 0; running; turn += 1) {
      const answer = await host.call('createDraft', newDraft(`Thông tư ${client}-${turn}`));
      if (answer?.ok) acknowledged.push((answer.value as { id: string }).id);
      if (!answer) return;
    }
  };
  const clients = Promise.all(Array.from({ length: 5 }, (_, index) => client(index)));
  await new Promise((resume) => setTimeout(resume, 200 + Math.round(fraction() * 3000)));
  host.child.kill('SIGKILL');
  running = false;
  await clients;
  note(`kill -9, serving host: ${acknowledged.length > 0 ? 'killed after acknowledged writes' : 'killed before any write was acknowledged'}`);
  const after = await afterwards(path);
  if ('broken' in after) return ['crashed', `serving host: ${after.broken}`];
  const missing = acknowledged.filter((id) => !after.drafts.has(id));
  if (missing.length > 0 || [...before].some((id) => !after.drafts.has(id))) return ['lost', `serving host: ${missing.length} of ${acknowledged.length} acknowledged drafts missing`];
  return ['handled'];
}

/** Class: two imports of different drafts into one file at once, `count` times. */
async function twoProcesses(count: number): Promise<void> {
  const add = tally('hai tiến trình cùng ghi một tệp');
  const dossier = generateDossier(120, 5, { largeDrafts: false });
  const halves = [dossier.drafts.slice(0, 60), dossier.drafts.slice(60)].map((drafts, index) => {
    const file = join(FOLDER, `half-${index}.json`);
    writeFileSync(file, JSON.stringify({ ...dossier, drafts }));
    return { file, ids: drafts.map((draft) => draft.id) };
  });
  for (let trial = 0; trial < count; trial += 1) {
    const path = copyOf(SMALL, 'two');
    const runs = await Promise.all(halves.map((half) => tthc(path, ['import', half.file])));
    const after = await afterwards(path);
    if ('broken' in after) {
      add('crashed', after.broken);
      continue;
    }
    note(`two processes: exit codes ${runs.map((run) => run.code).join(' and ')}`);
    for (const [index, run] of runs.entries()) {
      const stored = halves[index]!.ids.filter((id) => after.drafts.has(id)).length;
      if (run.code === 0 && stored === halves[index]!.ids.length) add('handled');
      else if (run.code !== 0 && stored === 0 && VIETNAMESE.test(run.output) && !/mã lỗi|at .*\.(m?js|ts):\d+/.test(run.output)) add('handled');
      else if (run.code !== 0 && stored === 0) add('crashed', run.output);
      else add('lost', `exit ${run.code}, ${stored} of ${halves[index]!.ids.length} stored: ${run.output}`);
    }
  }
}

/** Class: `clients` clients creating drafts on one host at once, ten each. */
async function manyClients(clients: number): Promise<void> {
  const add = tally(`${clients} khách cùng ghi một máy chủ`);
  const path = copyOf(SMALL, 'clients');
  const host = await serveDatabase(path);
  const answers = await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const mine: Array<{ title: string; answer: Awaited<ReturnType<typeof host.call>> }> = [];
      for (let turn = 0; turn < 10; turn += 1) {
        const title = `Thông tư ${client}-${turn}`;
        mine.push({ title, answer: await host.call('createDraft', newDraft(title)) });
      }
      return mine;
    }),
  );
  await host.stop();
  const after = await afterwards(path);
  if ('broken' in after) throw new Error(`the file is broken after ${clients} clients: ${after.broken}`);
  const db = new BetterSqlite3(path, { readonly: true });
  const stored = (title: string) => (db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM drafts WHERE title = ?').get(title)?.n ?? 0);
  for (const { title, answer } of answers.flat()) {
    if (answer?.ok && stored(title) === 1) add('handled');
    else if (answer?.ok) add('lost', `${title}: acknowledged, stored ${stored(title)} times`);
    else if (stored(title) > 0) add('lost', `${title}: refused but stored`);
    else if (!answer || answer.error?.code === 'internal' || !VIETNAMESE.test(answer.error?.message ?? '')) add('crashed', JSON.stringify(answer));
    else add('handled');
  }
  db.close();
}

/** Class: `count` hostile HTTP requests to a running host, one in five sent slowly, one in twenty never finished. */
async function hostileHttp(count: number): Promise<void> {
  const add = tally('yêu cầu HTTP độc hại (có socket chậm)');
  const path = copyOf(SMALL, 'http');
  const host = await serveDatabase(path);
  const port = Number(host.url.port);
  const hostHeader = host.url.host;
  const requests = fc.sample(hostileRequestArbitrary(() => ({ hostHeader, token: host.token })), { numRuns: count, seed: SEED });
  // Sockets that send part of their headers and then nothing: the host must go on answering and close them itself.
  const stalled: Array<Promise<boolean>> = [];
  const stall = (text: string) =>
    new Promise<boolean>((closedByHost) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text.slice(0, Math.max(1, text.indexOf('\n')))));
      const giveUp = setTimeout(() => (socket.destroy(), closedByHost(false)), 60_000);
      socket.on('error', () => undefined);
      socket.on('close', () => (clearTimeout(giveUp), closedByHost(true)));
      socket.resume();
    });
  for (let start = 0; start < requests.length; start += 100) {
    const batch = requests.slice(start, start + 100);
    const answers = await Promise.all(
      batch.map((request, index) => {
        const number = start + index;
        if (number % 20 === 19) {
          stalled.push(stall(request.text));
          return undefined;
        }
        return rawRequest(port, request.text, { halfClose: true, slowlyMs: number % 5 === 4 ? 5 + (number % 40) : 0, waitMs: 30_000 });
      }),
    );
    const alive = (await host.call('listDrafts', { limit: 1 }))?.ok === true;
    for (const [index, answer] of answers.entries()) {
      if (!answer) continue;
      const request = batch[index]!;
      note(`HTTP ${request.mustBeRefused ? 'to be refused' : 'other'}: ${answer.status ?? 'no answer'}`);
      if (!alive) add('crashed', `host stopped answering after: ${JSON.stringify(request.text.slice(0, 120))}`);
      else if (answer.status !== undefined && answer.status >= 500) add('crashed', `${answer.status}: ${JSON.stringify(request.text.slice(0, 120))}`);
      else if (request.mustBeRefused && answer.status !== undefined && answer.status < 300) add('acceptedWrongly', `${answer.status}: ${JSON.stringify(request.text.slice(0, 120))}`);
      else add('handled');
    }
  }
  for (const closed of await Promise.all(stalled)) add(closed ? 'handled' : 'acceptedWrongly', 'a socket that never finished its headers was still open after 60 s');
  await host.stop();
  const after = await afterwards(path);
  if ('broken' in after) add('crashed', `the file after the requests: ${after.broken}`);
}

const sets = await worlds();
await kills(Number(process.env.HOSTILE_KILLS ?? 50), sets);
await twoProcesses(Number(process.env.HOSTILE_TWO_PROCESS ?? 10));
await manyClients(Number(process.env.HOSTILE_CLIENTS ?? 20));
await hostileHttp(Number(process.env.HOSTILE_HTTP ?? 3057));

console.table(rows.map((row) => ({ 'lớp đầu vào': row.class, 'đã thử': row.tried, 'xử lý đúng': row.handled, 'nhận sai': row.acceptedWrongly, 'sập': row.crashed, 'mất dữ liệu': row.lost })));
for (const row of rows) for (const example of row.examples) console.log(`${row.class}: ${example}`);
for (const [what, times] of [...notes].sort()) console.log(`${what}: ${times}`);
process.exit(0);
