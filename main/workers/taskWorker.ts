// A worker thread's side of the pool: runs each task it is sent and answers with its value, or with the refusal the
// task made (an ApiError's payload), or with the failure's stack for the host's error log. Never imports Electron.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/contract/errors';
import { WORKER_TASKS, type WorkerTask } from './tasks';
import type { TaskAnswer, TaskRequest } from './pool';
import { lowerThreadPriority } from './threadPriority';

const port = parentPort;
if (!port) throw new Error('taskWorker runs only as a worker thread');
lowerThreadPriority((workerData as { niceness?: number }).niceness ?? 0);

port.on('message', async ({ id, task, input }: TaskRequest) => {
  let answer: TaskAnswer;
  try {
    const value = await (WORKER_TASKS[task as WorkerTask] as (input: unknown) => unknown)(input);
    answer = { id, ok: true, value };
  } catch (error) {
    answer = error instanceof ApiError ? { id, ok: false, refusal: error.toPayload() } : { id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer, answer.ok ? ownBuffersOf(answer.value) : []);
});

/** The buffers an answer's own byte arrays (its top-level members) fill whole: handed over to the host, not copied. */
function ownBuffersOf(value: unknown): ArrayBuffer[] {
  if (!value || typeof value !== 'object') return [];
  return Object.values(value).filter((member): member is Uint8Array => member instanceof Uint8Array && member.buffer instanceof ArrayBuffer && member.byteOffset === 0 && member.byteLength === member.buffer.byteLength).map((member) => member.buffer as ArrayBuffer);
}
