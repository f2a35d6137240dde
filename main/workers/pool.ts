// Work that may take seconds (reading a workbook someone sent, a report over every draft) runs in worker threads, so that the thread serving
// every officer's calls keeps answering meanwhile. Each worker has a bounded heap and each task a time limit: a file
// made to exhaust either ends its worker, and its caller gets a refusal in Vietnamese, while the host runs on.
//
// The worker's code is found beside this module: taskWorker.ts run through tsx from the sources (tests, `tsx`), or
// the `tthcWorker` file the bundles build next to their chunks (bin/tthc.js, scripts/build-electron.js).
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorPayload } from '../../shared/contract/errors';
import { formatInteger } from '../../shared/i18n/format';
import type { TaskInput, TaskOutput, WorkerTask } from './tasks';

export type TaskRequest = { id: number; task: WorkerTask; input: unknown };
export type TaskAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; refusal?: ApiErrorPayload; failure?: string };

export type PoolOptions = {
  /** Workers run at once; further tasks wait their turn. */
  size: number;
  /** A task running longer is stopped with its worker. */
  timeLimitMs: number;
  /** Old-generation heap of each worker. */
  heapMb: number;
  /** What the caller is told when a task ran out of time or memory: by default, said of a file someone sent. */
  refusals?: { tooLong(ms: number): ApiError; tooMuchMemory(): ApiError };
  /** How much lower than the host's the workers' CPU priority is (main/workers/threadPriority.ts); 0 by default. */
  niceness?: number;
};

export const DEFAULT_POOL_OPTIONS: PoolOptions = { size: 1, timeLimitMs: 60_000, heapMb: 384 };

/** Where this module runs from: a file URL in ES modules, the bundle's file in the CommonJS Electron bundle. */
function moduleUrl(): string {
  // esbuild leaves import.meta empty in a CommonJS bundle, where __filename names the bundle instead.
  const meta = (import.meta as { url?: string }).url;
  return meta ?? pathToFileURL(typeof __filename === 'string' ? __filename : process.argv[1] ?? '').href;
}

type WorkerSource = { entry: string; tsx?: string };

/** tsx's ES-module API, by its package's exports map (require.resolve would name the CommonJS one). */
function tsxModuleUrl(here: string): string {
  const require = createRequire(here);
  const manifest = require.resolve('tsx/package.json');
  const exported = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  return pathToFileURL(join(dirname(manifest), exported)).href;
}

function workerSource(): WorkerSource {
  const here = moduleUrl();
  const extension = extname(fileURLToPath(here));
  if (extension === '.ts') return { entry: new URL('./taskWorker.ts', here).href, tsx: tsxModuleUrl(here) };
  return { entry: new URL(`./tthcWorker${extension}`, here).href };
}

// Evaluated as CommonJS in the new thread: registers tsx when running the sources, then loads the worker's module.
const BOOT = `const { workerData } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.register()) : Promise.resolve()).then(() => import(workerData.entry));`;

type Waiting = { request: TaskRequest; transfer: ArrayBuffer[]; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Running = Waiting & { timer: NodeJS.Timeout; timedOut: boolean; outOfMemory: boolean };

const FILE_REFUSALS = {
  tooLong: (ms: number) =>
    new ApiError('invalid_input', `Xử lý tệp quá ${formatInteger(Math.round(ms / 1000))} giây nên đã dừng; tệp có thể hỏng hoặc quá lớn. Không có gì được ghi.`),
  tooMuchMemory: () => new ApiError('invalid_input', 'Xử lý tệp cần quá nhiều bộ nhớ nên đã dừng; tệp có thể hỏng hoặc quá lớn. Không có gì được ghi.'),
};

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Running>();
  private readonly waiting: Waiting[] = [];
  private nextId = 1;
  private source: WorkerSource | undefined;

  constructor(private readonly options: PoolOptions = DEFAULT_POOL_OPTIONS) {}

  /** Runs a task in a worker; `transfer` hands buffers over instead of copying them. */
  run<T extends WorkerTask>(task: T, input: TaskInput<T>, transfer: ArrayBuffer[] = []): Promise<TaskOutput<T>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, task, input }, transfer, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; tasks still running are refused. */
  async close(): Promise<void> {
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.running.size < this.options.size)) {
      const worker = this.idle.pop() ?? this.spawn();
      const waiting = this.waiting.shift()!;
      const timer = setTimeout(() => {
        running.timedOut = true;
        void worker.terminate();
      }, this.options.timeLimitMs);
      const running: Running = { ...waiting, timer, timedOut: false, outOfMemory: false };
      this.running.set(worker, running);
      // A busy worker keeps the process alive until it answers; an idle one does not hold up a command's exit.
      worker.ref();
      worker.postMessage(waiting.request, waiting.transfer);
    }
  }

  private spawn(): Worker {
    this.source ??= workerSource();
    const worker = new Worker(BOOT, { eval: true, workerData: { ...this.source, niceness: this.options.niceness ?? 0 }, resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    worker.on('message', (answer: TaskAnswer) => {
      const running = this.running.get(worker);
      if (!running || running.request.id !== answer.id) return;
      this.finish(worker, running);
      this.idle.push(worker);
      worker.unref();
      if (answer.ok) running.resolve(answer.value);
      else if (answer.refusal) running.reject(ApiError.fromPayload(answer.refusal));
      else running.reject(new Error(`worker task ${running.request.task} failed: ${answer.failure ?? ''}`));
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const running = this.running.get(worker);
      if (running && error.code === 'ERR_WORKER_OUT_OF_MEMORY') running.outOfMemory = true;
      else if (running) running.reject(error);
    });
    worker.on('exit', () => {
      const running = this.running.get(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (running) {
        this.finish(worker, running);
        const refusals = this.options.refusals ?? FILE_REFUSALS;
        if (running.timedOut) running.reject(refusals.tooLong(this.options.timeLimitMs));
        else if (running.outOfMemory) running.reject(refusals.tooMuchMemory());
        else running.reject(new Error(`worker ended during task ${running.request.task}`));
      }
      this.dispatch();
    });
    return worker;
  }

  private finish(worker: Worker, running: Running): void {
    clearTimeout(running.timer);
    this.running.delete(worker);
  }
}

let shared: WorkerPool | undefined;

/** The process's one pool, started on first use. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}
