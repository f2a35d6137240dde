// Import and export of the `tthc-dossier` exchange format (EXCHANGE.md): validate everything first, then merge
// in one transaction following who owns what; an import never deletes and never silently overwrites. Incoming
// changes it may not apply wait as conflicts for a person to accept or reject; both values are kept either way.
import type { ApiParsedInput, ConflictKind, ImportConflict, ImportReport } from '../../shared/contract/api';
import { draftFieldsSchema } from '../../shared/contract/api';
import { ApiError, type FieldProblem } from '../../shared/contract/errors';
import { validateDossier } from '../../shared/domain/dossierChecks';
import {
  DOSSIER_FORMAT,
  DOSSIER_VERSION,
  dossierSchema,
  draftSchema,
  READABLE_DOSSIER_VERSIONS,
  opinionResponseSchema,
  opinionSchema,
  regulationSchema,
  uuid,
  type Dossier,
  type Draft,
  type Opinion,
  type OpinionResponse,
  type Regulation,
} from '../../shared/domain/dossier';
import { opinionIsIssued, stageSubmittedBy } from '../../shared/domain/opinionRules';
import { opinionKind, responseKind, WRITE_RULES } from '../../shared/domain/permissions';
import type { DraftStatus, OpinionStage, Role } from '../../shared/domain/vocabulary';
import { TRANSITIONS } from '../../shared/domain/workflow';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { DraftRecord } from '../../db/sqlite/draftsRepository';
import type { RegulationRecord } from '../../db/sqlite/regulationsRepository';
import { sameData } from './canonicalJson';
import type { FindingDecisionRecord } from '../../shared/domain/review/decisions';
import type { ServiceContext } from './context';
import { readHourlyIncomeByYear, readProfile, readSavedProfile, saveHourlyIncomeByYear } from './settingsService';
import { requireDraft, requireRegulation } from './views';
import { takeRound } from './workflowState';

/** Whose copy wins in a merge: the owner each kind of data has in the one permission table. */
const DRAFT_OWNER = WRITE_RULES.draft.owner;
const REGULATION_OWNER = WRITE_RULES.regulation.owner;
const opinionOwner = (stage: OpinionStage): Role => WRITE_RULES[opinionKind(stage)].owner;
const responseOwner = (stage: OpinionStage): Role => WRITE_RULES[responseKind(stage)].owner;
const ROLE_NAME_VI: Record<Role, string> = {
  drafter: 'cơ quan chủ trì soạn thảo',
  appraiser: 'cơ quan thẩm định',
  reviewer: 'Văn phòng Chính phủ (thẩm tra)',
};
const LABELS = vocabularyMessages.vi;

type Counts = ImportReport['added'];
const zeroCounts = (): Counts => ({ drafts: 0, regulations: 0, opinions: 0, events: 0 });

function draftOwnedFields(draft: Pick<Draft, 'docType' | 'title' | 'draftingAgency' | 'submittedToGovernment'>) {
  return {
    docType: draft.docType,
    title: draft.title,
    draftingAgency: draft.draftingAgency,
    submittedToGovernment: draft.submittedToGovernment,
  };
}

function regulationOwnedFields(regulation: Omit<Regulation, 'opinions'>) {
  const { id: _id, ...rest } = regulation;
  return rest;
}

const latestEventTime = (events: ReadonlyArray<{ at: string }>): number =>
  events.reduce((latest, event) => Math.max(latest, Date.parse(event.at)), Number.NEGATIVE_INFINITY);

const eventKey = (event: { at: string; action: string; actor: string }): string => `${event.at}|${event.action}|${event.actor}`;

/** History is not replayed on import, but an event must be one its role can take at all (a drafter never appraises). */
function eventRoleProblems(dossier: Dossier): FieldProblem[] {
  return dossier.drafts.flatMap((draft, draftIndex) =>
    draft.events.flatMap((event, eventIndex) => {
      const allowed = [...new Set(TRANSITIONS.filter((transition) => transition.action === event.action).flatMap((t) => t.roles))];
      if (allowed.includes(event.role)) return [];
      return [
        {
          path: `drafts[${draftIndex}].events[${eventIndex}].role`,
          message: `vai trò «${LABELS.role[event.role]}» không được thực hiện «${LABELS.action[event.action]}»; chỉ ${allowed.map((role) => `«${LABELS.role[role]}»`).join(' hoặc ')} được thực hiện`,
        },
      ];
    }),
  );
}

/** Checks that need the database (ids used twice within the file are refused by validateDossier): ids that belong elsewhere, opinions on nothing. */
function crossReferenceProblems(ctx: ServiceContext, dossier: Dossier): FieldProblem[] {
  const problems: FieldProblem[] = eventRoleProblems(dossier);
  dossier.drafts.forEach((draft, draftIndex) => {
    const draftIsHere = ctx.repos.drafts.findById(draft.id) !== undefined;
    draft.regulations.forEach((regulation, regulationIndex) => {
      const path = `drafts[${draftIndex}].regulations[${regulationIndex}]`;
      const stored = ctx.repos.regulations.findById(regulation.id) ?? ctx.repos.regulations.findTrashed(regulation.id);
      if (stored && stored.draftId !== draft.id) {
        problems.push({ path: `${path}.id`, message: `mã ${regulation.id} đã thuộc một dự thảo khác trong cơ sở dữ liệu` });
      }
      // Only the drafter adds regulations to a draft we hold; an opinion from anyone else must be about one we have.
      if (!stored && draftIsHere && dossier.exportedBy.role !== REGULATION_OWNER && regulation.opinions.length > 0) {
        problems.push({
          path: `${path}.opinions`,
          message: `ý kiến cho TTHC/QĐKD «${regulation.name}» (mã ${regulation.id}) không có trong dự thảo «${draft.title}» tại cơ sở dữ liệu này`,
        });
      }
      regulation.opinions.forEach((opinion, opinionIndex) => {
        const opinionPath = `${path}.opinions[${opinionIndex}].id`;
        const storedOpinion = ctx.repos.opinions.findById(opinion.id);
        if (storedOpinion && storedOpinion.regulationId !== regulation.id) {
          problems.push({ path: opinionPath, message: `ý kiến ${opinion.id} đã thuộc một thủ tục khác trong cơ sở dữ liệu` });
        }
      });
    });
  });
  return problems;
}

/** A file of a version this app cannot read is refused on its version alone, before any of it is read. */
function unreadableVersionError(raw: unknown): ApiError | undefined {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return undefined;
  const { version } = raw;
  if ((READABLE_DOSSIER_VERSIONS as readonly unknown[]).includes(version)) return undefined;
  const message =
    typeof version === 'number' && version > DOSSIER_VERSION
      ? `tệp ở phiên bản ${version}, mới hơn phiên bản ${DOSSIER_VERSION} mà ứng dụng này đọc được; cần cập nhật ứng dụng`
      : `tệp ghi phiên bản ${JSON.stringify(version)}, không phải phiên bản nào của định dạng (${READABLE_DOSSIER_VERSIONS.join(', ')})`;
  return new ApiError('invalid_input', `Tệp hồ sơ không được đọc, không có gì được ghi: ${message}.`, [{ path: 'version', message }]);
}

export function parseDossier(raw: unknown): Dossier {
  const versionError = unreadableVersionError(raw);
  if (versionError) throw versionError;
  const checked = validateDossier(raw);
  if (!checked.ok) throw invalidFile(checked.problems);
  return checked.dossier;
}

const dossierHeaderSchema = dossierSchema.omit({ drafts: true });

const invalidFile = (problems: FieldProblem[]): ApiError =>
  new ApiError(
    'invalid_input',
    `Tệp hồ sơ không hợp lệ, không có gì được ghi: ${problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; ')}`,
    problems,
  );

// What a pending conflict holds, per kind: the value as it would be stored here.
const regulationValueSchema = regulationSchema.omit({ opinions: true }).extend({ draftId: uuid });
const opinionValueSchema = opinionSchema.omit({ response: true }).extend({ regulationId: uuid });
const responseValueSchema = opinionResponseSchema.extend({ opinionId: uuid });

/** One draft as exchanged, in a fixed handful of queries whatever its size (not one per regulation). */
function exportedDraft(ctx: ServiceContext, draft: Omit<DraftRecord, 'updatedAt'>): Draft {
  const responses = ctx.repos.responses.mapByDraft(draft.id);
  const opinions = new Map<string, Opinion[]>();
  for (const { regulationId, ...opinion } of ctx.repos.opinions.listByDraft(draft.id)) {
    const response = responses.get(opinion.id);
    const list = opinions.get(regulationId) ?? [];
    list.push(response ? { ...opinion, response } : opinion);
    opinions.set(regulationId, list);
  }
  const decisions = ctx.repos.findings.decisionsByDraft(draft.id);
  return {
    ...draft,
    events: ctx.repos.events.listByDraft(draft.id),
    regulations: ctx.repos.regulations.listByDraft(draft.id).map(({ draftId: _draftId, ...regulation }) => {
      const findingDecisions = decisions.get(regulation.id);
      return { ...regulation, opinions: opinions.get(regulation.id) ?? [], ...(findingDecisions ? { findingDecisions } : {}) };
    }),
  };
}

/** The drafts an export covers, every one checked to exist before anything is written. */
const exportedDraftRecords = (ctx: ServiceContext, draftIds: readonly string[] | undefined): DraftRecord[] =>
  draftIds ? draftIds.map((id) => requireDraft(ctx, id)) : ctx.repos.drafts.listAll();

/** Everything of a dossier but its drafts, which come last in the file. */
function dossierHeader(ctx: ServiceContext): Omit<Dossier, 'drafts'> {
  const profile = readProfile(ctx);
  const hourlyIncomeByYear = readHourlyIncomeByYear(ctx);
  return {
    format: DOSSIER_FORMAT,
    version: DOSSIER_VERSION,
    exportedAt: ctx.now(),
    exportedBy: { agency: profile.agency, role: profile.role },
    ...(Object.keys(hourlyIncomeByYear).length > 0 ? { settings: { hourlyIncomeByYear } } : {}),
  };
}

/** What `JSON.stringify([[value]], null, 2)` puts around the value's text (indented at a draft's depth in the file). */
const NESTED_OPENING = '[\n  [\n';
const NESTED_CLOSING = '\n  ]\n]';

/**
 * The dossier file, byte for byte the text of `JSON.stringify(exportDossier(input), null, 2)` plus a final newline,
 * made one draft at a time: a file of every draft never exists as one object or one string. Like exportDossier's
 * answer it is built from stored rows, validated when written, and not parsed again (OUTPUTS_BUILT_FROM_STORED_ROWS);
 * `checkEachDraft` (the tests' setting) parses every draft by the contract and refuses one it would change.
 * The drafts asked for are checked at once, before any text is made.
 */
export function dossierJsonText(
  ctx: ServiceContext,
  { draftIds }: ApiParsedInput<'exportDossier'>,
  { checkEachDraft = false }: { checkEachDraft?: boolean } = {},
): { draftCount: number; text: Generator<string> } {
  const drafts = exportedDraftRecords(ctx, draftIds);
  const checked = <T>(schema: { parse: (value: unknown) => unknown }, built: T): T => {
    if (checkEachDraft && !sameData(schema.parse(built), built)) throw new Error('the dossier export built more or other than its contract says');
    return built;
  };
  const header = JSON.stringify(checked(dossierHeaderSchema, dossierHeader(ctx)), null, 2);
  function* text(): Generator<string> {
    // The header's closing "\n}" makes way for the drafts, the last key of the file.
    yield `${header.slice(0, -2)},\n  "drafts": [`;
    for (const [index, { updatedAt: _updatedAt, ...draft }] of drafts.entries()) {
      // Nested two arrays deep, the draft is indented as it is in the file; the arrays' own brackets are cut off.
      const nested = JSON.stringify([[checked(draftSchema, exportedDraft(ctx, draft))]], null, 2);
      yield `${index === 0 ? '' : ','}\n${nested.slice(NESTED_OPENING.length, -NESTED_CLOSING.length)}`;
    }
    yield drafts.length === 0 ? ']\n}\n' : '\n  ]\n}\n';
  }
  return { draftCount: drafts.length, text: text() };
}

type Sender = Dossier['exportedBy'];
type Merge = { sender: Sender; receiverRole: Role | null; report: ImportReport };

export function createDossierService(ctx: ServiceContext) {
  /**
   * An incoming change is applied only when the sender owns the data and this installation does not: the owner's
   * own data is never overwritten by a file, and no one else's copy may replace the owner's.
   */
  const mayApply = (owner: Role, merge: Merge): boolean => merge.sender.role === owner && merge.receiverRole !== owner;

  function conflictMessage(what: string, owner: Role, merge: Merge): string {
    const why =
      merge.receiverRole === owner
        ? 'máy này là cơ quan quản lý dữ liệu đó'
        : `tệp do ${ROLE_NAME_VI[merge.sender.role]} gửi, không phải ${ROLE_NAME_VI[owner]}`;
    return `${what} do ${ROLE_NAME_VI[owner]} quản lý; bản trong tệp khác bản đang có và ${why}, nên chưa áp dụng — hãy chấp nhận hoặc từ chối.`;
  }

  /** Keeps the incoming value for a person to decide; the same change met again is not stored twice. */
  function holdConflict(
    merge: Merge,
    conflict: { draftId: string; kind: ConflictKind; entityId: string; path: string; message: string; incoming: unknown; current: unknown },
  ): void {
    const earlier = ctx.repos.conflicts.listByEntity(conflict.kind, conflict.entityId).find((known) => sameData(known.incoming, conflict.incoming));
    if (earlier && earlier.status !== 'pending') return; // already decided by a person
    merge.report.conflicts.push({ path: conflict.path, message: conflict.message });
    if (earlier) return;
    ctx.repos.conflicts.insert({
      ...conflict,
      id: ctx.newId(),
      senderAgency: merge.sender.agency,
      senderRole: merge.sender.role,
      receivedAt: ctx.now(),
    });
  }

  function mergeResponse(draftId: string, opinion: Opinion, response: OpinionResponse, path: string, merge: Merge): boolean {
    const opinionId = opinion.id;
    const owner = responseOwner(opinion.stage);
    const stored = ctx.repos.responses.findByOpinion(opinionId);
    if (stored && sameData(stored, response)) return false;
    if (!stored || mayApply(owner, merge)) {
      ctx.repos.responses.save(opinionId, response);
      return true;
    }
    holdConflict(merge, {
      draftId,
      kind: 'response',
      entityId: opinionId,
      path: `${path}.response`,
      message: conflictMessage('Ý kiến tiếp thu, giải trình', owner, merge),
      incoming: { ...response, opinionId },
      current: { ...stored, opinionId },
    });
    return false;
  }

  /** `status` is the draft's state here before this file (its row is updated after its regulations are merged). */
  function mergeOpinions(draftId: string, status: DraftStatus, regulationId: string, opinions: readonly Opinion[], path: string, merge: Merge): void {
    opinions.forEach((opinion, index) => {
      const { response, ...fields } = opinion;
      const opinionPath = `${path}.opinions[${index}]`;
      const stored = ctx.repos.opinions.findById(opinion.id);
      const owner = opinionOwner(opinion.stage);
      let changed = false;
      if (!stored) {
        ctx.repos.opinions.insert({ ...fields, regulationId });
        merge.report.added.opinions += 1;
      } else if (!sameData({ ...stored, regulationId }, { ...fields, regulationId })) {
        const issued = opinionIsIssued(stored.stage, status);
        if (mayApply(owner, merge) && !issued) {
          ctx.repos.opinions.save({ ...fields, regulationId });
          changed = true;
        } else {
          holdConflict(merge, {
            draftId,
            kind: 'opinion',
            entityId: opinion.id,
            path: opinionPath,
            message: issued
              ? `Ý kiến ${LABELS.stage[opinion.stage].toLowerCase()} này đã ban hành và được giữ nguyên; bản khác trong tệp chỉ được lưu lại để đối chiếu.`
              : conflictMessage(`Ý kiến ${LABELS.stage[opinion.stage].toLowerCase()}`, owner, merge),
            incoming: { ...fields, regulationId },
            current: stored,
          });
        }
      }
      if (response && mergeResponse(draftId, opinion, response, opinionPath, merge)) changed = changed || stored !== undefined;
      if (changed) merge.report.updated.opinions += 1;
    });
  }

  /**
   * A reviewer's decision on a finding is its role's: it is added when missing, and a newer one replaces an older one
   * unless this installation holds that role, whose own decisions an incoming file never overwrites.
   */
  function mergeFindingDecisions(regulationId: string, decisions: readonly FindingDecisionRecord[], merge: Merge): void {
    for (const decision of decisions) {
      const stored = ctx.repos.findings.decision(regulationId, decision.key);
      const newer = stored !== undefined && Date.parse(decision.at) > Date.parse(stored.at);
      if (!stored || (newer && stored.role !== merge.receiverRole)) ctx.repos.findings.decide({ ...decision, regulationId });
    }
  }

  function mergeRegulation(draftId: string, status: DraftStatus, draftWasHere: boolean, regulation: Regulation, path: string, merge: Merge): void {
    const { opinions, findingDecisions, ...owned } = regulation;
    const incoming: RegulationRecord = { ...owned, draftId };
    if (ctx.repos.regulations.findTrashed(regulation.id)) {
      // Put in the trash here by the drafter: a file neither brings it back nor loses what it says about it. Its
      // opinions merge as usual and wait in the trash with it; restoring it shows them.
      merge.report.conflicts.push({
        path,
        message: `TTHC/QĐKD «${regulation.name}» đang ở thùng rác tại máy này nên không được đưa trở lại; ý kiến kèm theo được lưu cùng nó. Khôi phục nó từ thùng rác nếu cần.`,
      });
      mergeOpinions(draftId, status, regulation.id, opinions, path, merge);
      return;
    }
    const stored = ctx.repos.regulations.findById(regulation.id);
    const now = ctx.now();
    const ownedChanged = stored !== undefined && !sameData(regulationOwnedFields(stored), regulationOwnedFields(incoming));
    if ((!stored && (!draftWasHere || merge.sender.role === REGULATION_OWNER)) || (ownedChanged && mayApply(REGULATION_OWNER, merge))) {
      if (stored) ctx.repos.regulations.update(incoming, now);
      else ctx.repos.regulations.insert(incoming, now);
      merge.report[stored ? 'updated' : 'added'].regulations += 1;
    } else if (!stored || ownedChanged) {
      holdConflict(merge, {
        draftId,
        kind: 'regulation',
        entityId: regulation.id,
        path,
        message: conflictMessage(stored ? 'Thành phần và đánh giá tác động' : 'Việc thêm TTHC/QĐKD vào dự thảo', REGULATION_OWNER, merge),
        incoming,
        current: stored ?? null,
      });
      if (!stored) return; // its opinions wait with it (the file was refused earlier if it had any)
    }
    mergeOpinions(draftId, status, regulation.id, opinions, path, merge);
    mergeFindingDecisions(regulation.id, findingDecisions ?? [], merge);
  }

  function mergeDraft(draft: Draft, path: string, merge: Merge): void {
    const stored = ctx.repos.drafts.findById(draft.id);
    const now = ctx.now();
    const { events, regulations, ...record } = draft;
    // The draft's own row is updated after its opinions are merged: an opinion is judged issued by the state the draft
    // had here before this file, so an opinion sent before its stage ruled can still be brought up to date.
    let updateDraft = () => {};
    if (!stored) {
      ctx.repos.drafts.insert(record, now);
      merge.report.added.drafts += 1;
    } else {
      const storedEvents = ctx.repos.events.listByDraft(draft.id);
      // Workflow state travels with the history: whoever holds the latest step knows the current state.
      const incomingIsNewer = latestEventTime(events) > latestEventTime(storedEvents);
      const ownedChanged = !sameData(draftOwnedFields(stored), draftOwnedFields(draft));
      const applyOwned = ownedChanged && mayApply(DRAFT_OWNER, merge);
      if (ownedChanged && !applyOwned) {
        holdConflict(merge, {
          draftId: draft.id,
          kind: 'draft',
          entityId: draft.id,
          path,
          message: conflictMessage('Thông tin dự thảo', DRAFT_OWNER, merge),
          incoming: draftOwnedFields(draft),
          current: draftOwnedFields(stored),
        });
      }
      const { updatedAt: _updatedAt, ...storedRecord } = stored;
      const next = {
        ...storedRecord,
        ...(applyOwned ? draftOwnedFields(draft) : {}),
        ...(incomingIsNewer ? { status: draft.status, issuedAt: draft.issuedAt } : {}),
      };
      updateDraft = () => {
        if (sameData(next, storedRecord)) return;
        ctx.repos.drafts.update(next, now);
        if (next.title !== stored.title) ctx.repos.regulations.reindexDraft(draft.id);
        merge.report.updated.drafts += 1;
      };
    }
    const known = new Set(ctx.repos.events.listByDraft(draft.id).map(eventKey));
    const added = new Set<string>();
    for (const event of events) {
      const key = eventKey(event);
      if (known.has(key)) continue;
      ctx.repos.events.append(draft.id, event);
      known.add(key);
      added.add(key);
      merge.report.added.events += 1;
    }
    const statusHere = stored?.status ?? record.status;
    regulations.forEach((regulation, index) =>
      mergeRegulation(draft.id, statusHere, stored !== undefined, regulation, `${path}.regulations[${index}]`, merge),
    );
    updateDraft();
    // A submission we learn of from the file opens a round here too, so this body can compare rounds later.
    const latestSubmission = ctx.repos.events.listByDraft(draft.id).findLast((event) => stageSubmittedBy(event.action));
    const submittedStage = latestSubmission && stageSubmittedBy(latestSubmission.action);
    if (latestSubmission && submittedStage && added.has(eventKey(latestSubmission))) {
      takeRound(ctx, draft.id, submittedStage, latestSubmission.at);
    }
  }

  /** Applies a conflict's incoming value; returns the value it replaced (null when there was none). */
  function applyConflict(conflict: ImportConflict): unknown {
    const now = ctx.now();
    switch (conflict.kind) {
      case 'draft': {
        const { updatedAt: _updatedAt, ...draft } = requireDraft(ctx, conflict.entityId);
        const incoming = draftFieldsSchema.parse(conflict.incoming);
        ctx.repos.drafts.update({ ...draft, ...incoming }, now);
        if (incoming.title !== draft.title) ctx.repos.regulations.reindexDraft(draft.id);
        return draftOwnedFields(draft);
      }
      case 'regulation': {
        const incoming = regulationValueSchema.parse(conflict.incoming);
        if (ctx.repos.regulations.findTrashed(incoming.id)) {
          throw new ApiError('conflict', `TTHC/QĐKD «${incoming.name}» đang ở thùng rác; hãy khôi phục nó trước khi chấp nhận thay đổi này.`);
        }
        const stored = ctx.repos.regulations.findById(incoming.id);
        if (stored) ctx.repos.regulations.update(incoming, now);
        else ctx.repos.regulations.insert(incoming, now);
        ctx.repos.drafts.touch(incoming.draftId, now);
        return stored ?? null;
      }
      case 'opinion': {
        const incoming = opinionValueSchema.parse(conflict.incoming);
        requireRegulation(ctx, incoming.regulationId);
        const stored = ctx.repos.opinions.findById(incoming.id);
        ctx.repos.opinions.save(incoming);
        return stored ?? null;
      }
      case 'response': {
        const { opinionId, ...response } = responseValueSchema.parse(conflict.incoming);
        if (!ctx.repos.opinions.findById(opinionId)) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
        const stored = ctx.repos.responses.findByOpinion(opinionId);
        ctx.repos.responses.save(opinionId, response);
        return stored ? { ...stored, opinionId } : null;
      }
    }
  }

  return {
    importDossier({ dossier: raw }: ApiParsedInput<'importDossier'>): ImportReport {
      const dossier = parseDossier(raw);
      const problems = crossReferenceProblems(ctx, dossier);
      if (problems.length > 0) throw invalidFile(problems);
      const report: ImportReport = { added: zeroCounts(), updated: zeroCounts(), conflicts: [] };
      ctx.db.transaction(() => {
        const merge: Merge = { sender: dossier.exportedBy, receiverRole: readSavedProfile(ctx)?.role ?? null, report };
        dossier.drafts.forEach((draft, index) => mergeDraft(draft, `drafts[${index}]`, merge));
        const incomingIncome = dossier.settings?.hourlyIncomeByYear;
        if (incomingIncome) {
          // The receiver's own figures win; the sender's fill only the years we do not have.
          saveHourlyIncomeByYear(ctx, { ...incomingIncome, ...readHourlyIncomeByYear(ctx) });
        }
      })();
      return report;
    },

    exportDossier({ draftIds }: ApiParsedInput<'exportDossier'>): Dossier {
      const drafts = exportedDraftRecords(ctx, draftIds);
      return { ...dossierHeader(ctx), drafts: drafts.map(({ updatedAt: _updatedAt, ...draft }) => exportedDraft(ctx, draft)) };
    },

    listConflicts({ draftId, status }: ApiParsedInput<'listConflicts'>): { items: ImportConflict[] } {
      return { items: ctx.repos.conflicts.list({ draftId, status }) };
    },

    resolveConflict({ id, decision }: ApiParsedInput<'resolveConflict'>): ImportConflict {
      ctx.db.transaction(() => {
        const conflict = ctx.repos.conflicts.findById(id);
        if (!conflict) throw new ApiError('not_found', `Không tìm thấy xung đột có mã ${id}.`);
        if (conflict.status !== 'pending') {
          throw new ApiError('conflict', `Xung đột này đã được xử lý (${conflict.status === 'accepted' ? 'đã chấp nhận' : 'đã từ chối'}).`);
        }
        // Rejecting keeps the incoming value on record; accepting keeps the value it replaced.
        const replaced = decision === 'accept' ? applyConflict(conflict) : conflict.current;
        ctx.repos.conflicts.resolve(id, decision === 'accept' ? 'accepted' : 'rejected', ctx.now(), replaced);
      })();
      return ctx.repos.conflicts.findById(id) as ImportConflict;
    },
  };
}
