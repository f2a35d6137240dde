// Issue 23, item 10: heavy work in a worker (a report over every draft, a dossier export) gives way to the thread that
// serves every officer's calls. On a machine of two cores that thread and the worker compete for the same CPU: the
// worker's thread alone is given a lower priority, so that a cheap call is answered first and the report takes what is
// left. Linux keeps a nice value per thread (/proc/thread-self names this thread's id); elsewhere, or where the system
// refuses, the thread runs as it is.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The lowest priority a thread can have (the highest nice value). */
const LOWEST = 19;

/** Lowers the calling thread's CPU priority by `niceness` (at most to the lowest); its thread id, or undefined if not. */
export function lowerThreadPriority(niceness: number): number | undefined {
  if (!(niceness > 0)) return undefined;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return undefined;
    setPriority(threadId, Math.min(LOWEST, getPriority(threadId) + niceness));
    return threadId;
  } catch {
    return undefined;
  }
}
