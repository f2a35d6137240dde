// Opinions per regulation per stage and the drafter's responses. Only the body of a stage writes its opinions, and
// only while the draft is in its hands; opinions of earlier rounds are kept as they were (shared/domain/opinionRules.ts).
import type { ApiParsedInput, OpinionView, Profile } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { MAXIMA } from '../../shared/domain/bounds';
import type { Opinion } from '../../shared/domain/dossier';
import {
  answerableStage,
  inCurrentRound,
  opinionAnswerRefusal,
  opinionWriteRefusal,
  roundOpenings,
  writableStage,
  type RoundOpenings,
} from '../../shared/domain/opinionRules';
import { slateToPlainText, withoutEmptyListItems } from '../../shared/domain/richText';
import type { OpinionStage } from '../../shared/domain/vocabulary';
import { formatInteger } from '../../shared/i18n/format';
import type { DraftRecord } from '../../db/sqlite/draftsRepository';
import type { ServiceContext } from './context';
import { readSavedProfile } from './settingsService';
import { requireDraft, requireRegulation } from './views';
import { opinionsOf } from './workflowState';

type Permissions = { writableStage: OpinionStage | null; respondableStage: OpinionStage | null };

function requireProfile(ctx: ServiceContext): Profile {
  const profile = readSavedProfile(ctx);
  if (!profile) throw new ApiError('forbidden', 'Chưa khai báo cơ quan và vai trò của máy này (mục Cài đặt).');
  return profile;
}

function permissions(ctx: ServiceContext, draft: DraftRecord): Permissions {
  const role = readSavedProfile(ctx)?.role;
  return {
    writableStage: role ? writableStage(role, draft.status) : null,
    respondableStage: role ? answerableStage(role, draft.status) : null,
  };
}

const toView = (opinion: Opinion, openings: RoundOpenings): OpinionView => ({
  ...opinion,
  currentRound: inCurrentRound(opinion, openings),
});

export function createOpinionsService(ctx: ServiceContext) {
  const openingsOf = (draftId: string): RoundOpenings => roundOpenings(ctx.repos.events.listByDraft(draftId));

  function opinionView(opinionId: string): OpinionView {
    const stored = ctx.repos.opinions.findById(opinionId);
    if (!stored) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
    const { regulationId, ...opinion } = stored;
    const response = ctx.repos.responses.findByOpinion(opinionId);
    return toView(response ? { ...opinion, response } : opinion, openingsOf(requireRegulation(ctx, regulationId).draftId));
  }

  return {
    getRegulationOpinions({ regulationId }: ApiParsedInput<'getRegulationOpinions'>) {
      const regulation = requireRegulation(ctx, regulationId);
      const draft = requireDraft(ctx, regulation.draftId);
      const openings = openingsOf(draft.id);
      return {
        regulationId,
        ...permissions(ctx, draft),
        opinions: opinionsOf(ctx, regulationId).map((opinion) => toView(opinion, openings)),
      };
    },

    getDraftOpinions({ draftId }: ApiParsedInput<'getDraftOpinions'>) {
      const draft = requireDraft(ctx, draftId);
      const openings = openingsOf(draftId);
      return {
        ...permissions(ctx, draft),
        regulations: ctx.repos.regulations.listByDraft(draftId).map((regulation) => ({
          id: regulation.id,
          name: regulation.name,
          opinions: opinionsOf(ctx, regulation.id).map((opinion) => toView(opinion, openings)),
        })),
      };
    },

    saveOpinion(input: ApiParsedInput<'saveOpinion'>): OpinionView {
      const id = input.id ?? ctx.newId();
      ctx.db.transaction(() => {
        const regulation = requireRegulation(ctx, input.regulationId);
        const draft = requireDraft(ctx, regulation.draftId);
        const profile = requireProfile(ctx);
        const refusal = opinionWriteRefusal(profile.role, draft.status, input.stage);
        if (refusal) throw new ApiError('forbidden', refusal);
        const openings = openingsOf(draft.id);
        const stored = input.id ? ctx.repos.opinions.findById(input.id) : undefined;
        if (stored && (stored.regulationId !== regulation.id || stored.stage !== input.stage)) {
          throw new ApiError('invalid_input', 'Ý kiến này thuộc một TTHC hoặc một giai đoạn khác.', [{ path: 'id', message: 'không khớp' }]);
        }
        if (stored && !inCurrentRound(stored, openings)) {
          throw new ApiError('forbidden', 'Ý kiến của vòng trước được giữ nguyên như đã ban hành; hãy viết ý kiến mới cho vòng này.');
        }
        const issuedAt = input.issuedAt ?? ctx.now().slice(0, 10);
        const opened = openings[input.stage];
        const body = withoutEmptyListItems(input.body);
        const text = slateToPlainText(body).trim();
        const problems = [
          ...(opened !== null && issuedAt < opened
            ? [{ path: 'issuedAt', message: `không được trước ngày gửi dự thảo của vòng này (${opened})` }]
            : []),
          ...(text === '' ? [{ path: 'body', message: 'nội dung ý kiến không được để trống' }] : []),
          // The plain text travels in the dossier beside the body, so it must fit the format's bound too.
          ...(text.length > MAXIMA.textLength ? [{ path: 'body', message: `nội dung ý kiến dài quá ${formatInteger(MAXIMA.textLength)} ký tự` }] : []),
          ...(input.verdict === 'amend' && input.components.length === 0
            ? [{ path: 'components', message: 'đề nghị sửa đổi, bổ sung phải chọn ít nhất một bộ phận cần sửa' }]
            : []),
        ];
        if (problems.length > 0) {
          throw new ApiError('invalid_input', `Ý kiến chưa lưu được: ${problems.map((problem) => problem.message).join('; ')}.`, problems);
        }
        ctx.repos.opinions.save({
          id,
          regulationId: regulation.id,
          stage: input.stage,
          verdict: input.verdict,
          issuedAt,
          by: profile.agency,
          // The checklist of components to fix belongs to an "amend" verdict only.
          ...(input.verdict === 'amend' ? { components: input.components } : {}),
          text,
          body,
        });
        ctx.repos.drafts.touch(draft.id, ctx.now());
      })();
      return opinionView(id);
    },

    respondToOpinion({ opinionId, decision, text }: ApiParsedInput<'respondToOpinion'>): OpinionView {
      ctx.db.transaction(() => {
        const opinion = ctx.repos.opinions.findById(opinionId);
        if (!opinion) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
        const regulation = requireRegulation(ctx, opinion.regulationId);
        const draft = requireDraft(ctx, regulation.draftId);
        const refusal = opinionAnswerRefusal(requireProfile(ctx).role, draft.status, opinion.stage);
        if (refusal) throw new ApiError('forbidden', refusal);
        if (!inCurrentRound(opinion, openingsOf(draft.id))) {
          throw new ApiError('forbidden', 'Ý kiến này thuộc vòng trước; chỉ tiếp thu, giải trình ý kiến của vòng hiện tại.');
        }
        const now = ctx.now();
        ctx.repos.responses.save(opinionId, { decision, text, at: now });
        ctx.repos.drafts.touch(draft.id, now);
      })();
      return opinionView(opinionId);
    },
  };
}
