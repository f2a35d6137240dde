// Every test file's setup: after each test, one turn of the event loop. A test on SQLite awaits only promises that
// better-sqlite3 has already settled, so a file of them never lets the worker read vitest's answers to its progress
// reports; past 60 s (a long file on a loaded machine) vitest failed the whole run with «Timeout calling
// "onTaskUpdate"» though every test passed. One setImmediate a test lets those answers in.
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
