// The period statistics' and dashboard's counts on PostgreSQL: the same rows as db/sqlite/reportsRepository.ts, per
// day, draft and verdict; costs summed exactly (numeric) as SQLite's compensated total() nearly always is.
import type { WaitingDraft } from '../../shared/domain/dashboard';
import type { CostFact, IssuedFact, OpinionFact, PeriodFacts, SectionFact } from '../../shared/domain/periodFacts';
import type { Period } from '../../shared/domain/statistics';
import { METHOD_TIME_LIMIT_COLUMNS, methodPairsOfRow, type MethodTimeLimitColumn } from '../common/methodTimeLimitColumns';
import { SCOPE_CLASSES, type ScopeClass } from '../../shared/domain/reformPrograms';
import type { Change, DocType, DraftStatus, OpinionStage, RegulationKind, Verdict } from '../../shared/domain/vocabulary';
import type { ReportsRepository } from '../port';
import { STANDING_OPINION } from './regulationFilterSql';
import type { PgSession } from './session';

type SectionRow = { date: string; draft_id: string; doc_type: string; agency: string; kind: string; regulations: number };
type OpinionRow = SectionRow & { verdict: string };
type IssuedRow = { date: string; draft_id: string; agency: string; kind: string; change: string; regulations: number };
type CostRow = { date: string } & Record<`${ScopeClass}_${'baseline' | 'proposed'}`, number>;

/** A day's row as one fact per scope class. */
const costFacts = (row: CostRow): CostFact[] =>
  SCOPE_CLASSES.map((scopeClass) => ({ date: row.date, scopeClass, baseline: row[`${scopeClass}_baseline`], proposed: row[`${scopeClass}_proposed`] }));
type MeasureRow = { date: string; scope_class: ScopeClass; time_before: number | null; time_after: number | null; conditions_before: number | null; conditions_after: number | null } & Record<
  MethodTimeLimitColumn,
  number | null
>;
type WaitingRow = { id: string; title: string; doc_type: string; agency: string; status: string; last_event_at: string | null };

const toSection = (row: SectionRow): SectionFact => ({ date: row.date, draftId: row.draft_id, docType: row.doc_type as DocType, agency: row.agency, kind: row.kind as RegulationKind, regulations: row.regulations });

/** Each takes the period as $1 and $2 (ISO dates, both included); `opined` its stage as $3. */
export const PG_REPORT_SQL = {
  assessed: `SELECT r.assessment_completed_at AS date, r.draft_id, d.doc_type, d.drafting_agency AS agency, r.kind, count(*)::integer AS regulations
    FROM regulations r JOIN drafts d ON d.id = r.draft_id
    WHERE r.assessment_completed_at BETWEEN $1 AND $2 AND r.deleted_at IS NULL
    GROUP BY r.assessment_completed_at, r.draft_id, d.doc_type, d.drafting_agency, r.kind`,
  opined: `SELECT o.issued_at AS date, r.draft_id, d.doc_type, d.drafting_agency AS agency, r.kind, o.verdict, count(*)::integer AS regulations
    FROM opinions o JOIN regulations r ON r.id = o.regulation_id JOIN drafts d ON d.id = r.draft_id
    WHERE o.stage = $3 AND o.issued_at BETWEEN $1 AND $2 AND r.deleted_at IS NULL AND ${STANDING_OPINION}
    GROUP BY o.issued_at, r.draft_id, d.doc_type, d.drafting_agency, r.kind, o.verdict`,
  issued: `SELECT d.issued_at AS date, d.id AS draft_id, d.drafting_agency AS agency, r.kind, r.change, count(*)::integer AS regulations
    FROM drafts d JOIN regulations r ON r.draft_id = d.id
    WHERE d.issued_at BETWEEN $1 AND $2 AND r.deleted_at IS NULL
    GROUP BY d.issued_at, d.id, d.drafting_agency, r.kind, r.change`,
  // One row a day with each scope class's sums side by side (migration 0230), as on SQLite.
  costs: `SELECT r.assessment_completed_at AS date, ${SCOPE_CLASSES.map(
    (scopeClass) => `coalesce(sum(r.annual_baseline_cost::numeric) FILTER (WHERE r.scope_class = '${scopeClass}'), 0)::float8 AS ${scopeClass}_baseline,
      coalesce(sum(r.annual_proposed_cost::numeric) FILTER (WHERE r.scope_class = '${scopeClass}'), 0)::float8 AS ${scopeClass}_proposed`,
  ).join(', ')}
    FROM regulations r
    WHERE r.assessment_completed_at BETWEEN $1 AND $2 AND r.deleted_at IS NULL AND r.annual_baseline_cost IS NOT NULL
    GROUP BY r.assessment_completed_at`,
  measures: `SELECT r.assessment_completed_at AS date, r.scope_class, r.time_limit_before AS time_before, r.time_limit_after AS time_after,
      r.conditions_before, r.conditions_after, ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `r.${column}`).join(', ')}
    FROM regulations r
    WHERE r.assessment_completed_at BETWEEN $1 AND $2 AND r.deleted_at IS NULL AND (r.time_limit_before IS NOT NULL OR r.conditions_before IS NOT NULL)`,
  waiting: `SELECT d.id, d.title, d.doc_type, d.drafting_agency AS agency, d.status,
      (SELECT e.at FROM events e WHERE e.draft_id = d.id ORDER BY e.at_epoch_ms DESC, e.seq DESC LIMIT 1) AS last_event_at
    FROM drafts d WHERE d.status <> 'issued' AND d.deleted_at IS NULL`,
  latestDate: `SELECT max(date) AS date FROM (
       SELECT max(assessment_completed_at) AS date FROM regulations WHERE assessment_completed_at <= $1 AND deleted_at IS NULL
       UNION ALL SELECT max(issued_at) FROM opinions WHERE issued_at <= $1
       UNION ALL SELECT max(issued_at) FROM drafts WHERE issued_at <= $1) latest`,
} as const;

const pair = (baseline: number | null, proposed: number | null) => (baseline === null || proposed === null ? null : { baseline, proposed });

export function createPgReportsRepository(session: PgSession): ReportsRepository {
  const opinionFacts = async (period: Period, stage: OpinionStage): Promise<OpinionFact[]> =>
    (await session.rows<OpinionRow>(PG_REPORT_SQL.opined, [period.from, period.to, stage])).map((row) => ({ ...toSection(row), verdict: row.verdict as Verdict }));
  return {
    async periodFacts(period): Promise<PeriodFacts> {
      const bounds = [period.from, period.to];
      return {
        assessment: (await session.rows<SectionRow>(PG_REPORT_SQL.assessed, bounds)).map(toSection),
        appraisal: await opinionFacts(period, 'appraisal'),
        review: await opinionFacts(period, 'review'),
        issued: (await session.rows<IssuedRow>(PG_REPORT_SQL.issued, bounds)).map(
          (row): IssuedFact => ({ date: row.date, draftId: row.draft_id, agency: row.agency, kind: row.kind as RegulationKind, change: row.change as Change, regulations: row.regulations }),
        ),
        cost: (await session.rows<CostRow>(PG_REPORT_SQL.costs, bounds)).flatMap(costFacts),
        measures: (await session.rows<MeasureRow>(PG_REPORT_SQL.measures, bounds)).map((row) => ({
          date: row.date,
          scopeClass: row.scope_class,
          timeLimitDays: pair(row.time_before, row.time_after),
          timeLimitsByMethod: methodPairsOfRow(row),
          businessConditions: pair(row.conditions_before, row.conditions_after),
        })),
      };
    },
    async latestActivityDate(today) {
      return (await session.row<{ date: string | null }>(PG_REPORT_SQL.latestDate, [today]))?.date ?? null;
    },
    async waitingDrafts(): Promise<WaitingDraft[]> {
      return (await session.rows<WaitingRow>(PG_REPORT_SQL.waiting)).map((row) => ({
        id: row.id,
        title: row.title,
        docType: row.doc_type as DocType,
        draftingAgency: row.agency,
        status: row.status as DraftStatus,
        lastEventAt: row.last_event_at,
      }));
    },
  };
}
