// Lookups and read models shared by the use cases: a missing record becomes a `not_found` error here, once. Each takes
// the repositories of the transaction it runs in.
import type { DraftDetail, RegulationDetail, RegulationSummary } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { draftReferenceDate } from '../../shared/domain/administrativeReference';
import { missingComponents } from '../../shared/domain/components';
import type { DocType } from '../../shared/domain/vocabulary';
import type { DraftRecord, ListedSummary, OfflineCopy, RegulationRecord, Repositories } from '../../db/port';
import type { ServiceContext } from './context';
import { localDate } from '../../shared/domain/localDate';
import { versionOf } from './revisions';

const draftNotFound = (id: string) => new ApiError('not_found', `Không tìm thấy dự thảo có mã ${id}.`);

export async function requireDraft(repos: Repositories, id: string): Promise<DraftRecord> {
  const draft = await repos.drafts.findById(id);
  if (!draft) throw draftNotFound(id);
  return draft;
}

/** The draft a write is about and its copy out to work offline, if any, in one read (main/services/writeGuard.ts). */
export async function requireDraftForWrite(repos: Repositories, id: string): Promise<{ draft: DraftRecord; copyOut: OfflineCopy | undefined }> {
  const found = await repos.drafts.findForWrite(id);
  if (!found) throw draftNotFound(id);
  return found;
}

/** The day a draft's lists, templates and cost targets are judged by (draftReferenceDate: issued, else its latest step, else today). */
export async function draftDate(ctx: ServiceContext, repos: Repositories, draft: Pick<DraftRecord, 'id' | 'issuedAt'>): Promise<string> {
  return draftReferenceDate({ issuedAt: draft.issuedAt, events: await repos.events.listByDraft(draft.id) }, localDate(ctx.now()));
}

/** A cursor that parses but does not fit the list it is passed to (another sort, another kind of search). */
export function invalidCursor(): ApiError {
  const message = 'con trỏ trang không thuộc danh sách này (hãy dùng giá trị «next» của trang trước)';
  return new ApiError('invalid_input', `Dữ liệu không hợp lệ: cursor: ${message}`, [{ path: 'cursor', message }]);
}

export async function requireRegulation(repos: Repositories, id: string): Promise<RegulationRecord> {
  const regulation = await repos.regulations.findById(id);
  if (!regulation) throw new ApiError('not_found', `Không tìm thấy thủ tục/quy định có mã ${id}.`);
  return regulation;
}

/** A row of a list: `summary` is the stored score and completeness, so a long list never re-scores its rows. */
export function summarizeRegulation(regulation: RegulationRecord, docType: DocType, summary: ListedSummary | undefined): RegulationSummary {
  return {
    id: regulation.id,
    kind: regulation.kind,
    change: regulation.change,
    nationalCode: regulation.nationalCode,
    name: regulation.name,
    article: regulation.article,
    field: regulation.field,
    level: regulation.level,
    missing: missingComponents(docType, regulation),
    necessityScore: summary?.necessityScore ?? null,
    assessmentComplete: summary?.assessmentComplete ?? false,
    findingCount: summary?.findingCount ?? 0,
  };
}

export async function draftDetail(repos: Repositories, id: string): Promise<DraftDetail> {
  const draft = await requireDraft(repos, id);
  const regulations = await repos.regulations.listedByDraft(id);
  return {
    ...draft,
    version: await versionOf(repos, 'draft', id),
    regulationCount: regulations.length,
    events: await repos.events.listByDraft(id),
    regulations: regulations.map(({ regulation, summary }) => summarizeRegulation(regulation, draft.docType, summary)),
  };
}

/**
 * `known`: the draft and the version a save in this transaction has just read and written, not read again (an
 * autosave's answer; each statement of a write is time every other writer of the team server waits).
 */
export async function regulationDetail(repos: Repositories, id: string, known?: { draft: DraftRecord; version: number }): Promise<RegulationDetail> {
  const regulation = await requireRegulation(repos, id);
  const draft = known?.draft ?? (await requireDraft(repos, regulation.draftId));
  return {
    ...regulation,
    version: known?.version ?? (await versionOf(repos, 'regulation', id)),
    opinions: (await repos.opinions.listByRegulation(id)).map(({ regulationId: _regulationId, ...opinion }) => opinion),
    draftTitle: draft.title,
    docType: draft.docType,
    missing: missingComponents(draft.docType, regulation),
  };
}
