// Errors that cross the API boundary: a code the UI can act on and a Vietnamese message it can show.
import type { z } from 'zod';
import { plainProblem } from '../i18n/problemText';

// `storage`: the disk is full or the database read-only; nothing was written, and the same call succeeds once that is fixed.
export const API_ERROR_CODES = ['invalid_input', 'not_found', 'forbidden', 'conflict', 'unauthorized', 'busy', 'storage', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type FieldProblem = { path: string; message: string };

/** The records an edit names the version of (issue 17: no lost update); a regulation's assessment has its own, an opinion's answer (`response`, by the opinion's id) too, and a letter's particulars (`letter`, by their setting's key). */
export const VERSIONED_RECORDS = ['draft', 'regulation', 'assessment', 'opinion', 'response', 'letter'] as const;
export type VersionedRecord = (typeof VERSIONED_RECORDS)[number];

/**
 * Why an edit was refused as `conflict`: the record was changed since the version the edit was made on. Nothing was
 * written; `changedBy` and `changedAt` (ISO instant; empty when the change predates versions) say who changed it and when.
 */
export type ConflictDetail = {
  record: VersionedRecord;
  id: string;
  /** The version the refused edit was made on. */
  yourVersion: number;
  /** The version stored now. */
  currentVersion: number;
  changedBy: string;
  changedAt: string;
};

/** `detail` is technical (the rule a workflow check refused by): shown apart from the message, for support. */
export type ApiErrorPayload = { code: ApiErrorCode; message: string; problems?: FieldProblem[]; detail?: string; conflict?: ConflictDetail };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: FieldProblem[];
  readonly detail: string | undefined;
  readonly conflict: ConflictDetail | undefined;

  constructor(code: ApiErrorCode, message: string, problems: FieldProblem[] = [], detail?: string, conflict?: ConflictDetail) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.problems = problems;
    this.detail = detail;
    this.conflict = conflict;
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.problems.length > 0 ? { problems: this.problems } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.conflict ? { conflict: this.conflict } : {}),
    };
  }

  static fromPayload(payload: ApiErrorPayload): ApiError {
    return new ApiError(payload.code, payload.message, payload.problems ?? [], payload.detail, payload.conflict);
  }
}

/** Characters of a caller's own text (a key, a value, a method name) a message may repeat; the rest is said as a count. */
export const ECHO_CHARS = 60;

/**
 * A caller's text as a message may quote it: whole when short, otherwise its start and its length, so that a 10 MB key
 * comes back as a line, never as 10 MB.
 */
export function echoed(text: string, max = ECHO_CHARS): string {
  if (text.length <= max) return text;
  const start = text.slice(0, max);
  // Never half of a surrogate pair at the cut.
  const whole = /[\uD800-\uDBFF]$/.test(start) ? start.slice(0, -1) : start;
  return `${whole}… (${text.length.toLocaleString('vi-VN')} ký tự)`;
}

/** `drafts[2].regulations[5].assessment.cost.population` — the path style of EXCHANGE.md; a caller's long key is cut. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((joined, segment) => {
    if (typeof segment === 'number') return `${joined}[${segment}]`;
    const name = echoed(String(segment));
    return joined === '' ? name : `${joined}.${name}`;
  }, '');
}

export function problemsFromZod(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    return { path: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });
}

/** Problems a message names one by one; the rest are counted. Every problem stays in `problems`, up to MAX_PROBLEMS. */
const PROBLEMS_IN_MESSAGE = 10;
export const MAX_PROBLEMS = 1000;

/** The summary followed by the first problems in words and the count of the others. */
export function problemsMessage(summary: string, problems: readonly FieldProblem[]): string {
  const named = problems.slice(0, PROBLEMS_IN_MESSAGE).map(plainProblem).join('; ');
  const others = problems.length - PROBLEMS_IN_MESSAGE;
  return `${summary}: ${named}${others > 0 ? `; và ${others.toLocaleString('vi-VN')} chỗ khác` : ''}`;
}

export function invalidInput(error: z.ZodError, summary = 'Dữ liệu không hợp lệ'): ApiError {
  const problems = problemsFromZod(error).slice(0, MAX_PROBLEMS);
  // The message is for people; each problem keeps its path for the details part and for the CLI.
  return new ApiError('invalid_input', problemsMessage(summary, problems), problems);
}
