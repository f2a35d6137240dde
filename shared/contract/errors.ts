// Errors that cross the API boundary: a code the UI can act on and a Vietnamese message it can show.
import type { z } from 'zod';
import { plainProblem } from '../i18n/problemText';

export const API_ERROR_CODES = ['invalid_input', 'not_found', 'forbidden', 'conflict', 'unauthorized', 'busy', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type FieldProblem = { path: string; message: string };

/** `detail` is technical (the rule a workflow check refused by): shown apart from the message, for support. */
export type ApiErrorPayload = { code: ApiErrorCode; message: string; problems?: FieldProblem[]; detail?: string };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: FieldProblem[];
  readonly detail: string | undefined;

  constructor(code: ApiErrorCode, message: string, problems: FieldProblem[] = [], detail?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.problems = problems;
    this.detail = detail;
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.problems.length > 0 ? { problems: this.problems } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }

  static fromPayload(payload: ApiErrorPayload): ApiError {
    return new ApiError(payload.code, payload.message, payload.problems ?? [], payload.detail);
  }
}

/** `drafts[2].regulations[5].assessment.cost.population` — the path style of EXCHANGE.md. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((joined, segment) => {
    if (typeof segment === 'number') return `${joined}[${segment}]`;
    const name = String(segment);
    return joined === '' ? name : `${joined}.${name}`;
  }, '');
}

export function problemsFromZod(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    return { path: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });
}

export function invalidInput(error: z.ZodError, summary = 'Dữ liệu không hợp lệ'): ApiError {
  const problems = problemsFromZod(error);
  // The message is for people; each problem keeps its path for the details part and for the CLI.
  return new ApiError('invalid_input', `${summary}: ${problems.map(plainProblem).join('; ')}`, problems);
}
