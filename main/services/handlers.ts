import type { ApiHandlers } from '../../shared/contract/api';
import type { ServiceContext } from './context';
import { createDossierService } from './dossierService';
import { createDraftsService } from './draftsService';
import { createRegulationsService } from './regulationsService';

/** Every contract method bound to its use case. The type makes a missing or misspelled method a compile error. */
export function createHandlers(ctx: ServiceContext): ApiHandlers {
  return {
    ...createDraftsService(ctx),
    ...createRegulationsService(ctx),
    ...createDossierService(ctx),
  };
}
