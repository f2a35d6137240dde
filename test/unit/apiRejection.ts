// The ApiError an API call was refused with, for tests that check the code, the message and the problem paths.
import { ApiError } from '../../shared/contract/errors';

export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}
