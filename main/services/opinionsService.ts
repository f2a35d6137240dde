// Opinions per regulation per stage and the drafter's responses. Only the body of a stage writes its opinions, and
// only while the draft is in its hands; opinions of earlier rounds are kept as they were (shared/domain/opinionRules.ts).
import type { ApiParsedInput, OpinionView, Profile } from '../../shared/contract/api';
import { ApiError, echoed } from '../../shared/contract/errors';
import { MAXIMA } from '../../shared/domain/bounds';
import type { Opinion } from '../../shared/domain/dossier';
import {
  answerableStage,
  inCurrentRound,
  roundOpenings,
  standingOpinion,
  writableStage,
  type RoundOpenings,
} from '../../shared/domain/opinionRules';
import { opinionKind, responseKind } from '../../shared/domain/permissions';
import { holdsKeptElement, slateToPlainText, withoutEmptyListItems } from '../../shared/domain/richText';
import type { OpinionStage } from '../../shared/domain/vocabulary';
import { formatInteger } from '../../shared/i18n/format';
import type { DraftRecord, OpinionRecord, Repositories, Revision } from '../../db/port';
import type { ServiceContext } from './context';
import { actingOfficer, conflictError, writeVersioned, writeVersionedOrFirst } from './revisions';
import { readSavedProfile } from './settingsService';
import { requireWritable } from './writeGuard';
import { requireDraft, requireDraftForWrite, requireRegulation } from './views';
import { opinionsOf, opinionsOfDraft } from './workflowState';

type Permissions = { writableStage: OpinionStage | null; respondableStage: OpinionStage | null };

async function requireProfile(repos: Repositories): Promise<Profile> {
  const profile = await readSavedProfile(repos);
  if (!profile) throw new ApiError('forbidden', 'Chưa khai báo cơ quan và vai trò của máy này (mục Cài đặt).');
  return profile;
}

async function permissions(repos: Repositories, draft: DraftRecord): Promise<Permissions> {
  const role = (await readSavedProfile(repos))?.role;
  return {
    writableStage: role ? writableStage(role, draft.status) : null,
    respondableStage: role ? answerableStage(role, draft.status) : null,
  };
}

const toView = (opinion: Opinion, openings: RoundOpenings, versions: Versions): OpinionView => ({
  ...opinion,
  version: versions.opinions.get(opinion.id)?.version ?? 1,
  ...(opinion.response ? { responseVersion: versions.responses.get(opinion.id)?.version ?? 1 } : {}),
  currentRound: inCurrentRound(opinion, openings),
});

type WrittenOpinion = Omit<OpinionRecord, 'id' | 'regulationId' | 'by'>;

/** The stored fields of an opinion as written, or the Vietnamese reasons it cannot be (one rule for one or many). */
function writtenOpinion(
  input: Pick<ApiParsedInput<'saveOpinion'>, 'stage' | 'verdict' | 'components' | 'body' | 'issuedAt'>,
  opened: string | null,
  now: string,
): WrittenOpinion {
  const issuedAt = input.issuedAt ?? now.slice(0, 10);
  const body = withoutEmptyListItems(input.body);
  const text = slateToPlainText(body).trim();
  const problems = [
    ...(opened !== null && issuedAt < opened ? [{ path: 'issuedAt', message: `không được trước ngày gửi dự thảo của vòng này (${opened})` }] : []),
    // A node of a newer version is content even without words (it may be a picture), as the dossier import takes it.
    ...(text === '' && !body.some(holdsKeptElement) ? [{ path: 'body', message: 'nội dung ý kiến không được để trống' }] : []),
    // The plain text travels in the dossier beside the body, so it must fit the format's bound too.
    ...(text.length > MAXIMA.textLength ? [{ path: 'body', message: `nội dung ý kiến dài quá ${formatInteger(MAXIMA.textLength)} ký tự` }] : []),
    ...(input.verdict === 'amend' && input.components.length === 0
      ? [{ path: 'components', message: 'đề nghị sửa đổi, bổ sung phải chọn ít nhất một bộ phận cần sửa' }]
      : []),
  ];
  if (problems.length > 0) {
    throw new ApiError('invalid_input', `Ý kiến chưa lưu được: ${problems.map((problem) => problem.message).join('; ')}.`, problems);
  }
  return {
    stage: input.stage,
    verdict: input.verdict,
    issuedAt,
    // The checklist of components to fix belongs to an "amend" verdict only.
    ...(input.verdict === 'amend' ? { components: input.components } : {}),
    text,
    body,
  };
}

/** The stored version of each opinion and of each answer to one, by opinion id. */
type Versions = { opinions: ReadonlyMap<string, Revision>; responses: ReadonlyMap<string, Revision> };
const versionsOf = async (repos: Repositories, opinions: readonly Opinion[]): Promise<Versions> => {
  const ids = opinions.map((opinion) => opinion.id);
  return { opinions: await repos.revisions.of('opinion', ids), responses: await repos.revisions.of('response', ids.filter((_, index) => opinions[index]!.response)) };
};

export function createOpinionsService(ctx: ServiceContext) {
  const openingsOf = async (repos: Repositories, draftId: string): Promise<RoundOpenings> => roundOpenings(await repos.events.listByDraft(draftId));

  async function opinionView(repos: Repositories, opinionId: string): Promise<OpinionView> {
    const stored = await repos.opinions.findById(opinionId);
    if (!stored) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
    const { regulationId, ...opinion } = stored;
    const response = await repos.responses.findByOpinion(opinionId);
    const openings = await openingsOf(repos, (await requireRegulation(repos, regulationId)).draftId);
    const answered = response ? { ...opinion, response } : opinion;
    return toView(answered, openings, await versionsOf(repos, [answered]));
  }

  return {
    getRegulationOpinions({ regulationId }: ApiParsedInput<'getRegulationOpinions'>) {
      return ctx.read(async (repos) => {
        const regulation = await requireRegulation(repos, regulationId);
        const draft = await requireDraft(repos, regulation.draftId);
        const openings = await openingsOf(repos, draft.id);
        const opinions = await opinionsOf(repos, regulationId);
        const versions = await versionsOf(repos, opinions);
        return {
          regulationId,
          ...(await permissions(repos, draft)),
          opinions: opinions.map((opinion) => toView(opinion, openings, versions)),
        };
      });
    },

    getDraftOpinions({ draftId }: ApiParsedInput<'getDraftOpinions'>) {
      return ctx.read(async (repos) => {
        const draft = await requireDraft(repos, draftId);
        const openings = await openingsOf(repos, draftId);
        const opinions = await opinionsOfDraft(repos, draftId);
        const regulations = await repos.regulations.listByDraft(draftId);
        const versions = await versionsOf(repos, regulations.flatMap((regulation) => opinions(regulation.id)));
        return {
          ...(await permissions(repos, draft)),
          regulations: regulations.map((regulation) => ({
            id: regulation.id,
            name: regulation.name,
            opinions: opinions(regulation.id).map((opinion) => toView(opinion, openings, versions)),
          })),
        };
      });
    },

    saveOpinion(input: ApiParsedInput<'saveOpinion'>): Promise<OpinionView> {
      const id = input.id ?? ctx.newId();
      return ctx.tx(async (repos) => {
        const regulation = await requireRegulation(repos, input.regulationId);
        const { draft, copyOut } = await requireDraftForWrite(repos, regulation.draftId);
        const profile = await requireProfile(repos);
        await requireWritable(repos, draft, opinionKind(input.stage), { copyOut });
        const openings = await openingsOf(repos, draft.id);
        const stored = input.id ? await repos.opinions.findById(input.id) : undefined;
        if (stored && (stored.regulationId !== regulation.id || stored.stage !== input.stage)) {
          throw new ApiError('invalid_input', 'Ý kiến này thuộc một TTHC hoặc một giai đoạn khác.', [{ path: 'id', message: 'không khớp' }]);
        }
        if (stored && !inCurrentRound(stored, openings)) {
          throw new ApiError('forbidden', 'Ý kiến của vòng trước được giữ nguyên như đã ban hành; hãy viết ý kiến mới cho vòng này.');
        }
        const written = writtenOpinion(input, openings[input.stage], ctx.now());
        const opinion = { id, regulationId: regulation.id, by: profile.agency, ...written };
        const at = ctx.now();
        if (stored) {
          // The contract asks for the version with the id; an edit without one was made on no version we know.
          await writeVersioned(repos, { record: 'opinion', id, yourVersion: input.version ?? 0, at }, (edit) => repos.opinions.save(opinion, edit));
        } else {
          await repos.opinions.save(opinion, { at, by: await actingOfficer(repos) });
        }
        await repos.drafts.touch(draft.id, ctx.now());
        return opinionView(repos, id);
      });
    },

    saveOpinions(input: ApiParsedInput<'saveOpinions'>): Promise<{ saved: number }> {
      return ctx.tx(async (repos) => {
        const { draft, copyOut } = await requireDraftForWrite(repos, input.draftId);
        const profile = await requireProfile(repos);
        await requireWritable(repos, draft, opinionKind(input.stage), { copyOut });
        const openings = await openingsOf(repos, draft.id);
        const written = writtenOpinion(input, openings[input.stage], ctx.now());
        const regulations = new Map((await repos.regulations.listByDraft(draft.id)).map((regulation) => [regulation.id, regulation]));
        const opinions = await opinionsOfDraft(repos, draft.id);
        if (new Set(input.regulations.map((chosen) => chosen.regulationId)).size !== input.regulations.length) {
          throw new ApiError('invalid_input', 'Một TTHC/QĐKD được chọn hai lần.', [{ path: 'regulations', message: 'trùng' }]);
        }
        const versions = await versionsOf(repos, input.regulations.flatMap((chosen) => opinions(chosen.regulationId)));
        const records: { opinion: OpinionRecord; onVersion: number | null }[] = [];
        const stale: string[] = [];
        const replacedVersion = new Map<string, { regulationName: string; version: number }>();
        for (const { regulationId, replaces } of input.regulations) {
          const regulation = regulations.get(regulationId);
          if (!regulation) throw new ApiError('not_found', `Dự thảo không có TTHC/QĐKD có mã ${regulationId} (có thể đã bị xóa).`);
          const standing = standingOpinion(
            opinions(regulationId).map((opinion) => toView(opinion, openings, versions)),
            input.stage,
          );
          if ((standing?.id ?? null) !== (replaces?.id ?? null)) stale.push(regulation.name);
          else {
            records.push({ opinion: { id: replaces?.id ?? ctx.newId(), regulationId, by: profile.agency, ...written }, onVersion: replaces?.version ?? null });
            if (replaces) replacedVersion.set(replaces.id, { regulationName: regulation.name, version: replaces.version });
          }
        }
        if (stale.length > 0) {
          throw new ApiError(
            'conflict',
            `Chưa lưu ý kiến nào: ý kiến về ${formatInteger(stale.length)} TTHC/QĐKD vừa được người khác sửa (${stale.map((name) => `«${echoed(name)}»`).join(', ')}). Hãy tải lại rồi chọn lại.`,
          );
        }
        // Each replaced opinion is written only on the version it was read at: an edit since, seen here or slipping
        // in before the write, refuses the whole call, naming that opinion.
        const editedSince = async (id: string) => {
          const { regulationName, version } = replacedVersion.get(id)!;
          const current = (await repos.revisions.of('opinion', [id])).get(id);
          if (!current) throw new ApiError('conflict', `Chưa lưu ý kiến nào: ý kiến về «${echoed(regulationName)}» vừa bị xóa. Hãy tải lại rồi chọn lại.`);
          return conflictError('opinion', id, version, current, regulationName);
        };
        for (const [id, { version }] of replacedVersion) if (versions.opinions.get(id)?.version !== version) throw await editedSince(id);
        const unwritten = await repos.opinions.saveMany(records, { at: ctx.now(), by: await actingOfficer(repos) });
        if (unwritten.length > 0) throw await editedSince(unwritten[0]!);
        await repos.drafts.touch(draft.id, ctx.now());
        return { saved: records.length };
      });
    },

    respondToOpinion({ opinionId, version, decision, text }: ApiParsedInput<'respondToOpinion'>): Promise<OpinionView> {
      return ctx.tx(async (repos) => {
        const opinion = await repos.opinions.findById(opinionId);
        if (!opinion) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
        const regulation = await requireRegulation(repos, opinion.regulationId);
        const { draft, copyOut } = await requireDraftForWrite(repos, regulation.draftId);
        await requireProfile(repos);
        await requireWritable(repos, draft, responseKind(opinion.stage), { copyOut });
        if (!inCurrentRound(opinion, await openingsOf(repos, draft.id))) {
          throw new ApiError('forbidden', 'Ý kiến này thuộc vòng trước; chỉ tiếp thu, giải trình ý kiến của vòng hiện tại.');
        }
        const now = ctx.now();
        // Written only on the answer it was read at (issue 21 item 4): a second answer over one saved since is a conflict.
        // No version: the officer saw no answer, so one given since is a conflict too.
        const response = { decision, text, at: now };
        await writeVersionedOrFirst(repos, { record: 'response', id: opinionId, yourVersion: version, at: now }, (edit) => repos.responses.answer(opinionId, response, edit));
        await repos.drafts.touch(draft.id, now);
        return opinionView(repos, opinionId);
      });
    },
  };
}
