import { useCallback, useEffect, useRef, useState } from 'react';

export type TaskState = { label: string; /** 0–1, or null while the share done is unknown. */ progress: number | null };

export class TaskCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'TaskCancelled';
  }
}

/**
 * One long task at a time (an export, reading a workbook), with a Cancel that frees the screen at once. The back end
 * cannot be interrupted mid-call, so a cancelled call's late result is discarded: exports write no file until the
 * result reaches the page, and the import commit is one transaction, never cancelled half-way. Unmounting cancels.
 */
export function useCancellableTask() {
  const [task, setTask] = useState<TaskState | null>(null);
  const current = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setTask(null);
  }, []);

  useEffect(() => cancel, [cancel]);

  /** Resolves with the work's result, or rejects with TaskCancelled once Cancel is pressed (even if the work goes on). */
  const run = useCallback(async <T,>(label: string, work: (signal: AbortSignal, report: (share: number) => void) => Promise<T>): Promise<T> => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setTask({ label, progress: null });
    const cancelled = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new TaskCancelled()), { once: true }));
    const report = (share: number) => {
      if (!controller.signal.aborted) setTask({ label, progress: share });
    };
    try {
      return await Promise.race([work(controller.signal, report), cancelled]);
    } finally {
      if (current.current === controller) {
        current.current = null;
        setTask(null);
      }
    }
  }, []);

  return { task, run, cancel };
}
