// The typed client every UI uses; only the transport (IPC or HTTP) differs.
import { API_METHODS, type ApiClient, type ApiMethod } from './api';
import { ApiError, type ApiErrorPayload } from './errors';

export type ApiResponse = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

/** Sends one call and resolves with the transport's envelope; it must not throw for API errors. */
export type ApiSend = (method: ApiMethod, input: unknown) => Promise<ApiResponse>;

export function createApiClient(send: ApiSend): ApiClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (input: unknown) => {
      const response = await send(method, input);
      if (!response.ok) throw ApiError.fromPayload(response.error);
      return response.value;
    };
  }
  // The loop above fills exactly the contract's methods; the output was validated by the handler side.
  return client as unknown as ApiClient;
}
