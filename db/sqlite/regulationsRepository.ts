import type { Database, Statement } from 'better-sqlite3';
import { hasFilters, NO_FILTERS, type RegulationFilters } from '../../shared/contract/regulationFilters';
import type { WorksheetState } from '../../shared/domain/assessmentStatus';
import type { Recommendation } from '../../shared/domain/assessmentTemplate';
import type { Assessment, Components, RegulationBaseline } from '../../shared/domain/dossier';
import { measuresOf } from '../../shared/domain/measures';
import { METHOD_TIME_LIMIT_COLUMNS, methodTimeLimitValues } from '../common/methodTimeLimitColumns';
import type { RegulationReview } from '../../shared/domain/review/findings';
import { foldVietnamese, searchWords } from '../../shared/domain/textFold';
import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import { regulationFilterSql } from './regulationFilterSql';
import { storedSummaryColumns, summarizeAssessment } from '../common/storedSummary';
import { writtenReview } from '../common/storedReview';
import { recordAsStored } from '../common/methodLimitsFollowProcedure';
import { scopeClassOf } from '../../shared/domain/reformPrograms';
import type { Change, DocType, DraftStatus, Level, RegulationKind } from '../../shared/domain/vocabulary';
import type { ChecklistRow, Edit, ListedSummary, RegulationHitPage, RegulationRecord, SearchPosition, TrashedRegulation } from '../port';
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
  components: string;
  baseline: string | null;
  assessment: string | null;
};

type HitRow = RegulationRow & { draft_title: string; doc_type: string; draft_status: string; necessity_score: number | null; assessment_complete: number; review_finding_count: number };

const COLUMNS = 'seq, id, draft_id, kind, change, national_code, name, article, field, level, components, baseline, assessment';

function toRecord(row: RegulationRow): RegulationRecord {
  const record: RegulationRecord = {
    id: row.id,
    draftId: row.draft_id,
    kind: row.kind as RegulationKind,
    change: row.change as Change,
    name: row.name,
    components: JSON.parse(row.components) as Components,
  };
  if (row.national_code !== null) record.nationalCode = row.national_code;
  if (row.article !== null) record.article = row.article;
  if (row.field !== null) record.field = row.field;
  if (row.level !== null) record.level = row.level as Level;
  if (row.baseline !== null) record.baseline = JSON.parse(row.baseline) as RegulationBaseline;
  if (row.assessment !== null) record.assessment = JSON.parse(row.assessment) as Assessment;
  return record;
}

const reviewColumns = (review: RegulationReview) => ({
  reviewFindings: JSON.stringify(review.findings),
  reviewFindingCount: review.findings.length,
  reviewRuleSet: review.ruleSet,
});

/** Turns user text into an FTS5 query: every word must appear, as a prefix, ignoring case and diacritics. */
export function toSearchQuery(text: string): string {
  return searchWords(text)
    .map((word) => `"${word}"*`)
    .join(' ');
}

export function createRegulationsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO regulations (id, draft_id, position, kind, change, national_code, name, article, field, level, components, baseline, assessment,
       necessity_score, assessment_complete, annual_baseline_cost, annual_proposed_cost, time_limit_before, time_limit_after, conditions_before, conditions_after,
       review_findings, review_finding_count, review_rule_set, assessment_answered, assessment_total, assessment_worksheet,
       assessment_recommendation, assessment_problems, worksheet_annual_baseline, worksheet_annual_proposed, scope_class, ${METHOD_TIME_LIMIT_COLUMNS.join(', ')},
       created_at, updated_at, changed_at, changed_by, assessment_changed_at, assessment_changed_by)
     VALUES (@id, @draftId, @position, @kind, @change, @nationalCode, @name, @article, @field, @level, @components, @baseline, @assessment,
       @necessityScore, @assessmentComplete, @annualBaselineCost, @annualProposedCost, @timeLimitBefore, @timeLimitAfter, @conditionsBefore, @conditionsAfter,
       @reviewFindings, @reviewFindingCount, @reviewRuleSet, @answered, @total, @worksheet,
       @recommendation, @problemCount, @worksheetAnnualBaseline, @worksheetAnnualProposed, @scopeClass, ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `@${column}`).join(', ')},
       @now, @now, @now, @by, @now, @by)`,
  );
  // What is stored from the record as a whole (its assessment's summary, measures and review), rewritten with any change.
  const derived = `necessity_score = @necessityScore, assessment_complete = @assessmentComplete,
       annual_baseline_cost = @annualBaselineCost, annual_proposed_cost = @annualProposedCost, time_limit_before = @timeLimitBefore,
       time_limit_after = @timeLimitAfter, conditions_before = @conditionsBefore, conditions_after = @conditionsAfter,
       review_findings = @reviewFindings, review_finding_count = @reviewFindingCount, review_rule_set = @reviewRuleSet,
       review_comparative = 0, assessment_answered = @answered, assessment_total = @total, assessment_worksheet = @worksheet,
       assessment_recommendation = @recommendation, assessment_problems = @problemCount,
       worksheet_annual_baseline = @worksheetAnnualBaseline, worksheet_annual_proposed = @worksheetAnnualProposed, scope_class = @scopeClass,
       ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `${column} = @${column}`).join(', ')}, updated_at = @now`;
  // Each written only on the version its edit was made on (none given: whatever is stored), raising it by one. The
  // whole record's write raises the assessment's version too when it brings another assessment (a dossier import).
  const update = db.prepare(
    `UPDATE regulations SET kind = @kind, change = @change, national_code = @nationalCode, name = @name, article = @article,
       field = @field, level = @level, components = @components, baseline = @baseline, assessment = @assessment, ${derived},
       version = version + 1, changed_at = @now, changed_by = @by,
       assessment_version = assessment_version + (assessment IS NOT @assessment),
       assessment_changed_at = iif(assessment IS @assessment, assessment_changed_at, @now),
       assessment_changed_by = iif(assessment IS @assessment, assessment_changed_by, @by)
     WHERE id = @id AND (@onVersion IS NULL OR version = @onVersion)`,
  );
  const updateAssessment = db.prepare(
    `UPDATE regulations SET assessment = @assessment, ${derived},
       assessment_version = assessment_version + 1, assessment_changed_at = @now, assessment_changed_by = @by
     WHERE id = @id AND (@onVersion IS NULL OR assessment_version = @onVersion)`,
  );
  // A trashed regulation keeps its row (and its opinions) but leaves every list, search, count, report and export.
  const moveToTrash = db.prepare('UPDATE regulations SET deleted_at = @at, deleted_by = @by WHERE id = @id AND deleted_at IS NULL');
  const takeFromTrash = db.prepare('UPDATE regulations SET deleted_at = NULL, deleted_by = NULL, updated_at = @at WHERE id = @id AND deleted_at IS NOT NULL');
  const byId = db.prepare<[string], RegulationRow>(`SELECT ${COLUMNS} FROM regulations WHERE id = ? AND deleted_at IS NULL`);
  const trashedById = db.prepare<[string], RegulationRow & { deleted_at: string; deleted_by: string }>(
    `SELECT ${COLUMNS}, deleted_at, deleted_by FROM regulations WHERE id = ? AND deleted_at IS NOT NULL`,
  );
  const trashedByDraft = db.prepare<[string], RegulationRow & { deleted_at: string; deleted_by: string }>(
    `SELECT ${COLUMNS}, deleted_at, deleted_by FROM regulations WHERE draft_id = ? AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, seq DESC`,
  );
  const byDraft = db.prepare<[string], RegulationRow>(
    `SELECT ${COLUMNS} FROM regulations WHERE draft_id = ? AND deleted_at IS NULL ORDER BY position`,
  );
  type ChecklistColumns = {
    id: string; kind: string; change: string; national_code: string | null; name: string; started: number; assessment_complete: number;
    assessment_completed_at: string | null; assessment_answered: number; assessment_total: number; assessment_worksheet: string;
    necessity_score: number | null; assessment_recommendation: string; assessment_problems: number;
    worksheet_annual_baseline: number | null; worksheet_annual_proposed: number | null;
  };
  const checklist = db.prepare<[string], ChecklistColumns>(
    `SELECT id, kind, change, national_code, name, assessment IS NOT NULL AS started, assessment_complete, assessment_completed_at,
       assessment_answered, assessment_total, assessment_worksheet, necessity_score, assessment_recommendation, assessment_problems,
       worksheet_annual_baseline, worksheet_annual_proposed
     FROM regulations WHERE draft_id = ? AND deleted_at IS NULL ORDER BY position`,
  );
  // A draft's list reads neither the assessment nor the baseline (the bulk of each row): its stored summary stands in.
  const listedByDraft = db.prepare<[string], RegulationRow & { necessity_score: number | null; assessment_complete: number; review_finding_count: number }>(
    `SELECT seq, id, draft_id, kind, change, national_code, name, article, field, level, components, NULL AS baseline, NULL AS assessment,
       necessity_score, assessment_complete, review_finding_count
     FROM regulations WHERE draft_id = ? AND deleted_at IS NULL ORDER BY position`,
  );
  const nextPosition = db.prepare<[string], { next: number }>(
    'SELECT coalesce(max(position), -1) + 1 AS next FROM regulations WHERE draft_id = ?',
  );
  const indexText = db.prepare<[string], { seq: number; body: string }>(
    `SELECT r.seq, concat_ws(' ', r.name, r.field, r.article, r.national_code, d.title) AS body
     FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.id = ? AND r.deleted_at IS NULL`,
  );
  const draftRegulationIds = db.prepare<[string], { id: string }>('SELECT id FROM regulations WHERE draft_id = ? AND deleted_at IS NULL');
  const trashedWithDraft = db.prepare<[string, string], { id: string }>('SELECT id FROM regulations WHERE draft_id = ? AND deleted_at = ?');
  const deleteIndex = db.prepare('DELETE FROM regulation_search WHERE rowid = ?');
  const insertIndex = db.prepare('INSERT INTO regulation_search (rowid, body) VALUES (?, ?)');
  const seqOf = db.prepare<[string], { seq: number }>('SELECT seq FROM regulations WHERE id = ?');
  // Newest first: ranking every match by bm25 costs tens of milliseconds on common words like "dang ky". A hit carries
  // its draft and stored summary, so a page of hits is one query; later pages continue after the last key (no OFFSET).
  const hitColumns = `${COLUMNS.split(', ').map((column) => `r.${column}`).join(', ')}, d.title AS draft_title, d.doc_type, d.status AS draft_status,
    r.necessity_score, r.assessment_complete, r.review_finding_count`;
  const matching = `SELECT ${hitColumns} FROM regulation_search s JOIN regulations r ON r.seq = s.rowid JOIN drafts d ON d.id = r.draft_id
    WHERE regulation_search MATCH ?`;
  const search = db.prepare<[string, number, number], HitRow>(`${matching} ORDER BY s.rowid DESC LIMIT ? OFFSET ?`);
  const searchAfter = db.prepare<[string, number, number], HitRow>(`${matching} AND s.rowid < ? ORDER BY s.rowid DESC LIMIT ?`);
  const searchCount = db.prepare<[string], { total: number }>(
    'SELECT count(*) AS total FROM regulation_search WHERE regulation_search MATCH ?',
  );
  const everyLive = `SELECT ${hitColumns} FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.deleted_at IS NULL`;
  const listAll = db.prepare<[number, number], HitRow>(`${everyLive} ORDER BY r.name, r.seq LIMIT ? OFFSET ?`);
  const listAllAfter = db.prepare<[string, number, number], HitRow>(`${everyLive} AND (r.name, r.seq) > (?, ?) ORDER BY r.name, r.seq LIMIT ?`);
  const countAll = db.prepare<[], { total: number }>('SELECT count(*) AS total FROM regulations WHERE deleted_at IS NULL');
  // Filtered searches are built per set of filters used (a handful in a session), each prepared once.
  const filteredStatements = new Map<string, Statement>();
  const filtered = (sql: string): Statement => {
    let statement = filteredStatements.get(sql);
    if (!statement) filteredStatements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const filteredFrom = (query: string, where: string) =>
    query === ''
      ? `FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.deleted_at IS NULL${where}`
      : `FROM regulation_search s JOIN regulations r ON r.seq = s.rowid JOIN drafts d ON d.id = r.draft_id WHERE regulation_search MATCH @query${where}`;
  function filteredRows(query: string, filters: RegulationFilters, limit: number, from: SearchPosition): HitRow[] | undefined {
    const { where, params } = regulationFilterSql(filters);
    const body = `SELECT ${hitColumns} ${filteredFrom(query, where)}`;
    const bound = { ...params, limit, ...(query === '' ? {} : { query }) };
    if (query === '') {
      if ('offset' in from) return filtered(`${body} ORDER BY r.name, r.seq LIMIT @limit OFFSET @offset`).all({ ...bound, offset: from.offset }) as HitRow[];
      const [name, seq] = from.after;
      if (from.after.length !== 2 || typeof name !== 'string' || typeof seq !== 'number') return undefined;
      return filtered(`${body} AND (r.name, r.seq) > (@afterName, @afterSeq) ORDER BY r.name, r.seq LIMIT @limit`).all({ ...bound, afterName: name, afterSeq: seq }) as HitRow[];
    }
    if ('offset' in from) return filtered(`${body} ORDER BY s.rowid DESC LIMIT @limit OFFSET @offset`).all({ ...bound, offset: from.offset }) as HitRow[];
    const [seq] = from.after;
    if (from.after.length !== 1 || typeof seq !== 'number') return undefined;
    return filtered(`${body} AND s.rowid < @afterSeq ORDER BY s.rowid DESC LIMIT @limit`).all({ ...bound, afterSeq: seq }) as HitRow[];
  }
  const distinctFields = db.prepare<[], { value: string }>(
    "SELECT DISTINCT field AS value FROM regulations WHERE deleted_at IS NULL AND field IS NOT NULL AND field <> '' ORDER BY field",
  );
  const distinctAgencies = db.prepare<[], { value: string }>(
    'SELECT DISTINCT drafting_agency AS value FROM drafts WHERE deleted_at IS NULL ORDER BY drafting_agency',
  );
  const summaries = db.prepare<[string], { id: string; necessity_score: number | null; assessment_complete: number; review_finding_count: number }>(
    'SELECT id, necessity_score, assessment_complete, review_finding_count FROM regulations WHERE id IN (SELECT value FROM json_each(?))',
  );

  const draftOf = db.prepare<[string], { doc_type: string; title: string; drafting_agency: string }>('SELECT doc_type, title, drafting_agency FROM drafts WHERE id = ?');
  const catalogueRecord = db.prepare<[string], { record: string }>('SELECT record FROM catalogue_procedures WHERE code = ?');
  /** The published record under a code, or under its national part when a local variant (…H01) is not held. */
  const publishedRecord = (code: string | undefined): CatalogueProcedure | undefined => {
    const row = code ? (catalogueRecord.get(code) ?? catalogueRecord.get(code.slice(0, 8))) : undefined;
    return row ? (JSON.parse(row.record) as CatalogueProcedure) : undefined;
  };
  // Every procedure with a code, trashed ones too (they come back with the class they should have); rare: after a catalogue import.
  const scopeCandidates = db.prepare<[], { seq: number; components: string; national_code: string; scope_class: string }>(
    "SELECT seq, components, national_code, scope_class FROM regulations WHERE kind = 'tthc' AND national_code IS NOT NULL",
  );
  const setScopeClass = db.prepare<[string, number]>('UPDATE regulations SET scope_class = ? WHERE seq = ?');
  const params = (given: RegulationRecord, { at: now, by }: Edit, draft = draftOf.get(given.draftId)) => {
    // Whatever path typed it (the form, a dossier import): a method's limit the same as the procedure's is the procedure's.
    const record = recordAsStored(given);
    const summary = summarizeAssessment(record.assessment, record.change);
    // Derived from the record by one pure function, in the same statement as the write (migration 0070 fills old rows).
    const measures = measuresOf(record);
    // Every rule against the record under the regulation's own code, so that lists count findings from the write on;
    // reading the findings runs them again with the draft's date, the closest procedure for a new one and near duplicates.
    const published = publishedRecord(record.nationalCode);
    const review = writtenReview(record, now, draft ? { docType: draft.doc_type as DocType, draftingAgency: draft.drafting_agency } : undefined, published);
    return {
      id: record.id,
      draftId: record.draftId,
      kind: record.kind,
      change: record.change,
      nationalCode: record.nationalCode ?? null,
      name: record.name,
      article: record.article ?? null,
      field: record.field ?? null,
      level: record.level ?? null,
      components: JSON.stringify(record.components),
      baseline: record.baseline ? JSON.stringify(record.baseline) : null,
      assessment: record.assessment ? JSON.stringify(record.assessment) : null,
      ...storedSummaryColumns(summary),
      timeLimitBefore: measures.timeLimitDays?.baseline ?? null,
      timeLimitAfter: measures.timeLimitDays?.proposed ?? null,
      conditionsBefore: measures.businessConditions?.baseline ?? null,
      conditionsAfter: measures.businessConditions?.proposed ?? null,
      ...methodTimeLimitValues(measures),
      scopeClass: scopeClassOf(record, published),
      ...reviewColumns(review),
      now,
      by,
    };
  };

  /** A new regulation has no index row yet, so only an update needs the old one removed. */
  function reindex(id: string, isNew = false): void {
    const row = indexText.get(id);
    if (!row) return;
    if (!isNew) deleteIndex.run(row.seq);
    insertIndex.run(row.seq, foldVietnamese(row.body));
  }

  function trash(id: string, at: string, by: string): boolean {
    const row = seqOf.get(id);
    const moved = moveToTrash.run({ id, at, by }).changes === 1;
    if (moved && row) deleteIndex.run(row.seq);
    return moved;
  }
  function untrash(id: string, at: string): boolean {
    const restored = takeFromTrash.run({ id, at }).changes === 1;
    if (restored) reindex(id, true);
    return restored;
  }

  return {
    insert(record: RegulationRecord, edit: Edit): void {
      const position = nextPosition.get(record.draftId)?.next ?? 0;
      const draft = draftOf.get(record.draftId);
      const { lastInsertRowid } = insert.run({ ...params(record, edit, draft), position });
      // The search text from what was just written, as indexText would read it back (concat_ws skips only NULLs).
      const body = [record.name, record.field, record.article, record.nationalCode, draft?.title].filter((part) => part !== undefined).join(' ');
      insertIndex.run(lastInsertRowid, foldVietnamese(body));
    },
    /** False, writing nothing, when the stored version is not `edit.onVersion`; the assessment's version rises only when it changes. */
    update(record: RegulationRecord, edit: Edit): boolean {
      if (update.run({ ...params(record, edit), onVersion: edit.onVersion ?? null }).changes === 0) return false;
      reindex(record.id);
      return true;
    },
    /** Writes the assessment and what is stored from it; false, writing nothing, when the assessment's stored version is not `edit.onVersion`. */
    saveAssessment(record: RegulationRecord, edit: Edit): boolean {
      return updateAssessment.run({ ...params(record, edit), onVersion: edit.onVersion ?? null }).changes === 1;
    },
    /** False when it was not there or already in the trash. */
    trash,
    /** False when it was not in the trash. */
    untrash,
    findTrashed(id: string): TrashedRegulation | undefined {
      const row = trashedById.get(id);
      return row ? { ...toRecord(row), deletedAt: row.deleted_at, deletedBy: row.deleted_by } : undefined;
    },
    listTrashed(draftId: string): TrashedRegulation[] {
      return trashedByDraft.all(draftId).map((row) => ({ ...toRecord(row), deletedAt: row.deleted_at, deletedBy: row.deleted_by }));
    },
    /** The draft's live regulations into the trash with the draft, at the draft's instant `at`. */
    trashWithDraft(draftId: string, at: string, by: string): void {
      for (const { id } of draftRegulationIds.all(draftId)) trash(id, at, by);
    },
    /** Back out of the trash: the draft's regulations put there with it at `trashedAt`, not those trashed before. */
    untrashWithDraft(draftId: string, trashedAt: string, now: string): void {
      for (const { id } of trashedWithDraft.all(draftId, trashedAt)) untrash(id, now);
    },
    /** The draft's title is part of each regulation's search text. */
    reindexDraft(draftId: string): void {
      for (const { id } of draftRegulationIds.all(draftId)) reindex(id);
    },
    rescope(codes: readonly string[]): number {
      const parts = new Set(codes.map((code) => code.slice(0, 8)));
      let changed = 0;
      for (const row of parts.size === 0 ? [] : scopeCandidates.all()) {
        if (!parts.has(row.national_code.slice(0, 8))) continue;
        const scopeClass = scopeClassOf({ kind: 'tthc', components: JSON.parse(row.components) as Components }, publishedRecord(row.national_code));
        if (scopeClass !== row.scope_class) changed += setScopeClass.run(scopeClass, row.seq).changes;
      }
      return changed;
    },
    findById(id: string): RegulationRecord | undefined {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    listByDraft(draftId: string): RegulationRecord[] {
      return byDraft.all(draftId).map(toRecord);
    },
    /** The draft's regulations as its page lists them: without assessment and baseline, with their stored summary. */
    listedByDraft(draftId: string): Array<{ regulation: RegulationRecord; summary: ListedSummary }> {
      return listedByDraft.all(draftId).map((row) => ({
        regulation: toRecord(row),
        summary: { necessityScore: row.necessity_score, assessmentComplete: row.assessment_complete === 1, findingCount: row.review_finding_count },
      }));
    },
    /** The draft's assessment checklist from the columns stored on write: no assessment is parsed or scored. */
    checklistByDraft(draftId: string): ChecklistRow[] {
      return checklist.all(draftId).map((row) => {
        const item: ChecklistRow = {
          id: row.id,
          kind: row.kind as RegulationKind,
          change: row.change as Change,
          name: row.name,
          started: row.started === 1,
          complete: row.assessment_complete === 1,
          completedAt: row.assessment_completed_at,
          answered: row.assessment_answered,
          total: row.assessment_total,
          worksheet: row.assessment_worksheet as WorksheetState,
          score: row.necessity_score,
          recommendation: row.assessment_recommendation as Recommendation,
          problems: row.assessment_problems,
          annual: row.worksheet_annual_baseline === null || row.worksheet_annual_proposed === null ? null : { baseline: row.worksheet_annual_baseline, proposed: row.worksheet_annual_proposed },
        };
        if (row.national_code !== null) item.nationalCode = row.national_code;
        return item;
      });
    },
    assessmentSummaries(ids: readonly string[]): Map<string, ListedSummary> {
      return new Map(
        summaries
          .all(JSON.stringify(ids))
          .map((row) => [
            row.id,
            { necessityScore: row.necessity_score, assessmentComplete: row.assessment_complete === 1, findingCount: row.review_finding_count },
          ]),
      );
    },
    countMatches(text: string, filters: RegulationFilters = NO_FILTERS): number {
      const query = toSearchQuery(text);
      if (hasFilters(filters)) {
        const { where, params } = regulationFilterSql(filters);
        const row = filtered(`SELECT count(*) AS total ${filteredFrom(query, where)}`).get({ ...params, ...(query === '' ? {} : { query }) }) as { total: number } | undefined;
        return row?.total ?? 0;
      }
      return (query === '' ? countAll.get() : searchCount.get(query))?.total ?? 0;
    },
    /** What the search filters offer: the fields and drafting agencies the database holds. */
    searchOptions(): { fields: string[]; agencies: string[] } {
      return { fields: distinctFields.all().map((row) => row.value), agencies: distinctAgencies.all().map((row) => row.value) };
    },
    /**
     * One page of hits, from `offset` or after the key a previous page ended on: full-text hits newest first (key: seq),
     * the whole list (blank text) by name then seq (key: name, seq). A key of the wrong shape is `undefined` back.
     */
    search(text: string, limit: number, from: SearchPosition, filters: RegulationFilters = NO_FILTERS): RegulationHitPage | undefined {
      const query = toSearchQuery(text);
      let rows: HitRow[];
      if (hasFilters(filters)) {
        const found = filteredRows(query, filters, limit, from);
        if (!found) return undefined;
        rows = found;
      } else if ('offset' in from) rows = query === '' ? listAll.all(limit, from.offset) : search.all(query, limit, from.offset);
      else if (query === '') {
        const [name, seq] = from.after;
        if (from.after.length !== 2 || typeof name !== 'string' || typeof seq !== 'number') return undefined;
        rows = listAllAfter.all(name, seq, limit);
      } else {
        const [seq] = from.after;
        if (from.after.length !== 1 || typeof seq !== 'number') return undefined;
        rows = searchAfter.all(query, seq, limit);
      }
      const lastRow = rows.at(-1);
      return {
        items: rows.map((row) => ({
          regulation: toRecord(row),
          draftTitle: row.draft_title,
          docType: row.doc_type as DocType,
          draftStatus: row.draft_status as DraftStatus,
          summary: { necessityScore: row.necessity_score, assessmentComplete: row.assessment_complete === 1, findingCount: row.review_finding_count },
        })),
        last: lastRow ? (query === '' ? [lastRow.name, lastRow.seq] : [lastRow.seq]) : null,
      };
    },
  };
}
export type RegulationsRepository = ReturnType<typeof createRegulationsRepository>;
