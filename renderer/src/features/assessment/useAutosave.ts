import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type FieldProblem } from '../../../../shared/contract/errors';

/**
 * `idle`: nothing changed since loading; `invalid`: not saved because a field is wrong; `failed`: the save itself
 * failed; `conflict`: refused because someone else changed the record since it was loaded (sending it again cannot help).
 */
export type SaveState = 'idle' | 'pending' | 'saved' | 'invalid' | 'failed' | 'conflict';

/**
 * Saves the latest value a moment after the last change, one save at a time and in order, and once more when the
 * editor closes or the page goes away, so there is no Save button to forget. An invalid value is never sent, and the state stays "invalid"
 * until a valid one is saved.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 600) {
  const [state, setState] = useState<SaveState>('idle');
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  /** The refusal of a save made on an outdated version: its message says who changed the record and when. */
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waiting = useRef<{ value: T; change: number } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const changes = useRef(0);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = waiting.current;
    if (!next) return;
    waiting.current = null;
    queue.current = queue.current.then(async () => {
      try {
        await save(next.value);
        setServerProblems([]);
        // A newer change may be waiting already: only the last one decides what the officer sees.
        if (next.change === changes.current) setState('saved');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'conflict') {
          // Every later save would be refused the same way: the officer decides, with the message in view.
          waiting.current = null;
          setConflict(error);
          setState('conflict');
          return;
        }
        const problems = error instanceof ApiError ? error.problems : [];
        setServerProblems(problems);
        if (next.change === changes.current) setState(problems.length > 0 ? 'invalid' : 'failed');
      }
    });
  }, [save]);

  const schedule = useCallback(
    (value: T, valid: boolean) => {
      changes.current += 1;
      // Refused once for an outdated version, every further save would be too: what is typed stays kept on this
      // machine (unsavedWork) until the officer loads the new version.
      if (conflict) return;
      // The last valid value still goes out (nothing typed before the mistake is lost); the invalid one never does.
      if (!valid) {
        setState('invalid');
        return;
      }
      clearTimeout(timer.current);
      waiting.current = { value, change: changes.current };
      setState('pending');
      timer.current = setTimeout(flush, delayMs);
    },
    [conflict, delayMs, flush],
  );

  /** Sends the last value again after a failure (the connection came back). */
  const retry = useCallback(
    (value: T) => {
      waiting.current = { value, change: changes.current };
      setState('pending');
      flush();
    },
    [flush],
  );

  useEffect(() => flush, [flush]);
  // A reload or a closed window sends what waits at once, not after the queue: the page may not live to see it.
  useEffect(() => {
    const sendWaiting = () => {
      const next = waiting.current;
      if (!next) return;
      clearTimeout(timer.current);
      waiting.current = null;
      save(next.value).catch(() => undefined);
    };
    window.addEventListener('pagehide', sendWaiting);
    return () => window.removeEventListener('pagehide', sendWaiting);
  }, [save]);
  /** The officer has seen the stored version (keeping theirs on it, or taking it): saves may go again. */
  const settleConflict = useCallback(() => setConflict(null), []);
  /** Ctrl+S: what waits is sent now instead of after the pause. */
  return { state, serverProblems, conflict, schedule, retry, saveNow: flush, settleConflict };
}
