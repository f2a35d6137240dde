// Every write of a draft's data asks the one permission table (shared/domain/permissions.ts) whether this
// installation's role may make it in the draft's state, whatever the UI showed.
import { ApiError } from '../../shared/contract/errors';
import { writeRefusal, type DataKind } from '../../shared/domain/permissions';
import type { DraftStatus } from '../../shared/domain/vocabulary';
import type { Repositories } from '../../db/port';
import { readProfile } from './settingsService';

/**
 * Refuses with the rule's Vietnamese message. An installation that has not named itself yet acts as the drafting
 * agency (the first-start default): drafting is where the work begins, and the state rule still applies.
 */
export async function requireWritable(repos: Repositories, draft: { status: DraftStatus }, kind: DataKind): Promise<void> {
  const refusal = writeRefusal((await readProfile(repos)).role, draft.status, kind);
  if (refusal) throw new ApiError('forbidden', refusal);
}
