// Regulations on PostgreSQL: the same stored figures as on SQLite (computed by the same TypeScript from the record and
// its draft), written in batches (one statement for any number of regulations, positions numbered in SQL), and the
// folded search of db/pg/regulationSearch.ts over the generated word columns (nothing to re-index by hand).
import { NO_FILTERS } from '../../shared/contract/regulationFilters';
import type { WorksheetState } from '../../shared/domain/assessmentStatus';
import type { Recommendation } from '../../shared/domain/assessmentTemplate';
import type { Assessment, Components, RegulationBaseline } from '../../shared/domain/dossier';
import { measuresOf } from '../../shared/domain/measures';
import { METHOD_TIME_LIMIT_COLUMNS, methodTimeLimitValues } from '../common/methodTimeLimitColumns';
import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import type { Change, DocType, DraftStatus, Level, RegulationKind } from '../../shared/domain/vocabulary';
import type { ChecklistRow, Edit, ListedSummary, RegulationRecord, RegulationsRepository, TrashedRegulation } from '../port';
import { storedSummaryColumns, summarizeAssessment } from '../common/storedSummary';
import { writtenReview, type DraftOfRecord } from '../common/storedReview';
import { recordAsStored } from '../common/methodLimitsFollowProcedure';
import { scopeClassOf } from '../../shared/domain/reformPrograms';
import { lastKey, regulationCountQuery, regulationSearchQuery } from './regulationSearch';
import type { PgSession } from './session';

type RegulationRow = {
  seq: number;
  id: string;
  draft_id: string;
  kind: string;
  change: string;
  national_code: string | null;
  name: string;
  article: string | null;
  field: string | null;
  level: string | null;
  components: Components;
  baseline: RegulationBaseline | null;
  assessment: Assessment | null;
};
type SummaryColumns = { necessity_score: number | null; assessment_complete: boolean; review_finding_count: number };
type HitRow = RegulationRow & SummaryColumns & { draft_title: string; doc_type: string; draft_status: string };
type TrashedRow = RegulationRow & { deleted_at: string; deleted_by: string };

const COLUMNS = 'seq, id, draft_id, kind, change, national_code, name, article, field, level, components, baseline, assessment';
const HIT_COLUMNS = `${COLUMNS.split(', ').map((column) => `r.${column}`).join(', ')}, d.title AS draft_title, d.doc_type, d.status AS draft_status,
  r.necessity_score, r.assessment_complete, r.review_finding_count`;

function toRecord(row: RegulationRow): RegulationRecord {
  const record: RegulationRecord = { id: row.id, draftId: row.draft_id, kind: row.kind as RegulationKind, change: row.change as Change, name: row.name, components: row.components };
  if (row.national_code !== null) record.nationalCode = row.national_code;
  if (row.article !== null) record.article = row.article;
  if (row.field !== null) record.field = row.field;
  if (row.level !== null) record.level = row.level as Level;
  if (row.baseline !== null) record.baseline = row.baseline;
  if (row.assessment !== null) record.assessment = row.assessment;
  return record;
}

const toSummary = (row: SummaryColumns): ListedSummary => ({
  necessityScore: row.necessity_score,
  assessmentComplete: row.assessment_complete,
  findingCount: row.review_finding_count,
});

const toTrashed = (row: TrashedRow): TrashedRegulation => ({ ...toRecord(row), deletedAt: row.deleted_at, deletedBy: row.deleted_by });

/** Every column a write sets, with its array type for a batch (`unnest`) and its value from the record's figures. */
type Figures = ReturnType<typeof figuresOf>;
const WRITTEN: ReadonlyArray<readonly [column: string, type: string, value: (figures: Figures) => unknown]> = [
  ['id', 'text', (f) => f.record.id],
  ['draft_id', 'text', (f) => f.record.draftId],
  ['kind', 'text', (f) => f.record.kind],
  ['change', 'text', (f) => f.record.change],
  ['national_code', 'text', (f) => f.record.nationalCode ?? null],
  ['name', 'text', (f) => f.record.name],
  ['article', 'text', (f) => f.record.article ?? null],
  ['field', 'text', (f) => f.record.field ?? null],
  ['level', 'text', (f) => f.record.level ?? null],
  ['components', 'jsonb', (f) => JSON.stringify(f.record.components)],
  ['baseline', 'jsonb', (f) => (f.record.baseline ? JSON.stringify(f.record.baseline) : null)],
  ['assessment', 'jsonb', (f) => (f.record.assessment ? JSON.stringify(f.record.assessment) : null)],
  ['necessity_score', 'float8', (f) => f.summary.necessityScore],
  ['assessment_complete', 'boolean', (f) => f.summary.assessmentComplete === 1],
  ['annual_baseline_cost', 'float8', (f) => f.summary.annualBaselineCost],
  ['annual_proposed_cost', 'float8', (f) => f.summary.annualProposedCost],
  ['time_limit_before', 'float8', (f) => f.measures.timeLimitDays?.baseline ?? null],
  ['time_limit_after', 'float8', (f) => f.measures.timeLimitDays?.proposed ?? null],
  ['conditions_before', 'integer', (f) => f.measures.businessConditions?.baseline ?? null],
  ['conditions_after', 'integer', (f) => f.measures.businessConditions?.proposed ?? null],
  ['review_findings', 'jsonb', (f) => JSON.stringify(f.review.findings)],
  ['review_finding_count', 'integer', (f) => f.review.findings.length],
  ['review_rule_set', 'text', (f) => f.review.ruleSet],
  ['assessment_answered', 'integer', (f) => f.summary.answered],
  ['assessment_total', 'integer', (f) => f.summary.total],
  ['assessment_worksheet', 'text', (f) => f.summary.worksheet],
  ['assessment_recommendation', 'text', (f) => f.summary.recommendation],
  ['assessment_problems', 'integer', (f) => f.summary.problemCount],
  ['worksheet_annual_baseline', 'float8', (f) => f.summary.worksheetAnnualBaseline],
  ['worksheet_annual_proposed', 'float8', (f) => f.summary.worksheetAnnualProposed],
  ['scope_class', 'text', (f) => f.scopeClass],
  ...METHOD_TIME_LIMIT_COLUMNS.map((column) => [column, 'float8', (f: Figures) => methodTimeLimitValues(f.measures)[column]] as const),
  ['updated_at', 'text', (f) => f.now],
];

/** What is stored beside a record, derived from it, its draft and its published procedure by the same functions as on SQLite. */
function figuresOf(given: RegulationRecord, now: string, draft: DraftOfRecord | undefined, published: CatalogueProcedure | undefined) {
  // Whatever path typed it (the form, a dossier import): a method's limit the same as the procedure's is the procedure's.
  const record = recordAsStored(given);
  return {
    record,
    now,
    summary: storedSummaryColumns(summarizeAssessment(record.assessment, record.change)),
    measures: measuresOf(record),
    // Every rule against the record under its own code, as on SQLite (db/sqlite/regulationsRepository.ts params); the
    // comparative ones run when findings are read.
    review: writtenReview(record, now, draft, published),
    scopeClass: scopeClassOf(record, published),
  };
}

/** The columns as arrays, one per column, for `unnest` (each parameter cast to its array type in the statement). */
const columnArrays = (rows: readonly Figures[]) => WRITTEN.map(([, , value]) => rows.map(value));
const UNNESTED = WRITTEN.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
const NAMES = WRITTEN.map(([column]) => column).join(', ');
/** The parameters after the columns' arrays: who changes the records, and the version the change was made on. */
const BY = `$${WRITTEN.length + 1}::text`;
const ON_VERSION = `$${WRITTEN.length + 2}::integer`;
/** The record's own columns but its assessment; every other written column is the assessment or stored from the record. */
const RECORD_COLUMNS = new Set(['id', 'draft_id', 'kind', 'change', 'national_code', 'name', 'article', 'field', 'level', 'components', 'baseline']);
const assignments = (columns: ReadonlyArray<(typeof WRITTEN)[number]>) => columns.map(([column]) => `${column} = input.${column}`).join(', ');
// The assessment and what is stored from the record as a whole (its assessment's summary, measures and review).
const ASSESSMENT_AND_DERIVED = `${assignments(WRITTEN.filter(([column]) => !RECORD_COLUMNS.has(column)))}, review_comparative = false`;

export type PgRegulationsRepository = RegulationsRepository & {
  /** Inserts every record in one statement, each after the regulations its draft already has, in the order given. */
  insertMany(records: readonly RegulationRecord[], edit: Edit): Promise<void>;
  /**
   * Rewrites every record (its stored figures too) in one statement, each only on `edit.onVersion` when given; the
   * number of records written.
   */
  updateMany(records: readonly RegulationRecord[], edit: Edit): Promise<number>;
  /** The live regulations of the drafts, each draft's in list order, in one query. */
  listByDrafts(draftIds: readonly string[]): Promise<RegulationRecord[]>;
  /** The live regulations among `ids`, in one query. */
  findManyLive(ids: readonly string[]): Promise<RegulationRecord[]>;
};

export function createPgRegulationsRepository(session: PgSession): PgRegulationsRepository {
  /** The document type of each draft the records belong to: the review rules depend on it. */
  async function draftsOf(records: readonly RegulationRecord[]): Promise<Map<string, DraftOfRecord>> {
    const draftIds = [...new Set(records.map((record) => record.draftId))];
    const rows = await session.rows<{ id: string; doc_type: string; drafting_agency: string }>(
      'SELECT id, doc_type, drafting_agency FROM drafts WHERE id = ANY ($1::text[])',
      [draftIds],
    );
    return new Map(rows.map((row) => [row.id, { docType: row.doc_type as DocType, draftingAgency: row.drafting_agency }]));
  }
  /** The published record under each code, or under its national part when a local variant (…H01) is not held. */
  async function publishedOf(records: readonly RegulationRecord[]): Promise<(code: string | undefined) => CatalogueProcedure | undefined> {
    const codes = [...new Set(records.flatMap((record) => (record.nationalCode ? [record.nationalCode, record.nationalCode.slice(0, 8)] : [])))];
    const rows = codes.length === 0 ? [] : await session.rows<{ code: string; record: CatalogueProcedure }>('SELECT code, record FROM catalogue_procedures WHERE code = ANY ($1::text[])', [codes]);
    const byCode = new Map(rows.map((row) => [row.code, row.record]));
    return (code) => (code ? (byCode.get(code) ?? byCode.get(code.slice(0, 8))) : undefined);
  }
  async function figures(records: readonly RegulationRecord[], now: string): Promise<Figures[]> {
    const drafts = await draftsOf(records);
    const published = await publishedOf(records);
    return records.map((record) => figuresOf(record, now, drafts.get(record.draftId), published(record.nationalCode)));
  }

  const repository: PgRegulationsRepository = {
    async insertMany(records, edit) {
      if (records.length === 0) return;
      await session.run(
        `INSERT INTO regulations (${NAMES}, position, created_at, changed_at, changed_by, assessment_changed_at, assessment_changed_by)
         SELECT ${NAMES},
           coalesce((SELECT max(position) FROM regulations stored WHERE stored.draft_id = input.draft_id), -1)
             + row_number() OVER (PARTITION BY input.draft_id ORDER BY input.n),
           input.updated_at, input.updated_at, ${BY}, input.updated_at, ${BY}
         FROM unnest(${UNNESTED}) WITH ORDINALITY AS input (${NAMES}, n)
         ORDER BY input.n`,
        [...columnArrays(await figures(records, edit.at)), edit.by],
      );
    },
    // Each written only on the version its edit was made on (none given: whatever is stored), raising it by one. The
    // whole record's write raises the assessment's version too when it brings another assessment (a dossier import).
    async updateMany(records, edit) {
      if (records.length === 0) return 0;
      const unchangedAssessment = 'regulations.assessment IS NOT DISTINCT FROM input.assessment';
      return session.run(
        `UPDATE regulations SET ${assignments(WRITTEN.filter(([column]) => RECORD_COLUMNS.has(column) && column !== 'id' && column !== 'draft_id'))}, ${ASSESSMENT_AND_DERIVED},
           version = regulations.version + 1, changed_at = input.updated_at, changed_by = ${BY},
           assessment_version = regulations.assessment_version + (NOT (${unchangedAssessment}))::integer,
           assessment_changed_at = CASE WHEN ${unchangedAssessment} THEN regulations.assessment_changed_at ELSE input.updated_at END,
           assessment_changed_by = CASE WHEN ${unchangedAssessment} THEN regulations.assessment_changed_by ELSE ${BY} END
         FROM unnest(${UNNESTED}) AS input (${NAMES})
         WHERE regulations.id = input.id AND (${ON_VERSION} IS NULL OR regulations.version = ${ON_VERSION})`,
        [...columnArrays(await figures(records, edit.at)), edit.by, edit.onVersion ?? null],
      );
    },
    insert: (record, edit) => repository.insertMany([record], edit),
    update: async (record, edit) => (await repository.updateMany([record], edit)) === 1,
    async saveAssessment(record, edit) {
      const written = await session.run(
        `UPDATE regulations SET ${ASSESSMENT_AND_DERIVED},
           assessment_version = regulations.assessment_version + 1, assessment_changed_at = input.updated_at, assessment_changed_by = ${BY}
         FROM unnest(${UNNESTED}) AS input (${NAMES})
         WHERE regulations.id = input.id AND (${ON_VERSION} IS NULL OR regulations.assessment_version = ${ON_VERSION})`,
        [...columnArrays(await figures([record], edit.at)), edit.by, edit.onVersion ?? null],
      );
      return written === 1;
    },
    async trash(id, at, by) {
      return (await session.run('UPDATE regulations SET deleted_at = $2, deleted_by = $3 WHERE id = $1 AND deleted_at IS NULL', [id, at, by])) === 1;
    },
    async untrash(id, at) {
      return (await session.run('UPDATE regulations SET deleted_at = NULL, deleted_by = NULL, updated_at = $2 WHERE id = $1 AND deleted_at IS NOT NULL', [id, at])) === 1;
    },
    async findTrashed(id) {
      const row = await session.row<TrashedRow>(`SELECT ${COLUMNS}, deleted_at, deleted_by FROM regulations WHERE id = $1 AND deleted_at IS NOT NULL`, [id]);
      return row ? toTrashed(row) : undefined;
    },
    async listTrashed(draftId) {
      const rows = await session.rows<TrashedRow>(
        `SELECT ${COLUMNS}, deleted_at, deleted_by FROM regulations WHERE draft_id = $1 AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, seq DESC`,
        [draftId],
      );
      return rows.map(toTrashed);
    },
    async trashWithDraft(draftId, at, by) {
      await session.run('UPDATE regulations SET deleted_at = $2, deleted_by = $3 WHERE draft_id = $1 AND deleted_at IS NULL', [draftId, at, by]);
    },
    async untrashWithDraft(draftId, trashedAt, now) {
      await session.run('UPDATE regulations SET deleted_at = NULL, deleted_by = NULL, updated_at = $3 WHERE draft_id = $1 AND deleted_at = $2', [
        draftId,
        trashedAt,
        now,
      ]);
    },
    // The draft's title is searched through its own generated column: nothing to rewrite here.
    async reindexDraft() {},
    async rescope(codes) {
      const parts = [...new Set(codes.map((code) => code.slice(0, 8)))];
      if (parts.length === 0) return 0;
      const rows = await session.rows<{ seq: number; components: Components; national_code: string; scope_class: string }>(
        "SELECT seq, components, national_code, scope_class FROM regulations WHERE kind = 'tthc' AND left(national_code, 8) = ANY ($1::text[])",
        [parts],
      );
      const held = [...new Set(rows.flatMap((row) => [row.national_code, row.national_code.slice(0, 8)]))];
      const records = held.length === 0 ? [] : await session.rows<{ code: string; record: CatalogueProcedure }>('SELECT code, record FROM catalogue_procedures WHERE code = ANY ($1::text[])', [held]);
      const byCode = new Map(records.map((row) => [row.code, row.record]));
      const changed = rows.flatMap((row) => {
        const scopeClass = scopeClassOf({ kind: 'tthc', components: row.components }, byCode.get(row.national_code) ?? byCode.get(row.national_code.slice(0, 8)));
        return scopeClass === row.scope_class ? [] : [{ seq: row.seq, scope_class: scopeClass }];
      });
      if (changed.length === 0) return 0;
      return session.run(
        `UPDATE regulations AS r SET scope_class = f.scope_class FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, scope_class text) WHERE r.seq = f.seq`,
        [JSON.stringify(changed)],
      );
    },
    async findById(id) {
      const row = await session.row<RegulationRow>(`SELECT ${COLUMNS} FROM regulations WHERE id = $1 AND deleted_at IS NULL`, [id]);
      return row ? toRecord(row) : undefined;
    },
    async listByDraft(draftId) {
      return (await session.rows<RegulationRow>(`SELECT ${COLUMNS} FROM regulations WHERE draft_id = $1 AND deleted_at IS NULL ORDER BY position`, [draftId])).map(toRecord);
    },
    async listByDrafts(draftIds) {
      const rows = await session.rows<RegulationRow>(
        `SELECT ${COLUMNS} FROM regulations WHERE draft_id = ANY ($1::text[]) AND deleted_at IS NULL ORDER BY draft_id, position`,
        [draftIds],
      );
      return rows.map(toRecord);
    },
    async findManyLive(ids) {
      return (await session.rows<RegulationRow>(`SELECT ${COLUMNS} FROM regulations WHERE id = ANY ($1::text[]) AND deleted_at IS NULL`, [ids])).map(toRecord);
    },
    async listedByDraft(draftId) {
      const rows = await session.rows<RegulationRow & SummaryColumns>(
        `SELECT seq, id, draft_id, kind, change, national_code, name, article, field, level, components, NULL::jsonb AS baseline, NULL::jsonb AS assessment,
           necessity_score, assessment_complete, review_finding_count
         FROM regulations WHERE draft_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [draftId],
      );
      return rows.map((row) => ({ regulation: toRecord(row), summary: toSummary(row) }));
    },
    async checklistByDraft(draftId) {
      type Row = {
        id: string; kind: string; change: string; national_code: string | null; name: string; started: boolean; assessment_complete: boolean;
        assessment_completed_at: string | null; assessment_answered: number; assessment_total: number; assessment_worksheet: string;
        necessity_score: number | null; assessment_recommendation: string; assessment_problems: number;
        worksheet_annual_baseline: number | null; worksheet_annual_proposed: number | null;
      };
      const rows = await session.rows<Row>(
        `SELECT id, kind, change, national_code, name, assessment IS NOT NULL AS started, assessment_complete, assessment_completed_at,
           assessment_answered, assessment_total, assessment_worksheet, necessity_score, assessment_recommendation, assessment_problems,
           worksheet_annual_baseline, worksheet_annual_proposed
         FROM regulations WHERE draft_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [draftId],
      );
      return rows.map((row) => {
        const item: ChecklistRow = {
          id: row.id,
          kind: row.kind as RegulationKind,
          change: row.change as Change,
          name: row.name,
          started: row.started,
          complete: row.assessment_complete,
          completedAt: row.assessment_completed_at,
          answered: row.assessment_answered,
          total: row.assessment_total,
          worksheet: row.assessment_worksheet as WorksheetState,
          score: row.necessity_score,
          recommendation: row.assessment_recommendation as Recommendation,
          problems: row.assessment_problems,
          annual:
            row.worksheet_annual_baseline === null || row.worksheet_annual_proposed === null
              ? null
              : { baseline: row.worksheet_annual_baseline, proposed: row.worksheet_annual_proposed },
        };
        if (row.national_code !== null) item.nationalCode = row.national_code;
        return item;
      });
    },
    async assessmentSummaries(ids) {
      const rows = await session.rows<SummaryColumns & { id: string }>(
        'SELECT id, necessity_score, assessment_complete, review_finding_count FROM regulations WHERE id = ANY ($1::text[])',
        [ids],
      );
      return new Map(rows.map((row) => [row.id, toSummary(row)]));
    },
    async countMatches(text, filters = NO_FILTERS) {
      const query = regulationCountQuery(text, filters);
      return (await session.row<{ total: number }>(query.text, query.values))?.total ?? 0;
    },
    async searchOptions() {
      const fields = await session.rows<{ value: string }>(
        "SELECT DISTINCT field AS value FROM regulations WHERE deleted_at IS NULL AND field IS NOT NULL AND field <> '' ORDER BY field",
      );
      const agencies = await session.rows<{ value: string }>('SELECT DISTINCT drafting_agency AS value FROM drafts WHERE deleted_at IS NULL ORDER BY drafting_agency');
      return { fields: fields.map((row) => row.value), agencies: agencies.map((row) => row.value) };
    },
    async search(text, limit, from, filters = NO_FILTERS) {
      const query = regulationSearchQuery(HIT_COLUMNS, text, limit, from, filters);
      if (!query) return undefined;
      const rows = await session.rows<HitRow>(query.text, query.values);
      return {
        items: rows.map((row) => ({
          regulation: toRecord(row),
          draftTitle: row.draft_title,
          docType: row.doc_type as DocType,
          draftStatus: row.draft_status as DraftStatus,
          summary: toSummary(row),
        })),
        last: lastKey(rows.at(-1), query.isBlank),
      };
    },
  };
  return repository;
}
