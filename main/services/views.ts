// Lookups and read models shared by the use cases: a missing record becomes a `not_found` error here, once.
import type { DraftDetail, RegulationDetail, RegulationSummary } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { missingComponents } from '../../shared/domain/components';
import type { DocType } from '../../shared/domain/vocabulary';
import type { DraftRecord } from '../../db/sqlite/draftsRepository';
import type { ListedSummary, RegulationRecord } from '../../db/sqlite/regulationsRepository';
import type { ServiceContext } from './context';

export function requireDraft(ctx: ServiceContext, id: string): DraftRecord {
  const draft = ctx.repos.drafts.findById(id);
  if (!draft) throw new ApiError('not_found', `Không tìm thấy dự thảo có mã ${id}.`);
  return draft;
}

/** A cursor that parses but does not fit the list it is passed to (another sort, another kind of search). */
export function invalidCursor(): ApiError {
  const message = 'con trỏ trang không thuộc danh sách này (hãy dùng giá trị «next» của trang trước)';
  return new ApiError('invalid_input', `Dữ liệu không hợp lệ: cursor: ${message}`, [{ path: 'cursor', message }]);
}

export function requireRegulation(ctx: ServiceContext, id: string): RegulationRecord {
  const regulation = ctx.repos.regulations.findById(id);
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

export function draftDetail(ctx: ServiceContext, id: string): DraftDetail {
  const draft = requireDraft(ctx, id);
  const regulations = ctx.repos.regulations.listedByDraft(id);
  return {
    ...draft,
    regulationCount: regulations.length,
    events: ctx.repos.events.listByDraft(id),
    regulations: regulations.map(({ regulation, summary }) => summarizeRegulation(regulation, draft.docType, summary)),
  };
}

export function regulationDetail(ctx: ServiceContext, id: string): RegulationDetail {
  const regulation = requireRegulation(ctx, id);
  const draft = requireDraft(ctx, regulation.draftId);
  return {
    ...regulation,
    opinions: ctx.repos.opinions.listByRegulation(id).map(({ regulationId: _regulationId, ...opinion }) => opinion),
    draftTitle: draft.title,
    docType: draft.docType,
    missing: missingComponents(draft.docType, regulation),
  };
}
