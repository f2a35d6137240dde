// The review workflow: each transition is checked by the pure state machine (shared/domain/workflow.ts), the role is
// enforced again here whatever the UI showed, and the status change, the event and the round copy are written in one
// transaction.
import type { ApiParsedInput, WorkflowView } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { WorkflowEvent } from '../../shared/domain/dossier';
import { stageSubmittedBy } from '../../shared/domain/opinionRules';
import type { Role } from '../../shared/domain/vocabulary';
import { applyTransition } from '../../shared/domain/workflow';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { Repositories } from '../../db/port';
import { readActingPerson } from './actingPerson';
import { requireUnheldDraft } from './writeGuard';
import { versionOf, writeOnVersion } from './revisions';
import type { ServiceContext } from './context';
import { writeIncomingDocument } from './incomingDocuments';
import { readSavedProfile } from './settingsService';
import { requireDraft, requireRegulation } from './views';
import { workflowSnapshot } from './workflowState';

/**
 * A new step comes strictly after every known one, even when another agency's clock ran ahead of ours: history stays
 * in order, and an import can tell the newer history by its latest step.
 */
function eventTime(now: string, events: readonly WorkflowEvent[]): string {
  const latest = events.reduce((max, event) => Math.max(max, Date.parse(event.at)), Number.NEGATIVE_INFINITY);
  return Date.parse(now) > latest ? now : new Date(latest + 1).toISOString();
}

export async function workflowView(repos: Repositories, draftId: string): Promise<WorkflowView> {
  const draft = await requireDraft(repos, draftId);
  const events = await repos.events.listByDraft(draftId);
  return {
    draftId,
    snapshot: await workflowSnapshot(repos, draft, events),
    role: (await readSavedProfile(repos))?.role ?? null,
    events,
    rounds: await repos.rounds.listRounds(draftId),
  };
}

/** The role and officer a call acts as: the ones given (the CLI's --as / --actor), else this installation's profile. */
async function actingAs(repos: Repositories, role: Role | undefined, actor: string | undefined): Promise<{ role: Role; actor: string }> {
  // On the team server the signed-in person takes the step, in the role this call acts in: nobody names another.
  const person = await readActingPerson(repos);
  if (person && role !== undefined && role !== person.role) {
    throw new ApiError('forbidden', `Bạn đang làm việc với vai trò «${vocabularyMessages.vi.role[person.role]}»; hãy chọn vai trò khác ở đầu trang rồi thực hiện.`);
  }
  if (person && actor !== undefined && actor.trim() !== person.fullName) {
    throw new ApiError('forbidden', `Trên máy chủ của đơn vị, mỗi bước ghi tên người đăng nhập (${person.fullName}); không ghi thay người khác.`);
  }
  const profile = await readSavedProfile(repos);
  const actingRole = role ?? profile?.role;
  if (!actingRole) {
    throw new ApiError('forbidden', 'Chưa khai báo cơ quan và vai trò của máy này (mục Cài đặt), nên không biết ai thực hiện thao tác.');
  }
  const actingOfficer = actor ?? profile?.officerName;
  if (!actingOfficer) {
    throw new ApiError('invalid_input', 'Cần ghi tên người thực hiện (--actor) vì máy này chưa khai báo cán bộ.', [
      { path: 'actor', message: 'không được để trống' },
    ]);
  }
  return { role: actingRole, actor: actingOfficer };
}

export function createWorkflowService(ctx: ServiceContext) {
  return {
    getWorkflow({ draftId }: ApiParsedInput<'getWorkflow'>): Promise<WorkflowView> {
      return ctx.read((repos) => workflowView(repos, draftId));
    },

    async transition({ draftId, action, note, issuedAt, as, actor, incoming }: ApiParsedInput<'transition'>): Promise<WorkflowView> {
      // The submission's own document goes with a submission only: asked of any other step, it would be lost.
      if (incoming && !stageSubmittedBy(action)) {
        throw new ApiError('invalid_input', 'Văn bản gửi kèm hồ sơ (tờ trình, công văn) chỉ ghi khi trình thẩm định hoặc thẩm tra.', [{ path: 'incoming', message: 'chỉ ghi khi trình' }]);
      }
      return ctx.tx(async (repos) => {
        const draft = await requireUnheldDraft(repos, draftId);
        const acting = await actingAs(repos, as, actor);
        const events = await repos.events.listByDraft(draftId);
        const at = eventTime(ctx.now(), events);
        const result = applyTransition(await workflowSnapshot(repos, draft, events), action, acting.role, {
          actor: acting.actor,
          at,
          note,
          issuedAt,
        });
        // The rule's id follows its wording so scripts calling the CLI can tell refusals apart.
        if (!result.ok) throw new ApiError('forbidden', result.message, [], result.rule);
        const { updatedAt: _updatedAt, ...record } = draft;
        // On the version read above: a change that slipped in since (another server's writer) refuses this one.
        const moved = { record: 'draft', id: draftId, yourVersion: await versionOf(repos, 'draft', draftId), at, by: acting.actor } as const;
        await writeOnVersion(repos, moved, (edit) => repos.drafts.update({ ...record, status: result.status, issuedAt: result.issuedAt }, edit));
        await repos.events.append(draftId, result.event);
        // A submission keeps every regulation of the draft as it is now as the next round of its stage.
        const submittedStage = stageSubmittedBy(action);
        if (submittedStage) await repos.rounds.addRound(draftId, submittedStage, at);
        if (submittedStage && incoming) await writeIncomingDocument(repos, draftId, submittedStage, incoming);
        return workflowView(repos, draftId);
      });
    },

    listRegulationRounds({ regulationId }: ApiParsedInput<'listRegulationRounds'>) {
      return ctx.read(async (repos) => {
        const regulation = await requireRegulation(repos, regulationId);
        return { rounds: await repos.rounds.listRegulationRounds(regulation.draftId, regulationId) };
      });
    },
  };
}
