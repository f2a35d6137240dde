// The one path every transport takes: parse input by the contract → call the use case → parse output.
import { isDeepStrictEqual } from 'node:util';
import { ZodError } from 'zod';
import { apiContract, isApiMethod, type ApiHandlers, type ApiMethod } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { downloadHeadSchema, isDownloadMethod } from '../../shared/contract/downloads';
import { ApiError, echoed, invalidInput, type ApiErrorPayload } from '../../shared/contract/errors';
import { transportText } from '../../shared/i18n/transportMessages';
import { DatabaseTooNewError, type StoreFailures } from '../../db/port';
import type { Download, DownloadHandlers } from '../services/downloads';
import { JsonBytes } from './jsonBytes';
import { internalErrorMessage, newErrorId } from './errorLog';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResponse>;

/** Records an unexpected error; returns the id shown to the user, or nothing to let the dispatcher make one up. */
export type InternalErrorSink = (error: unknown, context?: string) => string | void;

/**
 * How long a call waits while another process holds the database's write lock. The connection's own busy timeout is
 * kept short (it blocks the event loop); the waiting happens here, asynchronously, between whole attempts.
 */
export type BusyPolicy = {
  /** Rows the store has written so far (Store.writeCount): a call is retried only if its failed attempt wrote nothing. */
  writeCount: () => number;
  /** Runs one attempt so that `writeCount` inside it counts this call's writes alone (Store.withinCall). */
  withinCall?: <T>(work: () => Promise<T>) => Promise<T>;
  maxWaitMs: number;
  /** Called once per call, when it starts to wait, so that a person can be told why nothing happens. */
  onWait?: () => void;
};

export type DispatchOptions = {
  /** How the store's engine says it is busy, damaged or refused by its own guards (Store.failures). */
  failures: StoreFailures;
  onInternalError?: InternalErrorSink;
  busy?: BusyPolicy;
  outputs?: OutputChecks;
};

const MAX_BACKOFF_MS = 250;

/**
 * Read models the services build field by field from stored rows that were validated when they were written: lists,
 * summaries, reports and the dossier export. Re-validating them costs more than the query at 100.000 rows (a third of
 * `tthc search`), so the app returns them as built. The test suite dispatches with `outputs: 'every'`, which checks
 * these too, and more strictly: the built value must already be exactly what the contract would return.
 */
export const OUTPUTS_BUILT_FROM_STORED_ROWS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'listDrafts',
  'findDrafts',
  'searchRegulations',
  'getDraft',
  'getDraftAssessmentOverview',
  'getCostRollup',
  'dashboard',
  'periodReport',
  'exportDossier',
]);

export type OutputChecks = 'every' | 'untrusted';

function toApiError(error: unknown, method: string, failures: StoreFailures, onInternalError: InternalErrorSink): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof DatabaseTooNewError) return new ApiError('internal', error.message);
  // The database's own guards (append-only history, issued opinions) speak Vietnamese already.
  if (failures.isGuardRefusal(error)) return new ApiError('forbidden', (error as Error).message);
  if (failures.isBusy(error)) return new ApiError('busy', transportText.busy);
  // Nothing for the person to repair: the store reconnects by itself once the database server is back.
  if (failures.isUnavailable(error)) return new ApiError('busy', transportText.reconnecting);
  // Said as it is, not as an internal error whose log, on a full disk, could not be written either.
  const refusal = failures.storageRefusal(error);
  if (refusal) return new ApiError('storage', refusal === 'full' ? transportText.diskFull : transportText.readOnly);
  if (failures.isDamage(error)) {
    onInternalError(error, method);
    return new ApiError('internal', transportText.damaged);
  }
  const id = onInternalError(error, method) || newErrorId();
  return new ApiError('internal', internalErrorMessage(id));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDispatcher(handlers: ApiHandlers, { failures, onInternalError = () => {}, busy, outputs = 'every' }: DispatchOptions): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'not_found', message: `Không có phương thức "${echoed(method)}".` } };
    }
    const started = Date.now();
    let backoff = 5;
    let told = false;
    const withinCall = busy?.withinCall ?? (<T>(work: () => Promise<T>) => work());
    for (;;) {
      let wroteNothing = true;
      try {
        const value = await withinCall(async () => {
          const changesBefore = busy?.writeCount();
          try {
            return await call(handlers, method, input, outputs);
          } finally {
            wroteNothing = busy?.writeCount() === changesBefore;
          }
        });
        return { ok: true, value };
      } catch (error) {
        const remaining = busy ? busy.maxWaitMs - (Date.now() - started) : 0;
        if (busy && failures.isBusy(error) && remaining > 0 && wroteNothing) {
          if (!told) busy.onWait?.();
          told = true;
          await sleep(Math.min(backoff, remaining));
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          continue;
        }
        return { ok: false, error: toApiError(error, method, failures, onInternalError).toPayload() };
      }
    }
  };
}

/** Equal as JSON: what every transport sends (key order and undefined members do not count). */
const sameJson = (a: unknown, b: unknown): boolean => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

async function call<K extends ApiMethod>(handlers: ApiHandlers, method: K, input: unknown, outputs: OutputChecks): Promise<unknown> {
  const contract = apiContract[method];
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) throw invalidInput(parsedInput.error);
  const handler = handlers[method] as (input: unknown) => unknown;
  const answered = await handler(parsedInput.data);
  const builtFromStoredRows = OUTPUTS_BUILT_FROM_STORED_ROWS.has(method);
  if (builtFromStoredRows && outputs === 'untrusted') return answered;
  // An answer a worker wrote as JSON (JsonBytes) is checked as the data it is.
  const output = answered instanceof JsonBytes ? answered.toJSON() : answered;
  // A result that breaks its own contract is the app's fault, not the caller's: internal, with the details in the log.
  const parsedOutput = contract.output.safeParse(output);
  if (!parsedOutput.success) throw new Error(`${method} returned a result outside its contract`, { cause: parsedOutput.error });
  if (builtFromStoredRows && !sameJson(parsedOutput.data, output)) throw new Error(`${method} returned more or other than its contract says`);
  return parsedOutput.data;
}

export type DownloadResponse = { ok: true; value: Download } | { ok: false; error: ApiErrorPayload };
/** The path of a streamed file: parse input by the method's contract → open the download (its checks run here) → check its head. */
export type OpenDownload = (method: string, input: unknown) => Promise<DownloadResponse>;

export function createDownloadOpener(downloads: DownloadHandlers, { failures, onInternalError = () => {} }: Pick<DispatchOptions, 'failures' | 'onInternalError'>): OpenDownload {
  return async (method, input) => {
    if (!isDownloadMethod(method)) {
      return { ok: false, error: { code: 'not_found', message: `Không có tệp tải về "${echoed(method)}".` } };
    }
    try {
      const parsedInput = apiContract[method].input.safeParse(input);
      if (!parsedInput.success) throw invalidInput(parsedInput.error);
      const open = downloads[method] as (input: unknown) => Promise<Download>;
      const download = await open(parsedInput.data);
      downloadHeadSchema.parse({ fileName: download.fileName, mimeType: download.mimeType });
      return { ok: true, value: download };
    } catch (error) {
      return { ok: false, error: toApiError(error, method, failures, onInternalError).toPayload() };
    }
  };
}
