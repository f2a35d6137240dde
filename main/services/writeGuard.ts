// Every write of a draft's data asks the one permission table (shared/domain/permissions.ts) whether the acting role
// may make it in the draft's state, whatever the UI showed; on the team server, also whether the signed-in person's
// agency holds that role on the draft, and whether someone else has taken it to work offline.
import { ApiError } from '../../shared/contract/errors';
import type { SenderDraft } from '../../shared/domain/documentSenders';
import { agencyRefusal, heldOfflineRefusal, writeRefusal, type DataKind } from '../../shared/domain/permissions';
import type { DraftStatus } from '../../shared/domain/vocabulary';
import type { DraftRecord, OfflineCopy, Repositories } from '../../db/port';
import { formatVietnameseDateTime } from '../signing/signingTime';
import { readActingPerson, type ActingPerson } from './actingPerson';
import { readProfile } from './settingsService';
import { requireDraftForWrite } from './views';

/**
 * What the caller has read already, not read again: the draft's copy out to work offline, when it was read with the
 * draft (requireWritableDraft), and the signed-in person, when the caller needed them first (resolveConflict).
 */
type KnownCopyOut = { copyOut: OfflineCopy | undefined; person?: ActingPerson };

/**
 * Refuses with the rule's Vietnamese message. An installation that has not named itself yet acts as the drafting
 * agency (the first-start default): drafting is where the work begins, and the state rule still applies. A draft not
 * stored yet (`{ status }` alone) has no agency to check.
 */
export async function requireWritable(
  repos: Repositories,
  draft: { id?: string; status: DraftStatus } & Partial<SenderDraft>,
  kind: DataKind,
  known?: KnownCopyOut,
): Promise<void> {
  const refusal = writeRefusal((await readProfile(repos)).role, draft.status, kind);
  if (refusal) throw new ApiError('forbidden', refusal);
  const person = known?.person ?? (await readActingPerson(repos));
  if (!person) return;
  if (draft.id !== undefined) refuseHeldOffline(person, known ? known.copyOut : await repos.offlineCopies.out(draft.id));
  if (draft.draftingAgency === undefined) return;
  const { title = '', docType, draftingAgency, submittedToGovernment = false } = draft;
  if (!docType) return;
  const outsideAgency = agencyRefusal(kind, { title, docType, draftingAgency, submittedToGovernment }, person.agency);
  if (outsideAgency) throw new ApiError('forbidden', outsideAgency);
}

/**
 * The stored draft a write of `kind` is about, read with its copy out in one statement, refused as requireWritable
 * does; `person`, the signed-in person when the caller has read them already.
 */
export async function requireWritableDraft(repos: Repositories, draftId: string, kind: DataKind, person?: ActingPerson): Promise<DraftRecord> {
  const { draft, copyOut } = await requireDraftForWrite(repos, draftId);
  await requireWritable(repos, draft, kind, { copyOut, ...(person ? { person } : {}) });
  return draft;
}

/**
 * The draft a workflow step is about (the workflow's own rules say who may take it), read with its copy out in one
 * statement; on the team server refused while someone else has taken it to work offline.
 */
export async function requireUnheldDraft(repos: Repositories, draftId: string): Promise<DraftRecord> {
  const { draft, copyOut } = await requireDraftForWrite(repos, draftId);
  const person = await readActingPerson(repos);
  if (person) refuseHeldOffline(person, copyOut);
  return draft;
}

/** Refuses a write of a draft someone else than `person` holds offline, naming them. */
function refuseHeldOffline(person: ActingPerson, copyOut: OfflineCopy | undefined): void {
  const held = copyOut && heldOfflineRefusal(copyOut, person.login, formatVietnameseDateTime(new Date(copyOut.takenAt)));
  if (held) throw new ApiError('forbidden', held);
}
