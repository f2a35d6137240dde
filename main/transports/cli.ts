// The `tthc` command line: the same services as the app, called through the same dispatcher.
import { spawn } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ApiMethod, ApiOutput } from '../../shared/contract/api';
import { ApiError, type FieldProblem } from '../../shared/contract/errors';
import { openBackend, type Backend } from '../app';
import { resolveDatabasePath } from '../dataPaths';
import { parseDossier } from '../services/dossierService';
import { startWebHost } from './webHost';

export type CliIo = { out: (line: string) => void; err: (line: string) => void };
const consoleIo: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** The built UI; TTHC_RENDERER_DIR lets parallel development builds each serve their own copy. */
export const RENDERER_DIR = process.env.TTHC_RENDERER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

const USAGE = `Cách dùng: tthc [--db FILE] <lệnh> …
  import FILE.json                          nhập và hợp nhất một hồ sơ tthc-dossier
  export [--draft ID] --out FILE.json       xuất hồ sơ (mọi dự thảo, hoặc một dự thảo)
  search TEXT [--json]                      tìm TTHC/QĐKD, không phân biệt hoa thường và dấu
  serve [--port N] [--open]                 mở giao diện web trên 127.0.0.1
Cơ sở dữ liệu: --db FILE, hoặc biến môi trường TTHC_DB, hoặc thư mục dữ liệu của người dùng.`;

class CliFailure extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Calls one API method and unwraps the envelope, so commands read like the renderer's client calls. */
async function call<K extends ApiMethod>(backend: Backend, method: K, input: unknown): Promise<ApiOutput<K>> {
  const response = await backend.dispatch(method, input);
  if (!response.ok) throw new CliFailure(response.error.message, response.error.problems ?? []);
  return response.value as ApiOutput<K>;
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliFailure(`Tham số không hợp lệ: ${(error as Error).message}\n${USAGE}`, [], 2);
  }
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliFailure(`Không đọc được tệp ${path}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliFailure(`Tệp ${path} không phải JSON hợp lệ: ${(error as Error).message}`);
  }
}

/** Writes next to the target and renames, so a failed export never leaves a half-written file. */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

type Command = (args: string[], context: { databasePath: string; io: CliIo }) => Promise<void>;

const withBackend = async <T>(databasePath: string, work: (backend: Backend) => Promise<T>): Promise<T> => {
  const backend = openBackend(databasePath);
  try {
    return await work(backend);
  } finally {
    backend.close();
  }
};

const commands: Record<string, Command> = {
  async import(args, { databasePath, io }) {
    const { positionals } = parse(args, {});
    const file = positionals[0];
    if (!file) throw new CliFailure(`Thiếu tên tệp cần nhập.\n${USAGE}`, [], 2);
    const raw = readJsonFile(file);
    // Validate before the database is even opened: a rejected file leaves the database file untouched.
    try {
      parseDossier(raw);
    } catch (error) {
      if (error instanceof ApiError) throw new CliFailure('Tệp hồ sơ không hợp lệ, không có gì được ghi.', error.problems);
      throw error;
    }
    const report = await withBackend(databasePath, (backend) => call(backend, 'importDossier', { dossier: raw }));
    const line = (counts: typeof report.added) =>
      `${counts.drafts} dự thảo, ${counts.regulations} TTHC/QĐKD, ${counts.opinions} ý kiến, ${counts.events} sự kiện`;
    io.out(`Đã thêm: ${line(report.added)}.`);
    io.out(`Đã cập nhật: ${line(report.updated)}.`);
    io.out(`Không áp dụng (xung đột): ${report.conflicts.length}.`);
    for (const conflict of report.conflicts) io.out(`  - ${conflict.path}: ${conflict.message}`);
  },

  async export(args, { databasePath, io }) {
    const { values } = parse(args, { draft: { type: 'string', multiple: true }, out: { type: 'string' } });
    if (!values.out) throw new CliFailure(`Thiếu --out FILE.json.\n${USAGE}`, [], 2);
    const dossier = await withBackend(databasePath, (backend) => call(backend, 'exportDossier', { draftIds: values.draft }));
    writeFileAtomically(values.out, `${JSON.stringify(dossier, null, 2)}\n`);
    io.out(`Đã xuất ${dossier.drafts.length} dự thảo vào ${values.out}.`);
  },

  async search(args, { databasePath, io }) {
    const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
    const text = positionals.join(' ');
    const hits = await withBackend(databasePath, async (backend) => {
      const pageSize = 500;
      const first = await call(backend, 'searchRegulations', { text, offset: 0, limit: pageSize });
      const items = [...first.items];
      while (items.length < first.total) {
        const next = await call(backend, 'searchRegulations', { text, offset: items.length, limit: pageSize });
        if (next.items.length === 0) break;
        items.push(...next.items);
      }
      return items;
    });
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2));
      return;
    }
    for (const hit of hits) io.out(`${hit.name}\t${hit.article ?? ''}\t${hit.draftTitle}\t${hit.id}`);
    io.out(`${hits.length} kết quả.`);
  },

  async serve(args, { databasePath, io }) {
    const { values } = parse(args, { port: { type: 'string' }, open: { type: 'boolean', default: false } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure('Cổng (--port) phải là số nguyên từ 0 đến 65535.', [], 2);
    const backend = openBackend(databasePath);
    const host = await startWebHost({ dispatch: backend.dispatch, staticDir: RENDERER_DIR, port });
    io.out(`Bàn thẩm định TTHC đang chạy tại: ${host.url}`);
    io.out(`Cơ sở dữ liệu: ${databasePath}`);
    if (values.open) openInBrowser(host.url);
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    backend.close();
  },
};

function openInBrowser(url: string): void {
  const opener = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // No desktop browser (a server, CI): the printed URL is enough.
  child.unref();
}

export async function runCli(argv: string[], io: CliIo = consoleIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dbFlag = argv.indexOf('--db');
  const explicitDb = dbFlag >= 0 ? argv[dbFlag + 1] : undefined;
  const rest = dbFlag >= 0 ? [...argv.slice(0, dbFlag), ...argv.slice(dbFlag + 2)] : argv;
  const [name, ...args] = rest;
  const command = name ? commands[name] : undefined;
  if (!command || (dbFlag >= 0 && !explicitDb)) {
    io.err(USAGE);
    return 2;
  }
  try {
    await command(args, { databasePath: resolveDatabasePath(explicitDb, env), io });
    return 0;
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.err(`Lỗi: ${error.message}`);
    for (const problem of error.problems) io.err(`  ${problem.path || '(tệp)'}: ${problem.message}`);
    return error.exitCode;
  }
}
