// The work done off the serving thread, by name: what a worker may be asked to do and what it answers. Each task is a
// function of structured-cloneable data (its answer may be a promise), so it runs alike in a worker and, for a test, in place.
import { readFirstSheetWithData, type SheetRead } from '../workbooks/xlsxReader';
import type { DossierCallRead } from './heavyInputs';
import type { HeavyDownload, HeavyDownloadRequest, HeavyReadRequest, HeavyReadSource } from './heavyReads';

export const WORKER_TASKS = {
  /** A workbook's first sheet with data, read within WORKBOOK_LIMITS. */
  readSheet: (file: Uint8Array): SheetRead => readFirstSheetWithData(file),
  /** A report, the dashboard or an export, on the worker's own read connection; loaded on first use only. */
  heavyRead: async (request: HeavyReadRequest): Promise<unknown> => (await import('./heavyReads')).runHeavyRead(request),
  /** The dossier download, made whole on the worker's read connection. */
  heavyDownload: async (request: HeavyDownloadRequest): Promise<HeavyDownload> => (await import('./heavyReads')).runHeavyDownload(request),
  /** A dossier import's body, read and checked (main/workers/heavyInputs.ts). */
  readDossierCall: async (body: Uint8Array): Promise<DossierCallRead> => (await import('./heavyInputs')).readDossierCall(body),
  /** The same module loaded and its read connection opened, when a host starts. */
  openHeavyReads: async (source: HeavyReadSource): Promise<void> => (await import('./heavyReads')).openHeavyReads(source),
} as const;

export type WorkerTask = keyof typeof WORKER_TASKS;
export type TaskInput<T extends WorkerTask> = Parameters<(typeof WORKER_TASKS)[T]>[0];
export type TaskOutput<T extends WorkerTask> = Awaited<ReturnType<(typeof WORKER_TASKS)[T]>>;
