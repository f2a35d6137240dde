// The one path every transport takes: parse input by the contract → call the use case → parse output.
import { ZodError } from 'zod';
import { apiContract, isApiMethod, type ApiHandlers, type ApiMethod } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { ApiError, invalidInput } from '../../shared/contract/errors';
import { DatabaseTooNewError } from '../../db/connection';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResponse>;

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof DatabaseTooNewError) return new ApiError('internal', error.message);
  // The database's own guards (append-only history, issued opinions) speak Vietnamese already.
  if ((error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_TRIGGER') return new ApiError('forbidden', (error as Error).message);
  return new ApiError('internal', `Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}`);
}

export function createDispatcher(handlers: ApiHandlers, onInternalError: (error: unknown) => void = () => {}): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'not_found', message: `Không có phương thức "${method}".` } };
    }
    try {
      return { ok: true, value: await call(handlers, method, input) };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') onInternalError(error);
      return { ok: false, error: apiError.toPayload() };
    }
  };
}

async function call<K extends ApiMethod>(handlers: ApiHandlers, method: K, input: unknown): Promise<unknown> {
  const contract = apiContract[method];
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) throw invalidInput(parsedInput.error);
  const handler = handlers[method] as (input: unknown) => unknown;
  const output = await handler(parsedInput.data);
  return contract.output.parse(output);
}
