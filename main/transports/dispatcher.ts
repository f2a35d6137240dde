// The one path every transport takes: parse input by the contract → call the use case → parse output.
import { ZodError } from 'zod';
import { apiContract, isApiMethod, type ApiHandlers, type ApiMethod } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { downloadHeadSchema, isDownloadMethod } from '../../shared/contract/downloads';
import { ApiError, invalidInput, type ApiErrorPayload } from '../../shared/contract/errors';
import { transportText } from '../../shared/i18n/transportMessages';
import { DatabaseTooNewError } from '../../db/connection';
import type { Download, DownloadHandlers } from '../services/downloads';
import { internalErrorMessage, newErrorId } from './errorLog';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResponse>;

/** Records an unexpected error; returns the id shown to the user, or nothing to let the dispatcher make one up. */
export type InternalErrorSink = (error: unknown, context?: string) => string | void;

/**
 * How long a call waits while another process holds the database's write lock. The connection's own busy timeout is
 * kept short (it blocks the event loop); the waiting happens here, asynchronously, between whole attempts.
 */
export type BusyPolicy = {
  /** Rows this connection has changed so far (`total_changes()`): a call is retried only if its failed attempt wrote nothing. */
  totalChanges: () => number;
  maxWaitMs: number;
  /** Called once per call, when it starts to wait, so that a person can be told why nothing happens. */
  onWait?: () => void;
};

const MAX_BACKOFF_MS = 250;

export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

function toApiError(error: unknown, method: string, onInternalError: InternalErrorSink): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof DatabaseTooNewError) return new ApiError('internal', error.message);
  // The database's own guards (append-only history, issued opinions) speak Vietnamese already.
  if ((error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_TRIGGER') return new ApiError('forbidden', (error as Error).message);
  if (isDatabaseBusy(error)) return new ApiError('busy', transportText.busy);
  const id = onInternalError(error, method) || newErrorId();
  return new ApiError('internal', internalErrorMessage(id));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDispatcher(handlers: ApiHandlers, onInternalError: InternalErrorSink = () => {}, busy?: BusyPolicy): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'not_found', message: `Không có phương thức "${method}".` } };
    }
    const started = Date.now();
    let backoff = 5;
    let told = false;
    for (;;) {
      const changesBefore = busy?.totalChanges();
      try {
        return { ok: true, value: await call(handlers, method, input) };
      } catch (error) {
        const remaining = busy ? busy.maxWaitMs - (Date.now() - started) : 0;
        if (busy && isDatabaseBusy(error) && remaining > 0 && busy.totalChanges() === changesBefore) {
          if (!told) busy.onWait?.();
          told = true;
          await sleep(Math.min(backoff, remaining));
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          continue;
        }
        return { ok: false, error: toApiError(error, method, onInternalError).toPayload() };
      }
    }
  };
}

async function call<K extends ApiMethod>(handlers: ApiHandlers, method: K, input: unknown): Promise<unknown> {
  const contract = apiContract[method];
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) throw invalidInput(parsedInput.error);
  const handler = handlers[method] as (input: unknown) => unknown;
  const output = await handler(parsedInput.data);
  // A result that breaks its own contract is the app's fault, not the caller's: internal, with the details in the log.
  const parsedOutput = contract.output.safeParse(output);
  if (!parsedOutput.success) throw new Error(`${method} returned a result outside its contract`, { cause: parsedOutput.error });
  return parsedOutput.data;
}

export type DownloadResponse = { ok: true; value: Download } | { ok: false; error: ApiErrorPayload };
/** The path of a streamed file: parse input by the method's contract → open the download (its checks run here) → check its head. */
export type OpenDownload = (method: string, input: unknown) => Promise<DownloadResponse>;

export function createDownloadOpener(downloads: DownloadHandlers, onInternalError: InternalErrorSink = () => {}): OpenDownload {
  return async (method, input) => {
    if (!isDownloadMethod(method)) {
      return { ok: false, error: { code: 'not_found', message: `Không có tệp tải về "${method}".` } };
    }
    try {
      const parsedInput = apiContract[method].input.safeParse(input);
      if (!parsedInput.success) throw invalidInput(parsedInput.error);
      const open = downloads[method] as (input: unknown) => Download;
      const download = open(parsedInput.data);
      downloadHeadSchema.parse({ fileName: download.fileName, mimeType: download.mimeType });
      return { ok: true, value: download };
    } catch (error) {
      return { ok: false, error: toApiError(error, method, onInternalError).toPayload() };
    }
  };
}
