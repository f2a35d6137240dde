// Import and export of the `tthc-dossier` exchange format (EXCHANGE.md): validate everything first, then merge
// in one transaction following who owns what; an import never deletes and never silently overwrites. Incoming
// changes it may not apply wait as conflicts for a person to accept or reject; both values are kept either way.
// Both directions go page by page of drafts, each page one call to the store (repos.exchange), never one per row.
import type { ApiOutput, ApiParsedInput, ConflictKind, ImportConflict, ImportReport } from '../../shared/contract/api';
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
  type WorkflowEvent,
} from '../../shared/domain/dossier';
import { inContractKeyOrder } from '../../shared/domain/contractKeyOrder';
import { opinionIsIssued, stageSubmittedBy } from '../../shared/domain/opinionRules';
import { methodLimitsFollowingProcedure } from '../../shared/domain/methodTerms';
import { OFFLINE_ONLY_ON_TEAM_SERVER, opinionKind, responseKind, WRITE_RULES, writeRefusal, type DataKind } from '../../shared/domain/permissions';
import type { DraftStatus, OpinionStage, Role } from '../../shared/domain/vocabulary';
import { replayHistory } from '../../shared/domain/workflow';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { DraftRecord, ImportWrite, IncomingIds, OpinionRecord, RegulationRecord, Repositories, StoredDraftContents, StoredForMerge, StoredReferences } from '../../db/port';
import { sameData } from './canonicalJson';
import type { FindingDecisionRecord } from '../../shared/domain/review/decisions';
import type { ServiceContext } from './context';
import { formatVietnameseDateTime } from '../signing/signingTime';
import { readActingPerson } from './actingPerson';
import { PreparedDossier } from './preparedDossier';
import { actingOfficer } from './revisions';
import { recordRegulationMove } from './safekeepingService';
import { readHourlyIncomeByYear, readProfile, readSavedProfile, saveHourlyIncomeByYear } from './settingsService';
import { requireDraft, requireRegulation } from './views';
import { requireWritableDraft } from './writeGuard';

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

/** Drafts exported, or merged on import, per call to the store: a page is held in memory at a time. */
export const DRAFTS_PER_PAGE = 100;

function* pages<T>(items: readonly T[]): Generator<{ start: number; page: T[] }> {
  for (let start = 0; start < items.length; start += DRAFTS_PER_PAGE) yield { start, page: items.slice(start, start + DRAFTS_PER_PAGE) };
}

/** The ids incoming drafts name, as the store looks them up. */
function incomingIds(drafts: readonly Draft[]): IncomingIds {
  const ids: IncomingIds = { draftIds: [], regulationIds: [], opinionIds: [] };
  for (const draft of drafts) {
    ids.draftIds.push(draft.id);
    for (const regulation of draft.regulations) {
      ids.regulationIds.push(regulation.id);
      for (const opinion of regulation.opinions) ids.opinionIds.push(opinion.id);
    }
  }
  return ids;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The earliest year a workflow event may carry: the app's records start long after it. */
const EARLIEST_EVENT_YEAR = 2000;

function eventDateProblem(at: string, now: string): string | null {
  const year = Number(at.slice(0, 4));
  if (year < EARLIEST_EVENT_YEAR) return `sự kiện ghi năm ${year}, trước năm ${EARLIEST_EVENT_YEAR}: không phải một bước có thật của dự thảo`;
  if (Date.parse(at) > Date.parse(now) + DAY_MS) return `sự kiện ghi thời điểm ${at}, sau ngày hôm nay: một bước chưa diễn ra không được nhập`;
  return null;
}

/**
 * A draft's state travels only with its history: every event dated within the app's life and not in the future,
 * taken from the state the ones before it reached by a role allowed to (replayHistory), and the status and issue
 * date the file states must be the ones that history leads to — an appraiser's file cannot make a draft issued.
 */
function historyProblems(dossier: Dossier, now: string): FieldProblem[] {
  return dossier.drafts.flatMap((draft, draftIndex) => {
    const path = `drafts[${draftIndex}]`;
    const problems: FieldProblem[] = draft.events.flatMap((event, eventIndex) => {
      const message = eventDateProblem(event.at, now);
      return message ? [{ path: `${path}.events[${eventIndex}].at`, message }] : [];
    });
    const replay = replayHistory(draft.events, draft.submittedToGovernment);
    if (!replay.ok) return [...problems, { path: `${path}.events[${replay.index}].${replay.field}`, message: replay.message }];
    if (replay.status !== draft.status) {
      problems.push({
        path: `${path}.status`,
        message: `trạng thái ${quoted(LABELS.status[draft.status])} không theo từ lịch sử của dự thảo: các sự kiện trong tệp chỉ đưa dự thảo tới ${quoted(LABELS.status[replay.status])}`,
      });
    } else if ((draft.status === 'issued') !== (draft.issuedAt !== null)) {
      problems.push({
        path: `${path}.issuedAt`,
        message: draft.issuedAt === null ? 'dự thảo đã ban hành phải có ngày ban hành' : `dự thảo chưa ban hành (trạng thái ${quoted(LABELS.status[draft.status])}) không có ngày ban hành`,
      });
    }
    return problems;
  });
}

const quoted = (text: string): string => `«${text}»`;

/** Checks that need the database (ids used twice within the file are refused by validateDossier): ids that belong elsewhere, opinions on nothing. */
function crossReferenceProblems(dossier: Dossier, stored: StoredReferences): FieldProblem[] {
  const problems: FieldProblem[] = [];
  dossier.drafts.forEach((draft, draftIndex) => {
    const draftIsHere = stored.drafts.has(draft.id);
    draft.regulations.forEach((regulation, regulationIndex) => {
      const path = `drafts[${draftIndex}].regulations[${regulationIndex}]`;
      const storedDraftId = stored.regulationDrafts.get(regulation.id);
      if (storedDraftId !== undefined && storedDraftId !== draft.id) {
        problems.push({ path: `${path}.id`, message: `mã ${regulation.id} đã thuộc một dự thảo khác trong cơ sở dữ liệu` });
      }
      // Only the drafter adds regulations to a draft we hold; an opinion from anyone else must be about one we have.
      if (storedDraftId === undefined && draftIsHere && dossier.exportedBy.role !== REGULATION_OWNER && regulation.opinions.length > 0) {
        problems.push({
          path: `${path}.opinions`,
          message: `ý kiến cho TTHC/QĐKD «${regulation.name}» (mã ${regulation.id}) không có trong dự thảo «${draft.title}» tại cơ sở dữ liệu này`,
        });
      }
      regulation.opinions.forEach((opinion, opinionIndex) => {
        const opinionPath = `${path}.opinions[${opinionIndex}].id`;
        const storedRegulationId = stored.opinionRegulations.get(opinion.id);
        if (storedRegulationId !== undefined && storedRegulationId !== regulation.id) {
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
  // Read and checked in the web host's worker already (main/workers/heavyInputs.ts).
  if (raw instanceof PreparedDossier) return raw.dossier();
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

/**
 * One draft as exchanged, from its contents as the store reads them for a page of drafts, its keys in the contract's
 * order: the same bytes from either engine, though PostgreSQL's jsonb keeps an assessment's keys in an order of its own.
 */
function exportedDraft(draft: Omit<DraftRecord, 'updatedAt'>, contents: StoredDraftContents): Draft {
  const opinions = new Map<string, Opinion[]>();
  for (const { regulationId, ...opinion } of contents.opinions) {
    const response = contents.responses.get(opinion.id);
    const list = opinions.get(regulationId) ?? [];
    list.push(response ? { ...opinion, response } : opinion);
    opinions.set(regulationId, list);
  }
  return inContractKeyOrder(draftSchema, {
    ...draft,
    events: contents.events,
    regulations: contents.regulations.map(({ draftId: _draftId, ...regulation }) => {
      const findingDecisions = contents.decisions.get(regulation.id);
      return { ...regulation, opinions: opinions.get(regulation.id) ?? [], ...(findingDecisions ? { findingDecisions } : {}) };
    }),
  });
}

/** The drafts an export covers, every one checked to exist before anything is written. */
async function exportedDraftRecords(repos: Repositories, draftIds: readonly string[] | undefined): Promise<DraftRecord[]> {
  if (!draftIds) return repos.drafts.listAll();
  const drafts: DraftRecord[] = [];
  for (const id of draftIds) drafts.push(await requireDraft(repos, id));
  return drafts;
}

/** Everything of a dossier but its drafts, which come last in the file. */
async function dossierHeader(ctx: ServiceContext, repos: Repositories): Promise<Omit<Dossier, 'drafts'>> {
  const profile = await readProfile(repos);
  const hourlyIncomeByYear = await readHourlyIncomeByYear(repos);
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
 * made one page of drafts at a time: a file of every draft never exists as one object or one string. Like
 * exportDossier's answer it is built from stored rows, validated when written, and not parsed again
 * (OUTPUTS_BUILT_FROM_STORED_ROWS); `checkEachDraft` (the tests' setting) parses every draft by the contract and
 * refuses one it would change. The drafts asked for are checked at once, before any text is made.
 */
export async function dossierJsonText(
  ctx: ServiceContext,
  { draftIds }: ApiParsedInput<'exportDossier'>,
  { checkEachDraft = false }: { checkEachDraft?: boolean } = {},
): Promise<{ drafts: DraftRecord[]; text: AsyncGenerator<string> }> {
  const checked = <T>(schema: { parse: (value: unknown) => unknown }, built: T): T => {
    if (checkEachDraft && !sameData(schema.parse(built), built)) throw new Error('the dossier export built more or other than its contract says');
    return built;
  };
  const { drafts, header } = await ctx.read(async (repos) => {
    const drafts = await exportedDraftRecords(repos, draftIds);
    return { drafts, header: JSON.stringify(checked(dossierHeaderSchema, await dossierHeader(ctx, repos)), null, 2) };
  });
  async function* text(): AsyncGenerator<string> {
    // The header's closing "\n}" makes way for the drafts, the last key of the file.
    yield `${header.slice(0, -2)},\n  "drafts": [`;
    for (const { start, page } of pages(drafts)) {
      const contents = await ctx.read((repos) => repos.exchange.draftContents(page.map((draft) => draft.id)));
      for (const [offset, { updatedAt: _updatedAt, ...draft }] of page.entries()) {
        // Nested two arrays deep, the draft is indented as it is in the file; the arrays' own brackets are cut off.
        const nested = JSON.stringify([[checked(draftSchema, exportedDraft(draft, contents.get(draft.id)!))]], null, 2);
        yield `${start + offset === 0 ? '' : ','}\n${nested.slice(NESTED_OPENING.length, -NESTED_CLOSING.length)}`;
      }
    }
    yield drafts.length === 0 ? ']\n}\n' : '\n  ]\n}\n';
  }
  return { drafts, text: text() };
}

/** The dossier of the drafts (every one when undefined), read in the caller's transaction. */
export async function dossierOf(ctx: ServiceContext, repos: Repositories, draftIds: readonly string[] | undefined): Promise<Dossier> {
  const drafts = await exportedDraftRecords(repos, draftIds);
  const header = await dossierHeader(ctx, repos);
  const contents = await repos.exchange.draftContents(drafts.map((draft) => draft.id));
  return { ...header, drafts: drafts.map(({ updatedAt: _updatedAt, ...draft }) => exportedDraft(draft, contents.get(draft.id)!)) };
}

type Sender = Dossier['exportedBy'];
/**
 * A send-back of a copy taken offline from the team server (issue 21 item 6): the draft as it was sent is the common
 * ancestor of the holder's copy and the server's, so a change made on one side only is applied or kept, and only data
 * changed on both sides (or data the holder's role does not own) waits as a conflict.
 */
type OfflineSendBack = { base: BaseValues; holder: string; takenAt: string };
/**
 * `replace`: the officer's kept copy of a team draft taken out again (issue 21 item 6): the server's copy is the one to
 * work on, so every value it carries is written over this machine's, whoever owns it.
 */
type Merge = { sender: Sender; receiverRole: Role | null; report: ImportReport; offline?: OfflineSendBack; replace?: true };

/** The values of a draft as it was sent offline, by id, in the shapes the merge compares. */
type BaseValues = {
  drafts: Map<string, ReturnType<typeof draftOwnedFields>>;
  regulations: Map<string, ReturnType<typeof regulationOwnedFields>>;
  opinions: Map<string, OpinionRecord>;
  responses: Map<string, OpinionResponse>;
};

function baseValues(drafts: readonly Draft[]): BaseValues {
  const base: BaseValues = { drafts: new Map(), regulations: new Map(), opinions: new Map(), responses: new Map() };
  for (const draft of drafts) {
    base.drafts.set(draft.id, draftOwnedFields(draft));
    for (const { opinions, findingDecisions: _decisions, ...regulation } of draft.regulations) {
      base.regulations.set(regulation.id, regulationOwnedFields({ ...regulation, draftId: draft.id } as RegulationRecord));
      for (const { response, ...opinion } of opinions) {
        base.opinions.set(opinion.id, { ...opinion, regulationId: regulation.id });
        if (response) base.responses.set(opinion.id, response);
      }
    }
  }
  return base;
}

/** What a merge does with an incoming value that differs from the stored one: write it, keep the stored one, or hold a conflict. */
type Verdict = 'apply' | 'keep' | 'hold';
/**
 * The merge of one page of incoming drafts: what the store holds of them, compared with in memory, and the writes
 * decided, applied in order in one call once the page is merged.
 */
type PageMerge = Merge & { stored: StoredForMerge; heldConflicts: Map<string, ImportConflict[]>; writes: ImportWrite[] };

const conflictKey = (kind: ConflictKind, entityId: string): string => `${kind}\u0000${entityId}`;

/**
 * The conflicts held for each entity of the page, in the order they were held. The store reads those of the page's
 * drafts: every conflict about a draft, its regulations, their opinions or responses is held under that draft.
 */
function heldConflictsByEntity(conflicts: readonly ImportConflict[]): Map<string, ImportConflict[]> {
  const byEntity = new Map<string, ImportConflict[]>();
  for (const conflict of conflicts) {
    const key = conflictKey(conflict.kind, conflict.entityId);
    byEntity.set(key, [...(byEntity.get(key) ?? []), conflict]);
  }
  return byEntity;
}

/** A draft's workflow history as EventsRepository.listByDraft reads it: by instant, the earlier stored first on a tie. */
const byInstant = (events: readonly WorkflowEvent[]): WorkflowEvent[] =>
  events
    .map((event, order) => ({ event, instant: Date.parse(event.at), order }))
    .sort((a, b) => a.instant - b.instant || a.order - b.order)
    .map(({ event }) => event);

/**
 * The state a stored draft reaches with a newer history from a file: what its history here and the file's, merged,
 * lead to. Two histories that do not make one (each side took steps the other has not seen) are refused.
 */
function stateFromHistory(
  draft: Pick<DraftRecord, 'submittedToGovernment' | 'issuedAt'>,
  incoming: Pick<Draft, 'issuedAt'>,
  history: readonly WorkflowEvent[],
  path: string,
): Pick<DraftRecord, 'status' | 'issuedAt'> {
  const replay = replayHistory(byInstant(history), draft.submittedToGovernment);
  if (!replay.ok) {
    throw invalidFile([
      { path: `${path}.events`, message: `lịch sử trong tệp và lịch sử của dự thảo tại máy này không ghép thành một quy trình: ${replay.message}` },
    ]);
  }
  return { status: replay.status, issuedAt: replay.status === 'issued' ? (incoming.issuedAt ?? draft.issuedAt) : draft.issuedAt };
}

export function createDossierService(ctx: ServiceContext) {
  /**
   * An incoming change is applied only when the sender owns the data and this installation does not: the owner's
   * own data is never overwritten by a file, and no one else's copy may replace the owner's.
   */
  const mayApply = (owner: Role, merge: Merge): boolean => merge.sender.role === owner && merge.receiverRole !== owner;

  /**
   * Between installations, the owner's copy wins (mayApply). A send-back compares both sides with the draft as it was
   * sent (`base`, undefined when it had no such value): unchanged offline keeps the server's; changed offline only is
   * applied when the holder's role owns it; changed on both sides waits for a person.
   */
  function verdict(owner: Role, merge: Merge, base: unknown, stored: unknown, incoming: unknown): Verdict {
    if (merge.replace) return 'apply';
    if (!merge.offline) return mayApply(owner, merge) ? 'apply' : 'hold';
    if (base !== undefined && sameData(base, incoming)) return 'keep';
    return merge.sender.role === owner && base !== undefined && sameData(base, stored) ? 'apply' : 'hold';
  }

  function conflictMessage(what: string, owner: Role, merge: Merge): string {
    if (merge.offline && merge.sender.role === owner) {
      return (
        `${what}: bản ngoại tuyến của ${quoted(merge.offline.holder)} và bản trên máy chủ đều đã sửa kể từ khi mang về lúc ` +
        `${formatVietnameseDateTime(new Date(merge.offline.takenAt))}, nên chưa áp dụng — hãy chấp nhận bản ngoại tuyến hoặc từ chối để giữ bản trên máy chủ.`
      );
    }
    const why =
      merge.receiverRole === owner
        ? 'máy này là cơ quan quản lý dữ liệu đó'
        : `tệp do ${ROLE_NAME_VI[merge.sender.role]} gửi, không phải ${ROLE_NAME_VI[owner]}`;
    return `${what} do ${ROLE_NAME_VI[owner]} quản lý; bản trong tệp khác bản đang có và ${why}, nên chưa áp dụng — hãy chấp nhận hoặc từ chối.`;
  }

  /** Keeps the incoming value for a person to decide; the same change met again is not stored twice. */
  function holdConflict(
    merge: PageMerge,
    conflict: { draftId: string; kind: ConflictKind; entityId: string; path: string; message: string; incoming: unknown; current: unknown },
  ): void {
    const key = conflictKey(conflict.kind, conflict.entityId);
    const known = merge.heldConflicts.get(key) ?? [];
    const earlier = known.find((held) => sameData(held.incoming, conflict.incoming));
    if (earlier && earlier.status !== 'pending') return; // already decided by a person
    merge.report.conflicts.push({ path: conflict.path, message: conflict.message });
    if (earlier) return;
    const held = {
      ...conflict,
      id: ctx.newId(),
      senderAgency: merge.sender.agency,
      senderRole: merge.sender.role,
      receivedAt: ctx.now(),
    };
    merge.writes.push({ kind: 'insertConflict', conflict: held });
    merge.heldConflicts.set(key, [...known, { ...held, status: 'pending', resolvedAt: null }]);
  }

  function mergeResponse(draftId: string, opinion: Opinion, response: OpinionResponse, path: string, merge: PageMerge): boolean {
    const opinionId = opinion.id;
    const owner = responseOwner(opinion.stage);
    const stored = merge.stored.responses.get(opinionId);
    if (stored && sameData(stored, response)) return false;
    const decided = stored ? verdict(owner, merge, merge.offline?.base.responses.get(opinionId), stored, response) : 'apply';
    if (decided === 'keep') return false;
    if (decided === 'apply') {
      merge.writes.push({ kind: 'saveResponse', opinionId, response });
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
  function mergeOpinions(draftId: string, status: DraftStatus, regulationId: string, opinions: readonly Opinion[], path: string, merge: PageMerge): void {
    opinions.forEach((opinion, index) => {
      const { response, ...fields } = opinion;
      const opinionPath = `${path}.opinions[${index}]`;
      const stored = merge.stored.opinions.get(opinion.id);
      const owner = opinionOwner(opinion.stage);
      let changed = false;
      if (!stored) {
        merge.writes.push({ kind: 'insertOpinion', opinion: { ...fields, regulationId } });
        merge.report.added.opinions += 1;
      } else if (!sameData({ ...stored, regulationId }, { ...fields, regulationId })) {
        const issued = opinionIsIssued(stored.stage, status);
        const decided = verdict(owner, merge, merge.offline?.base.opinions.get(opinion.id), { ...stored, regulationId }, { ...fields, regulationId });
        if (decided === 'keep') {
          // unchanged offline: the server's stands
        } else if (decided === 'apply' && !issued) {
          merge.writes.push({ kind: 'saveOpinion', opinion: { ...fields, regulationId } });
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
  function mergeFindingDecisions(regulationId: string, decisions: readonly FindingDecisionRecord[], merge: PageMerge): void {
    const known = merge.stored.decisions.get(regulationId) ?? new Map();
    merge.stored.decisions.set(regulationId, known);
    for (const decision of decisions) {
      const stored = known.get(decision.key);
      const newer = stored !== undefined && Date.parse(decision.at) > Date.parse(stored.at);
      if (!stored || (newer && stored.role !== merge.receiverRole)) {
        // The same finding may be decided twice in one file: the second is judged against the first.
        known.set(decision.key, { ...decision, regulationId });
        merge.writes.push({ kind: 'decideFinding', decision: { ...decision, regulationId } });
      }
    }
  }

  function mergeRegulation(draftId: string, status: DraftStatus, draftWasHere: boolean, regulation: Regulation, path: string, merge: PageMerge): void {
    const { opinions, findingDecisions, ...owned } = regulation;
    // A file exported before migration 0350 may still give a filing method a copy of the procedure's time limit: read
    // as the database now stores it, that copy is no change of the regulation (and no conflict).
    const incoming: RegulationRecord = { ...owned, components: methodLimitsFollowingProcedure(owned.components), draftId };
    if (merge.stored.trashedRegulations.has(regulation.id)) {
      // Put in the trash here by the drafter: a file neither brings it back nor loses what it says about it. Its
      // opinions merge as usual and wait in the trash with it; restoring it shows them.
      if (!merge.offline) {
        merge.report.conflicts.push({
          path,
          message: `TTHC/QĐKD «${regulation.name}» đang ở thùng rác tại máy này nên không được đưa trở lại; ý kiến kèm theo được lưu cùng nó. Khôi phục nó từ thùng rác nếu cần.`,
        });
      } else if (!sameData(merge.offline.base.regulations.get(regulation.id), regulationOwnedFields(incoming))) {
        // Trashed on the server while the holder edited it: their edit waits, to be accepted once it is restored.
        holdConflict(merge, {
          draftId,
          kind: 'regulation',
          entityId: regulation.id,
          path,
          message:
            `TTHC/QĐKD «${regulation.name}» đã được chuyển vào thùng rác trên máy chủ trong khi ${quoted(merge.offline.holder)} sửa nó ngoại tuyến, nên chưa áp dụng — ` +
            'muốn giữ bản ngoại tuyến, hãy khôi phục nó từ thùng rác rồi chấp nhận; từ chối để nó ở lại thùng rác.',
          incoming,
          current: null,
        });
      }
      mergeOpinions(draftId, status, regulation.id, opinions, path, merge);
      return;
    }
    const stored = merge.stored.regulations.get(regulation.id);
    const now = ctx.now();
    const ownedChanged = stored !== undefined && !sameData(regulationOwnedFields(stored), regulationOwnedFields(incoming));
    const decided = ownedChanged
      ? verdict(REGULATION_OWNER, merge, merge.offline?.base.regulations.get(regulation.id), regulationOwnedFields(stored), regulationOwnedFields(incoming))
      : 'keep';
    if ((!stored && (!draftWasHere || merge.replace || merge.sender.role === REGULATION_OWNER)) || decided === 'apply') {
      merge.writes.push({ kind: stored ? 'updateRegulation' : 'insertRegulation', record: incoming, now });
      merge.report[stored ? 'updated' : 'added'].regulations += 1;
    } else if (!stored || decided === 'hold') {
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

  function mergeDraft(draft: Draft, path: string, merge: PageMerge): void {
    if (merge.stored.trashedDrafts.has(draft.id)) {
      // Put in the trash here by the drafter: a file does not bring it back, nor anything in it.
      merge.report.conflicts.push({
        path,
        message: `Dự thảo «${draft.title}» đang ở thùng rác tại máy này nên không được đưa trở lại cùng nội dung của nó. Khôi phục nó từ thùng rác rồi nhập lại tệp nếu cần.`,
      });
      return;
    }
    const stored = merge.stored.drafts.get(draft.id);
    const now = ctx.now();
    const { events, regulations, ...record } = draft;
    // The history as stored, then with each incoming event appended to it.
    const history = [...(merge.stored.events.get(draft.id) ?? [])];
    // The draft's own row is updated after its opinions are merged: an opinion is judged issued by the state the draft
    // had here before this file, so an opinion sent before its stage ruled can still be brought up to date.
    let updateDraft = () => {};
    if (!stored) {
      merge.writes.push({ kind: 'insertDraft', record, now });
      merge.report.added.drafts += 1;
    } else {
      // Workflow state travels with the history: whoever holds the latest step knows the current state.
      const incomingIsNewer = latestEventTime(events) > latestEventTime(history);
      const ownedChanged = !sameData(draftOwnedFields(stored), draftOwnedFields(draft));
      const decided = ownedChanged ? verdict(DRAFT_OWNER, merge, merge.offline?.base.drafts.get(draft.id), draftOwnedFields(stored), draftOwnedFields(draft)) : 'keep';
      const applyOwned = decided === 'apply';
      if (decided === 'hold') {
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
      updateDraft = () => {
        const owned = { ...storedRecord, ...(applyOwned ? draftOwnedFields(draft) : {}) };
        const next = incomingIsNewer ? { ...owned, ...stateFromHistory(owned, draft, history, path) } : owned;
        if (sameData(next, storedRecord)) return;
        merge.writes.push({ kind: 'updateDraft', record: next, now });
        if (next.title !== stored.title) merge.writes.push({ kind: 'reindexDraft', draftId: draft.id });
        merge.report.updated.drafts += 1;
      };
    }
    const known = new Set(history.map(eventKey));
    const added = new Set<string>();
    for (const event of events) {
      const key = eventKey(event);
      if (known.has(key)) continue;
      merge.writes.push({ kind: 'appendEvent', draftId: draft.id, event });
      history.push(event);
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
    const latestSubmission = byInstant(history).findLast((event) => stageSubmittedBy(event.action));
    const submittedStage = latestSubmission && stageSubmittedBy(latestSubmission.action);
    if (latestSubmission && submittedStage && added.has(eventKey(latestSubmission))) {
      merge.writes.push({ kind: 'addRound', draftId: draft.id, stage: submittedStage, takenAt: latestSubmission.at });
    }
  }

  /** Applies a conflict's incoming value; returns the value it replaced (null when there was none). */
  /** The data a conflict's decision writes, as permissions.ts names it: a deletion sent back is a move to the trash. */
  async function conflictDataKind(repos: Repositories, conflict: ImportConflict): Promise<DataKind> {
    switch (conflict.kind) {
      case 'draft':
        return 'draft';
      case 'regulation':
        return conflict.incoming === null ? 'regulation_trash' : 'regulation';
      case 'opinion':
        return opinionKind(opinionValueSchema.parse(conflict.incoming).stage);
      case 'response': {
        const { opinionId } = responseValueSchema.parse(conflict.incoming);
        const opinion = await repos.opinions.findById(opinionId);
        if (!opinion) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
        return responseKind(opinion.stage);
      }
    }
  }

  async function applyConflict(repos: Repositories, conflict: ImportConflict): Promise<unknown> {
    const now = ctx.now();
    // The officer who accepts the incoming value makes the change, whatever version is stored now.
    const edit = { at: now, by: await actingOfficer(repos) };
    switch (conflict.kind) {
      case 'draft': {
        const { updatedAt: _updatedAt, ...draft } = await requireDraft(repos, conflict.entityId);
        const incoming = draftFieldsSchema.parse(conflict.incoming);
        await repos.drafts.update({ ...draft, ...incoming }, edit);
        if (incoming.title !== draft.title) await repos.regulations.reindexDraft(draft.id);
        return draftOwnedFields(draft);
      }
      case 'regulation': {
        if (conflict.incoming === null) return trashSentBack(repos, conflict.entityId, now);
        const incoming = regulationValueSchema.parse(conflict.incoming);
        if (await repos.regulations.findTrashed(incoming.id)) {
          throw new ApiError('conflict', `TTHC/QĐKD «${incoming.name}» đang ở thùng rác; hãy khôi phục nó trước khi chấp nhận thay đổi này.`);
        }
        const stored = await repos.regulations.findById(incoming.id);
        if (stored) await repos.regulations.update(incoming, edit);
        else await repos.regulations.insert(incoming, edit);
        await repos.drafts.touch(incoming.draftId, now);
        return stored ?? null;
      }
      case 'opinion': {
        const incoming = opinionValueSchema.parse(conflict.incoming);
        await requireRegulation(repos, incoming.regulationId);
        const stored = await repos.opinions.findById(incoming.id);
        await repos.opinions.save(incoming, edit);
        return stored ?? null;
      }
      case 'response': {
        const { opinionId, ...response } = responseValueSchema.parse(conflict.incoming);
        if (!(await repos.opinions.findById(opinionId))) throw new ApiError('not_found', `Không tìm thấy ý kiến có mã ${opinionId}.`);
        const stored = await repos.responses.findByOpinion(opinionId);
        await repos.responses.save(opinionId, response);
        return stored ? { ...stored, opinionId } : null;
      }
    }
  }

  /** A deletion sent back from offline, accepted: the regulation into the trash, unless someone already put it there. */
  async function trashSentBack(repos: Repositories, id: string, now: string): Promise<unknown> {
    const stored = await repos.regulations.findById(id);
    if (stored) await recordRegulationMove(repos, stored, 'trash_regulation', now);
    return stored ?? null;
  }

  /**
   * The regulations of the draft as sent that the holder's copy no longer has: put in the trash offline. Each goes into
   * the server's trash when it is unchanged there since it was sent and the holder may trash it now; otherwise the
   * deletion waits as a conflict (incoming null). One already in the trash on the server stays there.
   */
  async function sendBackDeletions(
    repos: Repositories,
    copy: Draft,
    sent: Draft,
    holder: { role: Role; fullName: string; agency: string },
    base: BaseValues,
    takenAt: string,
  ): Promise<{ trashed: { id: string; name: string }[]; conflicts: ImportReport['conflicts'] }> {
    const kept = new Set(copy.regulations.map((regulation) => regulation.id));
    const goneIds = sent.regulations.map((regulation) => regulation.id).filter((id) => !kept.has(id));
    const result = { trashed: [] as { id: string; name: string }[], conflicts: [] as ImportReport['conflicts'] };
    if (goneIds.length === 0) return result;
    const draft = await requireDraft(repos, copy.id);
    const mayTrash = writeRefusal(holder.role, draft.status, 'regulation_trash') === null;
    const { regulations: stored } = await repos.exchange.storedForMerge({ draftIds: [], regulationIds: goneIds, opinionIds: [] });
    const now = ctx.now();
    const held: ImportWrite[] = [];
    for (const id of goneIds) {
      const current = stored.get(id);
      if (!current) continue;
      if (mayTrash && sameData(base.regulations.get(id), regulationOwnedFields(current))) {
        await recordRegulationMove(repos, current, 'trash_regulation', now);
        result.trashed.push({ id, name: current.name });
        continue;
      }
      const message =
        `TTHC/QĐKD ${quoted(current.name)}: bản ngoại tuyến của ${quoted(holder.fullName)} đã chuyển vào thùng rác, ` +
        (mayTrash ? `còn bản trên máy chủ đã được sửa kể từ khi mang về lúc ${formatVietnameseDateTime(new Date(takenAt))}` : 'nhưng ở trạng thái này anh/chị không được chuyển nó vào thùng rác') +
        ', nên chưa chuyển — hãy chấp nhận để chuyển vào thùng rác hoặc từ chối để giữ bản trên máy chủ.';
      result.conflicts.push({ path: 'drafts[0]', message });
      held.push({
        kind: 'insertConflict',
        conflict: { id: ctx.newId(), draftId: copy.id, kind: 'regulation', entityId: id, path: 'drafts[0]', message, incoming: null, current, senderAgency: holder.agency, senderRole: holder.role, receivedAt: now },
      });
    }
    if (held.length > 0) await repos.exchange.apply(held, { at: now, by: await actingOfficer(repos) });
    return result;
  }

  /**
   * On the team server a file touching a draft someone else holds offline is refused whole, before anything is written:
   * only the holder's «Gửi lại máy chủ» merges into it (returnDraftOnline), against the draft as it was taken out.
   */
  async function refuseDraftsHeldByOthers(repos: Repositories, dossier: Dossier): Promise<void> {
    const person = await readActingPerson(repos);
    if (!person) return;
    const held = new Map((await repos.offlineCopies.listOut()).map((copy) => [copy.draftId, copy]));
    for (const draft of dossier.drafts) {
      const copy = held.get(draft.id);
      if (!copy || copy.takenBy === person.login) continue;
      throw new ApiError(
        'conflict',
        `Chưa nhập tệp này, không có gì được ghi: dự thảo ${quoted(draft.title)} đang được ${quoted(copy.takenByName)} mang về làm việc ngoại tuyến từ ` +
          `${formatVietnameseDateTime(new Date(copy.takenAt))}, và chỉ bản người đó gửi lại máy chủ mới được ghép vào. ` +
          'Hãy nhập tệp sau khi người đó gửi lại máy chủ (hoặc quản trị viên của đơn vị thu hồi bản đó).',
      );
    }
  }

  /** Checks a parsed dossier against what is stored, then merges it page by page of drafts, in the caller's transaction. */
  async function mergeDossier(repos: Repositories, dossier: Dossier, parties: Omit<Merge, 'report'>): Promise<ImportReport> {
    const problems = [...historyProblems(dossier, ctx.now()), ...crossReferenceProblems(dossier, await repos.exchange.references(incomingIds(dossier.drafts)))];
    if (problems.length > 0) throw invalidFile(problems);
    const merge: Merge = { ...parties, report: { added: zeroCounts(), updated: zeroCounts(), conflicts: [] } };
    const importing = { at: ctx.now(), by: await actingOfficer(repos) };
    for (const { start, page } of pages(dossier.drafts)) {
      const stored = await repos.exchange.storedForMerge(incomingIds(page));
      const pageMerge: PageMerge = { ...merge, stored, heldConflicts: heldConflictsByEntity(stored.conflicts), writes: [] };
      page.forEach((draft, index) => mergeDraft(draft, `drafts[${start + index}]`, pageMerge));
      await repos.exchange.apply(pageMerge.writes, importing);
    }
    return merge.report;
  }

  return {
    /**
     * «Gửi lại máy chủ» (issue 21 item 6): the holder's copy of a draft they took offline, merged against the draft as
     * it was sent; the copy is then back, and a second send-back is refused, writing nothing.
     */
    returnDraftOnline({ draftId, dossier: raw }: ApiParsedInput<'returnDraftOnline'>): Promise<ApiOutput<'returnDraftOnline'>> {
      const dossier = parseDossier(raw);
      return ctx.tx(async (repos) => {
        const person = await readActingPerson(repos);
        if (!person) throw new ApiError('forbidden', OFFLINE_ONLY_ON_TEAM_SERVER);
        const copy = await repos.offlineCopies.latestTakenBy(draftId, person.login);
        if (!copy) throw new ApiError('conflict', 'Anh/chị chưa mang dự thảo này về làm việc ngoại tuyến, nên không có bản nào để gửi lại.');
        if (copy.returnedAt !== null) {
          throw new ApiError(
            'conflict',
            `Bản ngoại tuyến của dự thảo này đã được gửi lại máy chủ lúc ${formatVietnameseDateTime(new Date(copy.returnedAt))}; lần gửi này không ghi gì thêm. ` +
              'Muốn làm tiếp ngoại tuyến, hãy mang dự thảo về lần nữa.',
          );
        }
        const outNow = await repos.offlineCopies.out(draftId);
        if (outNow && outNow.id !== copy.id) {
          throw new ApiError(
            'conflict',
            `Quản trị viên đã thu hồi bản của anh/chị và dự thảo đang được ${quoted(outNow.takenByName)} mang về làm việc ngoại tuyến từ ` +
              `${formatVietnameseDateTime(new Date(outNow.takenAt))}; hãy gửi lại sau khi người đó gửi lại máy chủ. Bản của anh/chị vẫn ở máy của anh/chị.`,
          );
        }
        if (dossier.drafts.length !== 1 || dossier.drafts[0]!.id !== draftId) {
          throw new ApiError('invalid_input', 'Tệp gửi lại phải là bản ngoại tuyến của đúng dự thảo này (một dự thảo, cùng mã); không có gì được ghi.');
        }
        const sent = draftSchema.parse(copy.base);
        const base = baseValues([sent]);
        const report = await mergeDossier(repos, dossier, {
          sender: { agency: person.agency, role: person.role },
          receiverRole: null,
          offline: { base, holder: person.fullName, takenAt: copy.takenAt },
        });
        const deletions = await sendBackDeletions(repos, dossier.drafts[0]!, sent, person, base, copy.takenAt);
        await repos.offlineCopies.markReturned(copy.id, ctx.now());
        // Back even when nothing of it changed: everyone with the draft open is told it is free again.
        await repos.drafts.touch(draftId, ctx.now());
        return { report: { ...report, conflicts: [...report.conflicts, ...deletions.conflicts] }, trashed: deletions.trashed };
      });
    },

    /**
     * A second «Mang về làm việc ngoại tuyến» of a draft this machine already keeps a copy of (issue 21 item 6): the
     * server's copy replaces it rather than being merged into it, where this machine's own role would have held the
     * server's newer values as conflicts. Regulations only this copy has go to its trash, those in its trash that the
     * server's copy has come back; the history, append-only, keeps what was recorded here.
     */
    replaceOfflineCopy({ dossier: raw }: ApiParsedInput<'replaceOfflineCopy'>): Promise<ImportReport> {
      const dossier = parseDossier(raw);
      return ctx.tx(async (repos) => {
        if (await readActingPerson(repos)) {
          throw new ApiError('forbidden', 'Bản ngoại tuyến chỉ được thay trên máy của người mang dự thảo về; máy chủ của đơn vị nhận lại nó bằng «Gửi lại máy chủ».');
        }
        const incoming = dossier.drafts[0];
        if (dossier.drafts.length !== 1 || !incoming || !(await repos.drafts.findById(incoming.id))) {
          throw new ApiError('invalid_input', 'Tệp thay bản ngoại tuyến phải là đúng một dự thảo đã có trên máy này; không có gì được ghi.');
        }
        const now = ctx.now();
        const kept = new Set(incoming.regulations.map((regulation) => regulation.id));
        for (const trashed of await repos.regulations.listTrashed(incoming.id)) {
          if (kept.has(trashed.id)) await recordRegulationMove(repos, trashed, 'restore_regulation', now);
        }
        const report = await mergeDossier(repos, dossier, { sender: dossier.exportedBy, receiverRole: null, replace: true });
        for (const here of await repos.regulations.listByDraft(incoming.id)) {
          if (!kept.has(here.id)) await recordRegulationMove(repos, here, 'trash_regulation', now);
        }
        return report;
      });
    },

    importDossier({ dossier: raw }: ApiParsedInput<'importDossier'>): Promise<ImportReport> {
      const dossier = parseDossier(raw);
      return ctx.tx(async (repos) => {
        await refuseDraftsHeldByOthers(repos, dossier);
        const report = await mergeDossier(repos, dossier, { sender: dossier.exportedBy, receiverRole: (await readSavedProfile(repos))?.role ?? null });
        const incomingIncome = dossier.settings?.hourlyIncomeByYear;
        if (incomingIncome) {
          // The receiver's own figures win; the sender's fill only the years we do not have.
          await saveHourlyIncomeByYear(repos, { ...incomingIncome, ...(await readHourlyIncomeByYear(repos)) });
        }
        return report;
      });
    },

    exportDossier({ draftIds }: ApiParsedInput<'exportDossier'>): Promise<Dossier> {
      return ctx.read((repos) => dossierOf(ctx, repos, draftIds));
    },

    listConflicts({ draftId, status }: ApiParsedInput<'listConflicts'>): Promise<{ items: ImportConflict[] }> {
      return ctx.read(async (repos) => ({ items: await repos.conflicts.list({ draftId, status }) }));
    },

    resolveConflict({ id, decision }: ApiParsedInput<'resolveConflict'>): Promise<ImportConflict> {
      return ctx.tx(async (repos) => {
        const conflict = await repos.conflicts.findById(id);
        if (!conflict) throw new ApiError('not_found', `Không tìm thấy xung đột có mã ${id}.`);
        if (conflict.status !== 'pending') {
          throw new ApiError('conflict', `Xung đột này đã được xử lý (${conflict.status === 'accepted' ? 'đã chấp nhận' : 'đã từ chối'}).`);
        }
        // Either decision writes the draft (a value applied, or the decision on record): on the team server it is the
        // signed-in person's write of that data, under the same rule as writing it directly (role, state, agency, hold).
        const person = await readActingPerson(repos);
        if (person) await requireWritableDraft(repos, conflict.draftId, await conflictDataKind(repos, conflict), person);
        // Rejecting keeps the incoming value on record; accepting keeps the value it replaced.
        const replaced = decision === 'accept' ? await applyConflict(repos, conflict) : conflict.current;
        await repos.conflicts.resolve(id, decision === 'accept' ? 'accepted' : 'rejected', ctx.now(), replaced);
        return (await repos.conflicts.findById(id)) as ImportConflict;
      });
    },
  };
}
