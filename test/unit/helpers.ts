// A fresh in-memory database built by the real migrations, and the services over it.
import { openDatabase } from '../../db/sqlite/connection';
import { createServiceContext, type ServiceContext } from '../../main/services/context';
import { createHandlers } from '../../main/services/handlers';
import { createDispatcher } from '../../main/transports/dispatcher';
import { createApiClient } from '../../shared/contract/client';

export function createTestContext(): ServiceContext {
  let tick = 0;
  const start = Date.parse('2024-01-01T00:00:00Z');
  // A clock that moves one second per call keeps updated_at ordering deterministic.
  return createServiceContext(openDatabase(':memory:'), { now: () => new Date(start + 1000 * tick++).toISOString() });
}

export function createTestApi(ctx: ServiceContext = createTestContext()) {
  const dispatch = createDispatcher(createHandlers(ctx), (error) => {
    throw error;
  });
  return { ctx, api: createApiClient((method, input) => dispatch(method, input)) };
}
