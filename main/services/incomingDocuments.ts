// The drafting agency's submission a stage answers (Tờ trình số … ngày …), per draft and stage: recorded with the
// submission, or by the receiving body when the dossier arrives. Kept as the setting `incoming:<draftId>:<stage>`
// (a key-value row, so no migration).
import { incomingDocumentSchema, type IncomingDocument } from '../../shared/domain/letterParticulars';
import type { OpinionStage } from '../../shared/domain/vocabulary';
import type { Repositories } from '../../db/port';

const settingKey = (draftId: string, stage: OpinionStage): string => `incoming:${draftId}:${stage}`;

export async function readIncomingDocument(repos: Repositories, draftId: string, stage: OpinionStage): Promise<IncomingDocument | undefined> {
  const parsed = incomingDocumentSchema.safeParse(await repos.settings.get(settingKey(draftId, stage)));
  return parsed.success ? parsed.data : undefined;
}

/** Inside the caller's transaction; null forgets it. */
export async function writeIncomingDocument(repos: Repositories, draftId: string, stage: OpinionStage, incoming: IncomingDocument | null): Promise<void> {
  await repos.settings.set(settingKey(draftId, stage), incoming);
}
