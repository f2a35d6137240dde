// The storage port: everything the services may ask of a database, whatever the engine behind it. SQLite (db/sqlite/)
// implements it for the desktop, PostgreSQL for a unit's shared server (issue 17). Every method answers a Promise;
// no driver type appears here. Services write `await ctx.tx(async (repos) => …)` and read with `ctx.read`.
import type { DraftSummary } from '../shared/contract/api';
import type { ConflictStatus, ImportConflict } from '../shared/contract/exchangeApi';
import type { CursorKey } from '../shared/contract/paging';
import type { RegulationFilters } from '../shared/contract/regulationFilters';
import type { VersionedRecord } from '../shared/contract/errors';
import type { BACKUP_KINDS, DatabaseCheck } from '../shared/contract/safekeepingApi';
import type { WorksheetState } from '../shared/domain/assessmentStatus';
import { transportText } from '../shared/i18n/transportMessages';
import type { Recommendation } from '../shared/domain/assessmentTemplate';
import type { CatalogueProcedure } from '../shared/domain/catalogue';
import type { CostPair } from '../shared/domain/cost';
import type { RollupCounts } from '../shared/domain/costRollup';
import type { WaitingDraft } from '../shared/domain/dashboard';
import type { Components, Draft, Opinion, OpinionResponse, Regulation, WorkflowEvent } from '../shared/domain/dossier';
import type { DraftSort } from '../shared/domain/draftSorts';
import type { PeriodFacts } from '../shared/domain/periodFacts';
import type { FindingDecisionRecord } from '../shared/domain/review/decisions';
import type { RegulationReview } from '../shared/domain/review/findings';
import type { RegulationSnapshot } from '../shared/domain/roundDiff';
import type { TrashAction } from '../shared/domain/regulationTrash';
import type { Period } from '../shared/domain/statistics';
import type { Change, DocType, DraftStatus, OpinionStage, RegulationKind, Role } from '../shared/domain/vocabulary';

// ---------------------------------------------------------------------------------------------------------------
// Records as the services see them

export type DraftRecord = Omit<Draft, 'events' | 'regulations'> & { updatedAt: string };

/**
 * Who last changed a draft, a regulation, an assessment or an opinion here, and when (issue 17: no lost update). Each
 * change raises the version by one; an edit made on an older version is refused instead of overwriting the newer one.
 */
export type Revision = { version: number; changedAt: string; changedBy: string };
/**
 * A change about to be written: when, by whom (as a conflict message names them), and the version it was made on. The
 * write happens only while that version is still the stored one; without `onVersion` (a dossier import, which merges
 * by its own ownership rules) it happens whatever the version, and still raises it.
 */
export type Edit = { at: string; by: string; onVersion?: number };

/** A regulation as stored: everything of the exchange format but its opinions, plus its draft. */
export type RegulationRecord = Omit<Regulation, 'opinions'> & { draftId: string };

/** A draft in the trash: who put it there and when (it can be taken back out, its regulations with it). */
export type TrashedDraft = DraftRecord & { deletedAt: string; deletedBy: string; regulationCount: number };

/** A regulation in the trash: who put it there and when (it can be taken back out). */
export type TrashedRegulation = RegulationRecord & { deletedAt: string; deletedBy: string };

/** Derived from the assessment on every write, for lists that show many regulations at once. */
export type AssessmentSummary = { necessityScore: number | null; assessmentComplete: boolean };
/** What lists read of each row without re-evaluating it: the assessment summary and the number of review findings. */
export type ListedSummary = AssessmentSummary & { findingCount: number };

/** A row of a draft's assessment checklist, from the stored columns alone. */
export type ChecklistRow = {
  id: string;
  kind: RegulationKind;
  change: Change;
  nationalCode?: string;
  name: string;
  started: boolean;
  complete: boolean;
  completedAt: string | null;
  answered: number;
  total: number;
  worksheet: WorksheetState;
  score: number | null;
  recommendation: Recommendation;
  problems: number;
  annual: CostPair | null;
};

/** A search hit: the regulation with its draft's title and type and its stored summary, read in the same row. */
export type RegulationHit = { regulation: RegulationRecord; draftTitle: string; docType: DocType; draftStatus: DraftStatus; summary: ListedSummary };
/** Where a page starts: an offset, or the key the previous page ended on. */
export type SearchPosition = { offset: number } | { after: CursorKey };
export type RegulationHitPage = { items: RegulationHit[]; last: CursorKey | null };

export type DraftFilter = {
  text: string;
  statuses: readonly DraftStatus[];
  docTypes: readonly DocType[];
  agency: string;
  government?: boolean;
  sort: DraftSort;
  descending: boolean;
  limit: number;
};
/** A page from `offset`, or after the sort key and seq the previous page ended on. */
export type DraftPagePosition = { offset: number } | { after: CursorKey };
/** A row of the filtered draft list, with the day it was last sent for the stage it waits on; `sort_key` and `seq` make its cursor. */
export type DraftQueryRow = {
  id: string;
  doc_type: string;
  title: string;
  drafting_agency: string;
  submitted_to_government: number;
  status: string;
  issued_at: string | null;
  updated_at: string;
  regulation_count: number;
  sent_at: string | null;
  seq: number;
  sort_key: string | number;
};

export type OpinionRecord = Opinion & { regulationId: string };

/** An event of this installation only (a regulation put in or taken out of the trash); it never travels in a dossier. */
export type LocalEvent = { at: string; action: TrashAction; actor: string; role: Role; note: string };

export type DraftRound = { round: number; stage: OpinionStage; takenAt: string };
export type RegulationRound = DraftRound & { snapshot: RegulationSnapshot | null };

export type FindingDecision = FindingDecisionRecord & { regulationId: string };
/**
 * `basis` says what a comparative review was judged on besides the regulation (the draft's date, document type and
 * drafting agency, and when the national catalogue last changed, as the findings service writes it): a review judged on
 * another basis is judged again when read.
 */
export type StoredReview = RegulationReview & { comparative: boolean; basis: string | null };
/** A published procedure of the national catalogue, as the components a regulation has (near duplicates read its result and agency). */
export type CatalogueComparable = { code: string; name: string; level: string; components: Components };
/** A procedure elsewhere in the database that a near-duplicate check compares with. */
export type NeighbourCandidate = { id: string; name: string; result: string | null; agency: string | null; nationalCode: string | null; draftTitle: string };

// ---------------------------------------------------------------------------------------------------------------
// Repositories: one per aggregate. Writes happen only inside `Store.tx`.

export interface DraftsRepository {
  insert(record: Omit<DraftRecord, 'updatedAt'>, edit: Edit): Promise<void>;
  /** False, writing nothing, when the stored version is not `edit.onVersion`. */
  update(record: Omit<DraftRecord, 'updatedAt'>, edit: Edit): Promise<boolean>;
  touch(id: string, now: string): Promise<void>;
  /**
   * When a live draft last changed (itself, or any of its regulations, assessments and opinions) and for whom, when a
   * signed-in person was named (a team server): what a page without the server's stream asks for.
   */
  lastChange(id: string): Promise<DraftChangeStamp | undefined>;
  /** Only a live draft: one in the trash is not found, and every list and count below leaves it out. */
  findById(id: string): Promise<DraftRecord | undefined>;
  /**
   * A live draft with its copy out to work offline, if one is (offlineCopies.out), read in one statement: what every
   * write of a draft checks first (main/services/writeGuard.ts), a round trip fewer on the team server's busiest calls.
   */
  findForWrite(id: string): Promise<{ draft: DraftRecord; copyOut: OfflineCopy | undefined } | undefined>;
  /** False when it was not there or already in the trash. */
  trash(id: string, at: string, by: string): Promise<boolean>;
  /** False when it was not in the trash. */
  untrash(id: string, at: string): Promise<boolean>;
  findTrashed(id: string): Promise<TrashedDraft | undefined>;
  /** Newest in the trash first; each with the regulations that went into the trash with it. */
  listTrashed(): Promise<TrashedDraft[]>;
  /** Newest first, from `offset` or after the (updated_at, seq) key a previous page ended on; a key of another shape is `undefined`. */
  page(limit: number, from: { offset: number } | { after: CursorKey }): Promise<{ items: DraftSummary[]; last: CursorKey | null } | undefined>;
  count(): Promise<number>;
  allIds(): Promise<string[]>;
  /** Every draft in the order they were stored, in one query. */
  listAll(): Promise<DraftRecord[]>;
}

/** The draft list's search, filters and sorting (titles and agencies folded like the regulation search). */
export interface DraftQueries {
  count(filter: DraftFilter): Promise<number>;
  /** One page in the filter's order (ties newest first by seq); a key of the wrong shape is `undefined` back. */
  page(filter: DraftFilter, from: DraftPagePosition): Promise<{ rows: DraftQueryRow[]; last: CursorKey | null } | undefined>;
}

export interface RegulationsRepository {
  insert(record: RegulationRecord, edit: Edit): Promise<void>;
  /**
   * Writes the whole record; false, writing nothing, when the regulation's stored version is not `edit.onVersion`. The
   * assessment's own version rises only when the assessment written differs from the stored one.
   */
  update(record: RegulationRecord, edit: Edit): Promise<boolean>;
  /** Writes the record's assessment (and what is stored from it); false, writing nothing, when the assessment's stored version is not `edit.onVersion`. */
  saveAssessment(record: RegulationRecord, edit: Edit): Promise<boolean>;
  /** False when it was not there or already in the trash. */
  trash(id: string, at: string, by: string): Promise<boolean>;
  /** False when it was not in the trash. */
  untrash(id: string, at: string): Promise<boolean>;
  findTrashed(id: string): Promise<TrashedRegulation | undefined>;
  listTrashed(draftId: string): Promise<TrashedRegulation[]>;
  /** The draft's live regulations into the trash with the draft, at the draft's instant `at`. */
  trashWithDraft(draftId: string, at: string, by: string): Promise<void>;
  /** Back out of the trash: the draft's regulations put there with it at `trashedAt`, not those trashed before. */
  untrashWithDraft(draftId: string, trashedAt: string, now: string): Promise<void>;
  /** The draft's title is part of each regulation's search text. */
  reindexDraft(draftId: string): Promise<void>;
  /**
   * After the catalogue records under `codes` were added or changed: stores again the scope class of each procedure
   * under one of them (or a local variant of one), which takes its record's subjects when it states none
   * (reformPrograms.ts scopeClassOf). The number of regulations whose class changed.
   */
  rescope(codes: readonly string[]): Promise<number>;
  findById(id: string): Promise<RegulationRecord | undefined>;
  /** The draft's live regulations in list order. */
  listByDraft(draftId: string): Promise<RegulationRecord[]>;
  /** The draft's regulations as its page lists them: without assessment and baseline, with their stored summary. */
  listedByDraft(draftId: string): Promise<Array<{ regulation: RegulationRecord; summary: ListedSummary }>>;
  /** The draft's assessment checklist from the columns stored on write: no assessment is parsed or scored. */
  checklistByDraft(draftId: string): Promise<ChecklistRow[]>;
  assessmentSummaries(ids: readonly string[]): Promise<Map<string, ListedSummary>>;
  /** Hits of a folded search (every word as a prefix, ignoring case, diacritics and đ); blank text counts every live regulation. */
  countMatches(text: string, filters?: RegulationFilters): Promise<number>;
  /** What the search filters offer: the fields and drafting agencies the database holds. */
  searchOptions(): Promise<{ fields: string[]; agencies: string[] }>;
  /**
   * One page of hits, from `offset` or after the key a previous page ended on: text hits newest first (key: [seq]),
   * the whole list (blank text) by name then seq (key: [name, seq]). A key of the wrong shape is `undefined` back.
   */
  search(text: string, limit: number, from: SearchPosition, filters?: RegulationFilters): Promise<RegulationHitPage | undefined>;
}

export interface OpinionsRepository {
  /** Adds or replaces the opinion; false, writing nothing, when it is stored with another version than `edit.onVersion`. */
  save(opinion: OpinionRecord, edit: Edit): Promise<boolean>;
  /**
   * Adds each new opinion (`onVersion` null) and replaces each stored one only on the version it was read at, raising
   * it and recording `edit` as its change, in one statement of each kind where the engine allows. Answers the ids left
   * unwritten because another version is stored (or none any more): the caller refuses the whole call.
   */
  saveMany(opinions: readonly { opinion: OpinionRecord; onVersion: number | null }[], edit: Omit<Edit, 'onVersion'>): Promise<string[]>;
  findById(id: string): Promise<OpinionRecord | undefined>;
  /** In issue order (the later-stored first on a tie). */
  listByRegulation(regulationId: string): Promise<OpinionRecord[]>;
  /** The opinions of every regulation of a draft in one query, each regulation's in listByRegulation's order. */
  listByDraft(draftId: string): Promise<OpinionRecord[]>;
}

/** The current revision of versioned records, for views (the version an edit form starts from) and conflict messages. */
export interface RevisionsRepository {
  /** Those of `ids` that exist (a trashed regulation included), in one query. */
  of(kind: VersionedRecord, ids: readonly string[]): Promise<Map<string, Revision>>;
}

/**
 * The history of a draft, append-only and hash-chained. Callers hold a write transaction, so no other writer can slip
 * an event between the chain's head and the new link.
 */
export interface EventsRepository {
  append(draftId: string, event: WorkflowEvent): Promise<void>;
  appendLocal(draftId: string, event: LocalEvent): Promise<void>;
  /** The workflow history exchanged in dossiers and shown as the draft's steps, by instant (this installation's own events left out). */
  listByDraft(draftId: string): Promise<WorkflowEvent[]>;
  /** Each draft's latest workflow step (its `at` as written), for every draft that has one: what listByDraft(id).at(-1) gives, for all drafts at once. */
  latestSteps(): Promise<Map<string, string>>;
}

/** Key-value settings stored as JSON; callers validate what they read with their own schema. */
/** Key-value settings; each change raises the row's version (a letter's particulars are saved on the one read). */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Written on the version it was read at (`edit.onVersion`; none: there was no row yet), raising the version and naming
   * `edit.by`; false, writing nothing, when another version is stored (or a row, for none).
   */
  setOnVersion(key: string, value: unknown, edit: Edit): Promise<boolean>;
}

/** The drafting agency's answer to each opinion: one per opinion, replaced when the drafter changes it. */
export interface OpinionResponsesRepository {
  save(opinionId: string, response: OpinionResponse): Promise<void>;
  /**
   * The drafter's answer written on the version it was read at (`edit.onVersion`; none: there was no answer yet), raising
   * the version and naming `edit.by`; false, writing nothing, when another version is stored (or an answer, for none).
   */
  answer(opinionId: string, response: OpinionResponse, edit: Edit): Promise<boolean>;
  findByOpinion(opinionId: string): Promise<OpinionResponse | undefined>;
  /** Responses to the opinions of one regulation, keyed by opinion id. */
  mapByRegulation(regulationId: string): Promise<Map<string, OpinionResponse>>;
  /** Responses to the opinions of every regulation of a draft, keyed by opinion id. */
  mapByDraft(draftId: string): Promise<Map<string, OpinionResponse>>;
}

/** Incoming changes an import did not apply. Rows are only ever added and resolved, never deleted. */
export interface ImportConflictsRepository {
  /** Marks a pending conflict resolved, keeping the value it met; false when it was not pending. */
  resolve(id: string, status: Exclude<ConflictStatus, 'pending'>, resolvedAt: string, current: unknown): Promise<boolean>;
  findById(id: string): Promise<ImportConflict | undefined>;
  list(filter: { draftId?: string; status?: ConflictStatus }): Promise<ImportConflict[]>;
}

/** Copies of a draft's regulations as they were at each submission; written once per round, never changed. */
export interface RoundSnapshotsRepository {
  /** Records a new round with a copy of each of the draft's live regulations as stored now; returns its number (1 for the first). */
  addRound(draftId: string, stage: OpinionStage, takenAt: string): Promise<number>;
  listRounds(draftId: string): Promise<DraftRound[]>;
  /** Every round of the regulation's draft, with the regulation's copy in it (null in rounds before it existed). */
  listRegulationRounds(draftId: string, regulationId: string): Promise<RegulationRound[]>;
}

/** The counts behind the period statistics and the dashboard, per day, draft and verdict. */
export interface ReportsRepository {
  /** Everything that counts in the statistics of `period` or of any period inside it. */
  periodFacts(period: Period): Promise<PeriodFacts>;
  /** The latest day up to `today` on which something counted in the statistics happened; null on an empty database. */
  latestActivityDate(today: string): Promise<string | null>;
  /** Drafts not yet issued, with the time of their latest event (null when they came without history). */
  waitingDrafts(): Promise<WaitingDraft[]>;
}

/** The local copy of the national TTHC database. */
export interface CatalogueRepository {
  findByCode(code: string): Promise<CatalogueProcedure | undefined>;
  /** The records held under any of `codes`, in one query (those not held are absent). */
  findByCodes(codes: readonly string[]): Promise<CatalogueProcedure[]>;
  /** Inserts or replaces each record under its code, in order; says for each which, and `unchanged` when the stored record is the same. */
  saveAll(procedures: readonly CatalogueProcedure[], now: string): Promise<Array<'added' | 'updated' | 'unchanged'>>;
  /** By code prefix (`1.0011` finds `1.001193`) or by folded text, by name. */
  search(text: string, offset: number, limit: number): Promise<{ total: number; items: CatalogueProcedure[] }>;
  /** When a record was last added or changed (null while the catalogue is empty): part of every stored review's basis. */
  lastChangedAt(): Promise<string | null>;
}

/** Counts and annual totals per draft, summed from the figures stored beside each regulation. */
export interface CostRollupRepository {
  /** Every draft that has regulations; a draft without any is absent (its roll-up is empty). */
  byDraft(): Promise<Map<string, RollupCounts>>;
  ofDraft(draftId: string): Promise<RollupCounts>;
}

/** Review findings stored beside each regulation, the figures comparative rules need, and reviewers' decisions. */
export interface ReviewFindingsRepository {
  reviewOf(id: string): Promise<StoredReview | undefined>;
  storeComparativeReview(id: string, review: RegulationReview, basis: string): Promise<void>;
  catalogueInField(field: string): Promise<CatalogueComparable[]>;
  neighbourCandidates(field: string, excludeId: string): Promise<NeighbourCandidate[]>;
  decide(decision: FindingDecision): Promise<void>;
  decisionsOf(regulationId: string): Promise<FindingDecision[]>;
}

/** The unit a team server serves (issue 21): one per shared database. */
export type UnitRecord = { id: string; name: string; createdAt: string };
/** A person who signs in to the team server: the agency they work for, the workflow roles they hold, and whether they administer the unit's accounts. */
export type PersonRecord = {
  id: string;
  unitId: string;
  /** Stored in lower case: a login is found whatever case it is typed in. */
  login: string;
  fullName: string;
  agency: string;
  roles: Role[];
  administrator: boolean;
  disabled: boolean;
  /** The password is one-time (printed by team init, user add or a reset): a session may only change it. */
  mustChangePassword: boolean;
  createdAt: string;
};
/** A signed-in session, stored under the SHA-256 of its token (the token itself is only ever in the person's cookie). */
export type SessionRecord = { personId: string; createdAt: string; lastSeenAt: string; expiresAt: string };
/** Failed sign-ins in a row for one key (an account's login as typed, or an address); each makes the next wait longer. */
export type LoginFailures = { failures: number; lastFailureAt: string };

/** The team server's accounts: the unit, its persons with their argon2id password hashes, sessions and sign-in failures. */
export interface AccountsRepository {
  insertUnit(unit: UnitRecord): Promise<void>;
  /** The unit this database serves; undefined before `tthc team init`. */
  unit(): Promise<UnitRecord | undefined>;
  /** False when the login is taken. */
  insertPerson(person: PersonRecord, passwordHash: string): Promise<boolean>;
  findPersonById(id: string): Promise<PersonRecord | undefined>;
  findPersonByLogin(login: string): Promise<{ person: PersonRecord; passwordHash: string } | undefined>;
  /** By login. */
  listPersons(): Promise<PersonRecord[]>;
  /** False when no such person. */
  setDisabled(id: string, disabled: boolean): Promise<boolean>;
  /** A new password, one-time (`mustChange`) or the person's own; false when no such person. */
  setPasswordHash(id: string, passwordHash: string, mustChange: boolean): Promise<boolean>;
  /** The workflow roles a person holds and whether they administer the unit's accounts; false when no such person. */
  setRoles(id: string, roles: readonly Role[], administrator: boolean): Promise<boolean>;
  insertSession(tokenHash: string, session: SessionRecord): Promise<void>;
  /** The session with its person, read in one statement: the team server asks on every request. */
  findSession(tokenHash: string): Promise<(SessionRecord & { person: PersonRecord }) | undefined>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Every session of the person (sign-out everywhere, a disabled account, a reset password), but the one under
   * `keepTokenHash` if given (the session that changed the password); answers how many ended.
   */
  deletePersonSessions(personId: string, keepTokenHash?: string): Promise<number>;
  loginFailures(keys: readonly string[]): Promise<Map<string, LoginFailures>>;
  /** One more failure in a row for each key, at `at`. */
  recordLoginFailure(keys: readonly string[], at: string): Promise<void>;
  clearLoginFailures(keys: readonly string[]): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk reads and writes, one call per page, never one per row: the dossier exchange (export and import) and the
// spreadsheet import of regulations (its rows as one `apply`).

/** Everything stored of one draft that a dossier carries, for the export to assemble. */
export type StoredDraftContents = {
  events: WorkflowEvent[];
  regulations: RegulationRecord[];
  /** In listByDraft's order. */
  opinions: OpinionRecord[];
  /** By opinion id. */
  responses: Map<string, OpinionResponse>;
  /** By regulation id. */
  decisions: Map<string, FindingDecisionRecord[]>;
};

/** The ids an incoming dossier names. */
export type IncomingIds = { draftIds: string[]; regulationIds: string[]; opinionIds: string[] };

/** Where the ids an incoming dossier names already live here: enough to refuse ids that belong elsewhere. */
export type StoredReferences = {
  /** Live or trashed. */
  drafts: Set<string>;
  /** Live or trashed regulation → its draft. */
  regulationDrafts: Map<string, string>;
  opinionRegulations: Map<string, string>;
};

/** What the merge of a page of incoming drafts compares with, keyed by the incoming ids. */
export type StoredForMerge = {
  drafts: Map<string, DraftRecord>;
  /** The stored workflow history of each stored draft, as EventsRepository.listByDraft reads it. */
  events: Map<string, WorkflowEvent[]>;
  regulations: Map<string, RegulationRecord>;
  /** Incoming drafts this installation holds in its trash: a file does not bring them back. */
  trashedDrafts: Set<string>;
  trashedRegulations: Set<string>;
  opinions: Map<string, OpinionRecord>;
  /** By opinion id. */
  responses: Map<string, OpinionResponse>;
  /** By regulation id, then finding key. */
  decisions: Map<string, Map<string, FindingDecision>>;
  /** Every conflict held for the page's drafts (and so for every entity in them), in the order they were held. */
  conflicts: ImportConflict[];
};

/** One write of an import, applied in the order given (a regulation's position and a round's copy depend on it). */
export type ImportWrite =
  | { kind: 'insertDraft'; record: Omit<DraftRecord, 'updatedAt'>; now: string }
  | { kind: 'updateDraft'; record: Omit<DraftRecord, 'updatedAt'>; now: string }
  | { kind: 'reindexDraft'; draftId: string }
  | { kind: 'appendEvent'; draftId: string; event: WorkflowEvent }
  | { kind: 'insertRegulation'; record: RegulationRecord; now: string }
  | { kind: 'updateRegulation'; record: RegulationRecord; now: string }
  /** An opinion whose id is not stored yet (a plain insert: no upsert cost in a long import). */
  | { kind: 'insertOpinion'; opinion: OpinionRecord }
  | { kind: 'saveOpinion'; opinion: OpinionRecord }
  | { kind: 'saveResponse'; opinionId: string; response: OpinionResponse }
  | { kind: 'decideFinding'; decision: FindingDecision }
  | { kind: 'insertConflict'; conflict: Omit<ImportConflict, 'status' | 'resolvedAt'> }
  | { kind: 'addRound'; draftId: string; stage: OpinionStage; takenAt: string };

export interface ExchangeRepository {
  /** The contents of each of the drafts, in one call for the page. */
  draftContents(draftIds: readonly string[]): Promise<Map<string, StoredDraftContents>>;
  references(ids: IncomingIds): Promise<StoredReferences>;
  storedForMerge(ids: IncomingIds): Promise<StoredForMerge>;
  /** `importing`: who imports and when, recorded as the change of what the writes change, whatever its stored version. */
  apply(writes: readonly ImportWrite[], importing: Omit<Edit, 'onVersion'>): Promise<void>;
}

/** A team draft out to work offline (migration 0330): who took it and since when. */
export type OfflineCopy = { id: string; draftId: string; takenBy: string; takenByName: string; takenAt: string };
/** The copy with the draft as it was sent (an exchanged draft, shared/domain/dossier.ts) and how it ended, if it has. */
export type OfflineCopyRecord = OfflineCopy & { base: unknown; returnedAt: string | null; releasedAt: string | null; releasedBy: string | null };

export interface OfflineCopiesRepository {
  /** Records the copy unless one of the draft is out already; false, writing nothing, then. */
  take(copy: OfflineCopy & { base: unknown }): Promise<boolean>;
  /** The draft's copy that is out: neither sent back nor released. */
  out(draftId: string): Promise<OfflineCopy | undefined>;
  /** Every copy out, the latest taken first. */
  listOut(): Promise<OfflineCopy[]>;
  /** The latest copy of the draft `takenBy` took, however it ended. */
  latestTakenBy(draftId: string, takenBy: string): Promise<OfflineCopyRecord | undefined>;
  /** Ends a copy sent back; false when it had been sent back already. */
  markReturned(id: string, at: string): Promise<boolean>;
  /** Ends a copy that is out, released by `by`; false when it was not out. */
  release(id: string, at: string, by: string): Promise<boolean>;
}

export interface Repositories {
  drafts: DraftsRepository;
  draftQueries: DraftQueries;
  regulations: RegulationsRepository;
  opinions: OpinionsRepository;
  revisions: RevisionsRepository;
  events: EventsRepository;
  settings: SettingsRepository;
  responses: OpinionResponsesRepository;
  conflicts: ImportConflictsRepository;
  rounds: RoundSnapshotsRepository;
  reports: ReportsRepository;
  catalogue: CatalogueRepository;
  costRollups: CostRollupRepository;
  findings: ReviewFindingsRepository;
  exchange: ExchangeRepository;
  accounts: AccountsRepository;
  offlineCopies: OfflineCopiesRepository;
}

// ---------------------------------------------------------------------------------------------------------------
// The store: transactions, and what the transports and the safekeeping service need of the engine itself.

export type Engine = 'sqlite' | 'postgres';

export type BackupKind = (typeof BACKUP_KINDS)[number];
export type StoredBackup = { name: string; kind: BackupKind; path: string; takenAt: string; sizeBytes: number };
export type RestoreResult = { keptCopy: string | null; schemaVersion: number };

/** A copy that cannot be taken or restored, said in Vietnamese for the person who asked. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The database cannot be used as it is (damaged, or written by a newer app): nothing was written, the message says what to do. */
export class DatabaseUnusableError extends Error {}

/**
 * The database could not even be opened because the storage takes no write (a full disk, a file size limit, a folder
 * that cannot be written): SQLite creates its write-ahead log and shared-memory files on opening. Nothing was written;
 * once the cause is gone the same command opens it. `code` is the API's error code for a write refused the same way.
 */
export class DatabaseStorageError extends DatabaseUnusableError {
  readonly code = 'storage';
  constructor(readonly refusal: StorageRefusal) {
    super(refusal === 'full' ? transportText.openDiskFull : transportText.openReadOnly);
    this.name = 'DatabaseStorageError';
  }
}

/**
 * This installation's history key (db/common/historyKey.ts) cannot be made or read, so no store is opened: a history
 * written without it could not be sealed. Nothing was written; the message names the key file and how to put it elsewhere.
 */
export class HistoryKeyError extends DatabaseUnusableError {
  constructor(problem: 'unwritable' | 'unreadable' | 'malformed', file: string) {
    super(transportText[HISTORY_KEY_MESSAGES[problem]].replace('{{file}}', file));
    this.name = 'HistoryKeyError';
  }
}

const HISTORY_KEY_MESSAGES = { unwritable: 'historyKeyUnwritable', unreadable: 'historyKeyUnreadable', malformed: 'historyKeyMalformed' } as const;

export class DatabaseTooNewError extends DatabaseUnusableError {
  constructor(found: number, understood: number) {
    super(`Cơ sở dữ liệu có phiên bản ${found}, mới hơn phiên bản ${understood} mà ứng dụng này hiểu. Hãy cập nhật ứng dụng.`);
    this.name = 'DatabaseTooNewError';
  }
}

/** Copies of the database a person can trust, kept in one folder and rotated per kind. */
export interface StoreBackups {
  /** Where the copies are kept, as the officer is shown it. */
  readonly folder: string;
  /** Newest first. */
  list(): Promise<StoredBackup[]>;
  /** A copy taken now into the folder (checked before it gets its name); older ones of the kind beyond its retention are removed. */
  take(kind: 'manual', at: Date): Promise<StoredBackup>;
  /** The copy of the day, taken by the day's first start; false when today's exists. */
  takeDaily(at: Date): Promise<boolean>;
  /** A checked copy at `target`, written under a temporary name and renamed once whole. */
  writeTo(target: string): Promise<void>;
  /**
   * Replaces the whole database with the copy at `source` once it is checked (a BackupError says why not), keeping the
   * replaced one among the copies. Other calls wait until the database is back.
   */
  restore(source: string, at: Date): Promise<RestoreResult>;
}

/** The signed-in person a call writes for, named in the changes it makes. */
export type ChangeAuthor = { login: string; fullName: string };
/** A draft, its regulations or opinions changed and committed; `by` when a signed-in person made the change. */
export type DraftChange = { draftId: string; by?: ChangeAuthor };
/** When a draft last changed, and for whom when a signed-in person was named. */
export type DraftChangeStamp = { changedAt: string; by?: ChangeAuthor };
export interface ChangeFeed {
  /** Calls `listener` for each committed change until the returned function is called. */
  subscribe(listener: (change: DraftChange) => void): () => void;
  /** Resolves once this process listens (a change committed after that reaches every subscriber). */
  listening(): Promise<void>;
}

/** What the engine's own failures mean to a transport. */
export interface StoreFailures {
  /** Another writer holds the database (SQLITE_BUSY; on PostgreSQL a serialization failure or deadlock): the call may be tried again. */
  isBusy(error: unknown): boolean;
  /** The stored data is damaged (a corrupt page): the person is told to restore a copy. */
  isDamage(error: unknown): boolean;
  /** A guard in the database itself (append-only history, issued opinions) refused the write, in Vietnamese. */
  isGuardRefusal(error: unknown): boolean;
  /** The database server cannot be reached (stopped, restarting, network cut): the store reconnects on its own. */
  isUnavailable(error: unknown): boolean;
  /**
   * The storage cannot take the write for a cause outside the app, which goes away once fixed: the disk is full (or
   * the file reached the size it may have), or the database is read-only. Nothing was written.
   */
  storageRefusal(error: unknown): StorageRefusal | undefined;
}

export type StorageRefusal = 'full' | 'read_only';

/**
 * How the history's checkpoint is written: `extend` moves it forward unless the database no longer carries it forward;
 * `daily` does the same unless it was already written on that day (a start: the day's first writes it, the others
 * leave it); `replace` writes the history as it is now (after a restore made through the app).
 */
export type CheckpointMode = 'extend' | 'daily' | 'replace';

export interface Store {
  readonly engine: Engine;
  /**
   * One write transaction: everything `work` writes is committed together when it resolves, and nothing when it
   * throws. A `tx` or `read` called from inside `work` joins it (a nested `tx` as a savepoint).
   */
  tx<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** A consistent read: every query of `work` sees the same state. */
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** The engine's integrity check, references that point at nothing, and the history chain. */
  verify(): Promise<DatabaseCheck>;
  /**
   * Moves this installation's checkpoint of the history (db/common/historyCheckpoint.ts) forward to the database as it
   * is now: on each day's first start that may write (`daily`; the copies take it too). False, the checkpoint kept,
   * when the database no longer carries it forward (verify says why), when `daily` finds it written today already, and
   * when the store keeps no checkpoint (opened without its file). `replace` after a restore: the history brought back
   * is the one vouched for from then on.
   */
  checkpointHistory(at: Date, mode?: CheckpointMode): Promise<boolean>;
  /** Undefined when there is nothing to copy (an in-memory database). */
  readonly backups: StoreBackups | undefined;
  readonly failures: StoreFailures;
  /**
   * Rows written through this store so far, rolled back or not: the dispatcher tries a busy call again only if the
   * failed attempt wrote nothing. Inside `withinCall`, only the rows that call's own transactions committed.
   */
  writeCount(): number;
  /**
   * Runs one API call so that `writeCount` inside it counts that call's writes alone. Other calls commit meanwhile (on
   * PostgreSQL all the time, on SQLite queued on the one connection): counted together, any of them made a call whose
   * attempt failed busy look as if it had written, and it was refused as busy instead of tried again.
   */
  withinCall<T>(work: () => Promise<T>, author?: ChangeAuthor): Promise<T>;
  /**
   * Drafts changed by anyone on this database, this process or another, each told once its transaction committed
   * (PostgreSQL LISTEN/NOTIFY); undefined on SQLite, where one person works alone.
   */
  readonly changes: ChangeFeed | undefined;
  /** Waits for the work under way, then closes. */
  close(): Promise<void>;
}
