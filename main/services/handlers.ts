import type { ApiHandlers } from '../../shared/contract/api';
import { createAssessmentFormService } from './assessmentFormService';
import { createResponsesTableService } from './responsesTableService';
import { createAssessmentService } from './assessmentService';
import { createCatalogueService } from './catalogueService';
import type { ServiceContext } from './context';
import { createDossierService } from './dossierService';
import { createDraftQueueService } from './draftQueueService';
import { createDraftsService } from './draftsService';
import { createFindingsService } from './findingsService';
import { createLettersService } from './lettersService';
import { createOfflineCopiesService } from './offlineCopiesService';
import { createOpinionsService } from './opinionsService';
import { createProfileService } from './profileService';
import { createRegulationsService } from './regulationsService';
import { createReportsService } from './reportsService';
import { createSafekeepingService } from './safekeepingService';
import { createSignersService } from './signersService';
import { createSigningService } from './signingService';
import { createSpreadsheetsService } from './spreadsheetsService';
import { createTeamAdministrationService } from './teamAdministration';
import { createWorkflowService } from './workflowService';

/** Every contract method bound to its use case. The type makes a missing or misspelled method a compile error. */
export function createHandlers(ctx: ServiceContext): ApiHandlers {
  return {
    ...createDraftsService(ctx),
    ...createDraftQueueService(ctx),
    ...createRegulationsService(ctx),
    ...createDossierService(ctx),
    ...createOfflineCopiesService(ctx),
    ...createAssessmentService(ctx),
    ...createProfileService(ctx),
    ...createWorkflowService(ctx),
    ...createOpinionsService(ctx),
    ...createReportsService(ctx),
    ...createLettersService(ctx),
    ...createAssessmentFormService(ctx),
    ...createResponsesTableService(ctx),
    ...createSpreadsheetsService(ctx),
    ...createCatalogueService(ctx),
    ...createSafekeepingService(ctx),
    ...createFindingsService(ctx),
    ...createTeamAdministrationService(ctx),
    ...createSignersService(ctx),
    ...createSigningService(),
  };
}
