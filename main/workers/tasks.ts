// The work done off the serving thread, by name: what a worker may be asked to do and what it answers. Each task is a
// plain function of structured-cloneable data, so it runs alike in a worker and, for a test, in place.
import { readFirstSheetWithData, type SheetRead } from '../workbooks/xlsxReader';

export const WORKER_TASKS = {
  /** A workbook's first sheet with data, read within WORKBOOK_LIMITS. */
  readSheet: (file: Uint8Array): SheetRead => readFirstSheetWithData(file),
} as const;

export type WorkerTask = keyof typeof WORKER_TASKS;
export type TaskInput<T extends WorkerTask> = Parameters<(typeof WORKER_TASKS)[T]>[0];
export type TaskOutput<T extends WorkerTask> = ReturnType<(typeof WORKER_TASKS)[T]>;
