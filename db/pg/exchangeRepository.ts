// The dossier exchange on PostgreSQL: a page of drafts is read with one query per table for the whole page, and an
// import's writes are applied as batches — each run of consecutive writes of one kind is one statement (unnest arrays),
// never a round trip per row. Runs keep the order the writes were given in, so positions and round copies come out as
// they would one by one.
import type { OpinionResponse, WorkflowEvent } from '../../shared/domain/dossier';
import { TRASH_ACTIONS } from '../../shared/domain/regulationTrash';
import type { ResponseDecision, Role, WorkflowAction } from '../../shared/domain/vocabulary';
import type {
  DraftRecord,
  Edit,
  ExchangeRepository,
  FindingDecision,
  ImportWrite,
  StoredDraftContents,
  StoredForMerge,
} from '../port';
import { appendChained } from './eventsRepository';
import type { createPgImportConflictsRepository } from './importConflictsRepository';
import { INSERT_OPINIONS, OPINION_UPSERT, opinionColumns } from './opinionsRepository';
import type { PgOpinionsRepository } from './opinionsRepository';
import type { PgRegulationsRepository } from './regulationsRepository';
import type { PgReviewFindingsRepository } from './reviewFindingsRepository';
import type { RoundSnapshotsRepository } from '../port';
import type { PgSession } from './session';

type Tables = {
  regulations: PgRegulationsRepository;
  opinions: PgOpinionsRepository;
  conflicts: ReturnType<typeof createPgImportConflictsRepository>;
  rounds: RoundSnapshotsRepository;
  findings: PgReviewFindingsRepository;
};

type Of<K extends ImportWrite['kind']> = Extract<ImportWrite, { kind: K }>;

const LOCAL_ACTIONS = TRASH_ACTIONS.map((action) => `'${action}'`).join(', ');

/**
 * The order writes of a page are applied in: an import gives each draft's writes in this order already (the draft and
 * its history, each regulation with its opinions, responses and decisions, the held conflicts, the draft's own update,
 * its round), so sorting the page's writes by it, stably, keeps every draft's writes in their order while gathering
 * each kind of write of every draft into one statement: a page of hundreds of drafts costs a dozen round trips, not
 * thousands. The draft's update stays after its opinions (the opinions' guard reads the draft's status) and its round
 * after its regulations (the round copies them).
 */
const APPLY_ORDER: readonly ImportWrite['kind'][] = [
  'insertDraft',
  'appendEvent',
  'insertRegulation',
  'updateRegulation',
  'insertOpinion',
  'saveOpinion',
  'saveResponse',
  'decideFinding',
  'insertConflict',
  'updateDraft',
  'reindexDraft',
  'addRound',
];
const applyRank = new Map(APPLY_ORDER.map((kind, rank) => [kind, rank]));

/** The page's writes in APPLY_ORDER, when each draft's writes already follow it; otherwise as given. */
function inApplyOrder(writes: readonly ImportWrite[]): readonly ImportWrite[] {
  const draftOf = (write: ImportWrite): string => {
    switch (write.kind) {
      case 'insertDraft':
      case 'updateDraft':
        return write.record.id;
      case 'insertRegulation':
      case 'updateRegulation':
        return write.record.draftId;
      case 'insertConflict':
        return write.conflict.draftId;
      case 'appendEvent':
      case 'reindexDraft':
      case 'addRound':
        return write.draftId;
      default:
        return '';
    }
  };
  // Opinions, responses and decisions name no draft: they follow their regulation, so they keep to the last draft seen.
  // Within a draft the regulations' writes (a regulation, its opinions, …, a conflict held) alternate: they touch
  // different rows, so they may be gathered by kind too.
  const blockStart = applyRank.get('insertRegulation')!;
  const blockEnd = applyRank.get('insertConflict')!;
  const lastRank = new Map<string, number>();
  let draft = '';
  for (const write of writes) {
    draft = draftOf(write) || draft;
    const rank = applyRank.get(write.kind)!;
    const last = lastRank.get(draft) ?? 0;
    if (rank < last && !(rank >= blockStart && last <= blockEnd)) return writes;
    lastRank.set(draft, Math.max(rank, last));
  }
  return writes
    .map((write, index) => ({ write, index }))
    .sort((left, right) => applyRank.get(left.write.kind)! - applyRank.get(right.write.kind)! || left.index - right.index)
    .map(({ write }) => write);
}

/** Consecutive writes of one kind; a kind whose batch cannot touch one row twice also starts a new run on a repeated key. */
function runs(writes: readonly ImportWrite[]): ImportWrite[][] {
  const keyOf = (write: ImportWrite): string | undefined => {
    switch (write.kind) {
      case 'updateDraft':
        return write.record.id;
      case 'updateRegulation':
        return write.record.id;
      case 'saveOpinion':
        return write.opinion.id;
      case 'saveResponse':
        return write.opinionId;
      case 'decideFinding':
        return `${write.decision.regulationId} ${write.decision.key}`;
      default:
        return undefined;
    }
  };
  const result: ImportWrite[][] = [];
  let keys = new Set<string>();
  for (const write of writes) {
    const current = result.at(-1);
    const key = keyOf(write);
    if (!current || current[0]!.kind !== write.kind || (key !== undefined && keys.has(key))) {
      result.push([write]);
      keys = new Set(key === undefined ? [] : [key]);
    } else {
      current.push(write);
      if (key !== undefined) keys.add(key);
    }
  }
  return result;
}

const column = <T>(rows: readonly T[], value: (row: T) => unknown) => rows.map(value);
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function createPgExchangeRepository(session: PgSession, tables: Tables): ExchangeRepository {
  const { regulations, opinions, conflicts, rounds, findings } = tables;

  const draftValues = (writes: ReadonlyArray<{ record: Omit<DraftRecord, 'updatedAt'>; now: string }>) => [
    column(writes, (write) => write.record.id),
    column(writes, (write) => write.record.docType),
    column(writes, (write) => write.record.title),
    column(writes, (write) => write.record.draftingAgency),
    column(writes, (write) => write.record.submittedToGovernment),
    column(writes, (write) => write.record.status),
    column(writes, (write) => write.record.issuedAt),
    column(writes, (write) => write.now),
  ];
  const DRAFT_INPUT = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[])
    WITH ORDINALITY AS input (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, now, n)`;


  async function applyRun(run: readonly ImportWrite[], importing: Omit<Edit, 'onVersion'>): Promise<void> {
    const kind = run[0]!.kind;
    switch (kind) {
      case 'insertDraft': {
        await session.run(
          `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, created_at, updated_at, changed_at, changed_by)
           SELECT id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, now, now, now, $9::text FROM ${DRAFT_INPUT} ORDER BY n`,
          [...draftValues(run as Array<Of<'insertDraft'>>), importing.by],
        );
        return;
      }
      case 'updateDraft': {
        await session.run(
          `UPDATE drafts SET doc_type = input.doc_type, title = input.title, drafting_agency = input.drafting_agency,
             submitted_to_government = input.submitted_to_government, status = input.status, issued_at = input.issued_at, updated_at = input.now,
             version = drafts.version + 1, changed_at = input.now, changed_by = $9::text
           FROM ${DRAFT_INPUT} WHERE drafts.id = input.id`,
          [...draftValues(run as Array<Of<'updateDraft'>>), importing.by],
        );
        return;
      }
      case 'reindexDraft':
        // The search reads the draft's title from its own generated column.
        return;
      case 'appendEvent':
        return appendChained(session, run as Array<Of<'appendEvent'>>);
      case 'insertRegulation':
        return regulations.insertMany(
          (run as Array<Of<'insertRegulation'>>).map((write) => write.record),
          { at: (run[0] as Of<'insertRegulation'>).now, by: importing.by },
        );
      case 'updateRegulation':
        await regulations.updateMany(
          (run as Array<Of<'updateRegulation'>>).map((write) => write.record),
          { at: (run[0] as Of<'updateRegulation'>).now, by: importing.by },
        );
        return;
      case 'insertOpinion':
      case 'saveOpinion': {
        const upsert = kind === 'saveOpinion' ? OPINION_UPSERT : '';
        await session.run(`${INSERT_OPINIONS}${upsert}`, [
          ...opinionColumns((run as Array<Of<'insertOpinion' | 'saveOpinion'>>).map((write) => write.opinion)),
          importing.at,
          importing.by,
        ]);
        return;
      }
      case 'saveResponse': {
        const batch = run as Array<Of<'saveResponse'>>;
        await session.run(
          `INSERT INTO opinion_responses (opinion_id, decision, text, responded_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
           ON CONFLICT (opinion_id) DO UPDATE SET decision = excluded.decision, text = excluded.text, responded_at = excluded.responded_at, version = opinion_responses.version + 1, changed_at = excluded.responded_at, changed_by = ''`,
          [
            column(batch, (write) => write.opinionId),
            column(batch, (write) => write.response.decision),
            column(batch, (write) => write.response.text),
            column(batch, (write) => write.response.at),
          ],
        );
        return;
      }
      case 'decideFinding': {
        const batch = (run as Array<Of<'decideFinding'>>).map((write) => write.decision);
        await session.run(
          `INSERT INTO finding_decisions (regulation_id, finding_key, rule_set, decision, reason, decided_by, role, decided_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           ON CONFLICT (regulation_id, finding_key) DO UPDATE SET rule_set = excluded.rule_set, decision = excluded.decision,
             reason = excluded.reason, decided_by = excluded.decided_by, role = excluded.role, decided_at = excluded.decided_at`,
          [
            column(batch, (decision) => decision.regulationId),
            column(batch, (decision) => decision.key),
            column(batch, (decision) => decision.ruleSet),
            column(batch, (decision) => decision.decision),
            column(batch, (decision) => decision.reason),
            column(batch, (decision) => decision.by),
            column(batch, (decision) => decision.role),
            column(batch, (decision) => decision.at),
          ],
        );
        return;
      }
      case 'insertConflict': {
        const batch = (run as Array<Of<'insertConflict'>>).map((write) => write.conflict);
        await session.run(
          `INSERT INTO import_conflicts (id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at)
           SELECT id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::text[], $11::text[])
             WITH ORDINALITY AS input (id, draft_id, kind, entity_id, path, message, incoming, current, sender_agency, sender_role, received_at, n)
           ORDER BY n`,
          [
            column(batch, (conflict) => conflict.id),
            column(batch, (conflict) => conflict.draftId),
            column(batch, (conflict) => conflict.kind),
            column(batch, (conflict) => conflict.entityId),
            column(batch, (conflict) => conflict.path),
            column(batch, (conflict) => conflict.message),
            column(batch, (conflict) => JSON.stringify(conflict.incoming)),
            column(batch, (conflict) => json(conflict.current)),
            column(batch, (conflict) => conflict.senderAgency),
            column(batch, (conflict) => conflict.senderRole),
            column(batch, (conflict) => conflict.receivedAt),
          ],
        );
        return;
      }
      case 'addRound':
        // One statement per round (the round and its copy of the draft's regulations): a round is per draft, not per row.
        for (const write of run as Array<Of<'addRound'>>) await rounds.addRound(write.draftId, write.stage, write.takenAt);
        return;
    }
  }

  type EventRow = { draft_id: string; at: string; action: string; actor: string; role: string; note: string };
  const toEvent = (row: EventRow): WorkflowEvent => ({ at: row.at, action: row.action as WorkflowAction, actor: row.actor, role: row.role as Role, note: row.note });
  /** The workflow history of each draft, as EventsRepository.listByDraft reads it, in one query. */
  async function eventsOf(draftIds: readonly string[]): Promise<Map<string, WorkflowEvent[]>> {
    const rows = await session.rows<EventRow>(
      `SELECT draft_id, at, action, actor, role, note FROM events WHERE draft_id = ANY ($1::text[]) AND action NOT IN (${LOCAL_ACTIONS})
       ORDER BY draft_id, at_epoch_ms, seq`,
      [draftIds],
    );
    return groupBy(rows, (row) => row.draft_id, toEvent);
  }

  type ResponseRow = { opinion_id: string; decision: string; text: string; responded_at: string };
  const toResponse = (row: ResponseRow): OpinionResponse => ({ decision: row.decision as ResponseDecision, text: row.text, at: row.responded_at });

  return {
    async draftContents(draftIds) {
      const events = await eventsOf(draftIds);
      const live = groupBy(await regulations.listByDrafts(draftIds), (regulation) => regulation.draftId, (regulation) => regulation);
      const opinionRows = await opinions.listByDrafts(draftIds);
      const responseRows = groupBy(
        await session.rows<ResponseRow & { draft_id: string }>(
        `SELECT g.draft_id, s.opinion_id, s.decision, s.text, s.responded_at
         FROM regulations g JOIN opinions o ON o.regulation_id = g.id JOIN opinion_responses s ON s.opinion_id = o.id WHERE g.draft_id = ANY ($1::text[])`,
          [draftIds],
        ),
        (row) => row.draft_id,
        (row): [string, OpinionResponse] => [row.opinion_id, toResponse(row)],
      );
      const decisions = await findings.decisionsByDrafts(draftIds);
      return new Map(
        draftIds.map((id): [string, StoredDraftContents] => [
          id,
          {
            events: events.get(id) ?? [],
            regulations: live.get(id) ?? [],
            opinions: opinionRows.get(id) ?? [],
            responses: new Map(responseRows.get(id) ?? []),
            decisions: decisions.get(id) ?? new Map(),
          },
        ]),
      );
    },

    async references({ draftIds, regulationIds, opinionIds }) {
      const drafts = await session.rows<{ id: string }>('SELECT id FROM drafts WHERE id = ANY ($1::text[])', [draftIds]);
      const regulationRows = await session.rows<{ id: string; draft_id: string }>('SELECT id, draft_id FROM regulations WHERE id = ANY ($1::text[])', [regulationIds]);
      const opinionRows = await session.rows<{ id: string; regulation_id: string }>('SELECT id, regulation_id FROM opinions WHERE id = ANY ($1::text[])', [opinionIds]);
      return {
        drafts: new Set(drafts.map((row) => row.id)),
        regulationDrafts: new Map(regulationRows.map((row) => [row.id, row.draft_id])),
        opinionRegulations: new Map(opinionRows.map((row) => [row.id, row.regulation_id])),
      };
    },

    async storedForMerge({ draftIds, regulationIds, opinionIds }) {
      const stored: StoredForMerge = {
        drafts: new Map(),
        events: new Map(),
        regulations: new Map(),
        trashedDrafts: new Set(),
        trashedRegulations: new Set(),
        opinions: new Map(),
        responses: new Map(),
        decisions: new Map(),
        conflicts: await conflicts.listByDrafts(draftIds),
      };
      const rows = await session.rows<{ id: string; doc_type: string; title: string; drafting_agency: string; submitted_to_government: boolean; status: string; issued_at: string | null; updated_at: string; trashed: boolean }>(
        'SELECT id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, updated_at, deleted_at IS NOT NULL AS trashed FROM drafts WHERE id = ANY ($1::text[])',
        [draftIds],
      );
      // A draft in this installation's trash is not merged: a file does not bring it back.
      for (const row of rows) if (row.trashed) stored.trashedDrafts.add(row.id);
      const draftRows = rows.filter((row) => !row.trashed);
      const events = await eventsOf(draftRows.map((row) => row.id));
      for (const row of draftRows) {
        stored.drafts.set(row.id, {
          id: row.id,
          docType: row.doc_type as DraftRecord['docType'],
          title: row.title,
          draftingAgency: row.drafting_agency,
          submittedToGovernment: row.submitted_to_government,
          status: row.status as DraftRecord['status'],
          issuedAt: row.issued_at,
          updatedAt: row.updated_at,
        });
        stored.events.set(row.id, events.get(row.id) ?? []);
      }
      const trashed = await session.rows<{ id: string }>('SELECT id FROM regulations WHERE id = ANY ($1::text[]) AND deleted_at IS NOT NULL', [regulationIds]);
      for (const row of trashed) stored.trashedRegulations.add(row.id);
      for (const regulation of await regulations.findManyLive(regulationIds)) stored.regulations.set(regulation.id, regulation);
      const decisionRows = await session.rows<{ regulation_id: string; finding_key: string; rule_set: string; decision: string; reason: string; decided_by: string; role: string; decided_at: string }>(
        `SELECT regulation_id, finding_key, rule_set, decision, reason, decided_by, role, decided_at FROM finding_decisions
         WHERE regulation_id = ANY ($1::text[]) ORDER BY decided_at, finding_key`,
        [[...stored.regulations.keys()]],
      );
      for (const row of decisionRows) {
        const decision: FindingDecision = {
          regulationId: row.regulation_id,
          key: row.finding_key,
          ruleSet: row.rule_set,
          decision: row.decision as FindingDecision['decision'],
          reason: row.reason,
          by: row.decided_by,
          role: row.role as Role,
          at: row.decided_at,
        };
        const byKey = stored.decisions.get(decision.regulationId) ?? new Map<string, FindingDecision>();
        byKey.set(decision.key, decision);
        stored.decisions.set(decision.regulationId, byKey);
      }
      for (const opinion of await opinions.findMany(opinionIds)) stored.opinions.set(opinion.id, opinion);
      const responseRows = await session.rows<ResponseRow>(
        'SELECT opinion_id, decision, text, responded_at FROM opinion_responses WHERE opinion_id = ANY ($1::text[])',
        [[...stored.opinions.keys()]],
      );
      for (const row of responseRows) stored.responses.set(row.opinion_id, toResponse(row));
      return stored;
    },

    async apply(writes, importing) {
      for (const run of runs(inApplyOrder(writes))) await applyRun(run, importing);
    },
  };
}

function groupBy<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), value(row)]);
  return groups;
}

