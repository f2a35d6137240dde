// What every `tthc` command shares: the failure it reports, calling the API through the backend, reading options and
// files, and writing output atomically. Each command lives in its own module and is registered in cli.ts.
import { createWriteStream, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ApiMethod, ApiOutput } from '../../shared/contract/api';
import type { DownloadMethod } from '../../shared/contract/downloads';
import type { FieldProblem } from '../../shared/contract/errors';
import { readStrictJson } from '../../shared/domain/strictJson';
import { DatabaseUnusableError } from '../../db/port';
import { transportText } from '../../shared/i18n/transportMessages';
import { openBackend, type Backend, type BackendOptions } from '../app';

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks for a password or PIN without echoing it; absent where nobody can type (a pipe, CI). */
  askSecret?: (label: string) => Promise<string>;
};

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Calls one API method and unwraps the envelope, so commands read like the renderer's client calls. */
export async function call<K extends ApiMethod>(backend: Backend, method: K, input: unknown): Promise<ApiOutput<K>> {
  const response = await backend.dispatch(method, input);
  // Scripts read the refusing rule's code at the end of the line, as before it became a detail apart from the message.
  if (!response.ok) {
    const { message, detail, problems = [] } = response.error;
    throw new CliFailure(detail ? `${message} [${detail}]` : message, problems);
  }
  return response.value as ApiOutput<K>;
}

/** Parses a command's options; a wrong one fails with exit code 2 and the usage text given. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliFailure(`Tham số không hợp lệ: ${(error as Error).message}\n${usage}`, [], 2);
  }
}

export function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new CliFailure(`Không đọc được tệp ${path}.`);
  }
}

/** Strict JSON (readStrictJson): invalid UTF-8, a repeated key or a syntax error is refused with where it is. */
export function readJsonFile(path: string): unknown {
  const bytes = readFileBytes(path);
  const read = readStrictJson(bytes);
  if (!read.ok) throw new CliFailure(`Tệp ${path} không phải JSON hợp lệ hoặc có chỗ không rõ nghĩa, không có gì được ghi.`, read.problems);
  return read.value;
}

/** Writes next to the target and renames, so a failed export never leaves a half-written file. */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** A streamed file written next to the target and renamed once whole: a failure midway leaves no partial file. */
export async function streamFileAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await write(createWriteStream(temporary));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, path);
}

/** Opens one of the streamed downloads and writes it to a file, as `call` does for an answered method. */
export async function downloadTo(backend: Backend, method: DownloadMethod, input: unknown, path: string): Promise<void> {
  const response = await backend.download(method, input);
  if (!response.ok) throw new CliFailure(response.error.message, response.error.problems ?? []);
  await streamFileAtomically(path, response.value.writeTo);
}

/** The options every signed document's command takes, for this export only. */
export const SIGNED_DOCUMENT_OPTIONS = { signer: { type: 'string' }, number: { type: 'string' }, date: { type: 'string' } } as const;
export const SIGNED_DOCUMENT_USAGE = '[--signer NGƯỜI_KÝ] [--number SỐ] [--date YYYY-MM-DD]';

/** Contract paths of those options → the flags the officer typed. */
export const SIGNED_DOCUMENT_FLAGS: Record<string, string> = { signer: '--signer', number: '--number', date: '--date' };

/** What the officer should know about a written file (nobody chosen to sign it), on stderr beside the result. */
export function reportNotices(io: CliIo, file: { notices?: readonly string[] }): void {
  for (const notice of file.notices ?? []) io.err(`Lưu ý: ${notice}`);
}

export type CommandContext = { databasePath: string; io: CliIo; env: NodeJS.ProcessEnv };
export type Command = (args: string[], context: CommandContext) => Promise<void>;

/** A second writer waits for the first, saying so once on stderr; TTHC_BUSY_WAIT_MS bounds the wait (default one minute). */
const CLI_BUSY_WAIT_MS = 60_000;
const busyWait = { io: undefined as CliIo | undefined, ms: CLI_BUSY_WAIT_MS, told: false };

/** Set once per run by the command line's entry point, before any command opens the database. */
export function configureBusyWait(io: CliIo, env: NodeJS.ProcessEnv): void {
  const setting = env.TTHC_BUSY_WAIT_MS === undefined ? Number.NaN : Number(env.TTHC_BUSY_WAIT_MS);
  busyWait.io = io;
  busyWait.ms = Number.isFinite(setting) && setting >= 0 ? setting : CLI_BUSY_WAIT_MS;
  busyWait.told = false;
}

/** Opens the database, or says in one line why it cannot be opened (damaged, from a newer app). */
export async function openOrExplain(databasePath: string, options: BackendOptions = {}): Promise<Backend> {
  try {
    return await openBackend(databasePath, options);
  } catch (error) {
    if (error instanceof DatabaseUnusableError) throw new CliFailure(error.message);
    throw error;
  }
}

/** `reads` for commands that only read: see BackendOptions.readOnly. */
export const withBackend = async <T>(databasePath: string, work: (backend: Backend) => Promise<T>, access: 'reads' | 'writes' = 'writes'): Promise<T> => {
  const backend = await openOrExplain(databasePath, {
    readOnly: access === 'reads',
    busyWaitMs: busyWait.ms,
    onBusyWait: () => {
      if (!busyWait.told) busyWait.io?.err(transportText.busyWaiting);
      busyWait.told = true;
    },
  });
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
};

/** Every item of a paged API listing, page after page, for commands that print them all. */
export async function allPages<T>(page: (offset: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const first = await page(0);
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await page(items.length);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items;
}

/** Every item of a keyset-paged listing: each page continues from the previous page's `next`, counted once. */
export async function allCursorPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; next: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.next ?? undefined;
  } while (cursor !== undefined);
  return items;
}
