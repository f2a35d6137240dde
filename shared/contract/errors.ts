// Errors that cross the API boundary: a code the UI can act on and a Vietnamese message it can show.
import type { z } from 'zod';

export const API_ERROR_CODES = ['invalid_input', 'not_found', 'forbidden', 'conflict', 'unauthorized', 'busy', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type FieldProblem = { path: string; message: string };

export type ApiErrorPayload = { code: ApiErrorCode; message: string; problems?: FieldProblem[] };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: FieldProblem[];

  constructor(code: ApiErrorCode, message: string, problems: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.problems = problems;
  }

  toPayload(): ApiErrorPayload {
    return this.problems.length > 0
      ? { code: this.code, message: this.message, problems: this.problems }
      : { code: this.code, message: this.message };
  }

  static fromPayload(payload: ApiErrorPayload): ApiError {
    return new ApiError(payload.code, payload.message, payload.problems ?? []);
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
  const detail = problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; ');
  return new ApiError('invalid_input', `${summary}: ${detail}`, problems);
}
