// Every write of a draft's data asks the one permission table (shared/domain/permissions.ts) whether the acting role
// may make it in the draft's state, whatever the UI showed; on the team server, also whether the signed-in person's
// agency holds that role on the draft, and whether someone else has taken it to work offline.
import { ApiError } from '../../shared/contract/errors';
import type { SenderDraft } from '../../shared/domain/documentSenders';
import { agencyRefusal, heldOfflineRefusal, writeRefusal, type DataKind } from '../../shared/domain/permissions';
import type { DraftStatus } from '../../shared/domain/vocabulary';
import type { Repositories } from '../../db/port';
import { formatVietnameseDateTime } from '../signing/signingTime';
import { readActingPerson } from './actingPerson';
import { readProfile } from './settingsService';

/**
 * Refuses with the rule's Vietnamese message. An installation that has not named itself yet acts as the drafting
 * agency (the first-start default): drafting is where the work begins, and the state rule still applies. A draft not
 * stored yet (`{ status }` alone) has no agency to check.
 */
export async function requireWritable(repos: Repositories, draft: { id?: string; status: DraftStatus } & Partial<SenderDraft>, kind: DataKind): Promise<void> {
  const refusal = writeRefusal((await readProfile(repos)).role, draft.status, kind);
  if (refusal) throw new ApiError('forbidden', refusal);
  const person = await readActingPerson(repos);
  if (!person) return;
  if (draft.id !== undefined) await refuseWhileHeldOffline(repos, draft.id);
  if (draft.draftingAgency === undefined) return;
  const { title = '', docType, draftingAgency, submittedToGovernment = false } = draft;
  if (!docType) return;
  const outsideAgency = agencyRefusal(kind, { title, docType, draftingAgency, submittedToGovernment }, person.agency);
  if (outsideAgency) throw new ApiError('forbidden', outsideAgency);
}

/** On the team server, refuses a write of a draft someone else has taken to work offline (a workflow step too), naming them. */
export async function refuseWhileHeldOffline(repos: Repositories, draftId: string): Promise<void> {
  const person = await readActingPerson(repos);
  const copyOut = person && (await repos.offlineCopies.out(draftId));
  const held = copyOut && heldOfflineRefusal(copyOut, person.login, formatVietnameseDateTime(new Date(copyOut.takenAt)));
  if (held) throw new ApiError('forbidden', held);
}
