// Read model of the period statistics and the dashboard: the database counts, through its date indexes, the
// regulations that count in each section per day, draft and verdict (shared/domain/periodFacts.ts sums them).
// At 100.000 regulations these take about 0,2 s; counting the whole dossier export in memory took 2,4 s or more.
import type { Database } from 'better-sqlite3';
import type { WaitingDraft } from '../../shared/domain/dashboard';
import type { CostFact, IssuedFact, OpinionFact, PeriodFacts, SectionFact } from '../../shared/domain/periodFacts';
import type { Period } from '../../shared/domain/statistics';
import { METHOD_TIME_LIMIT_COLUMNS, methodPairsOfRow, type MethodTimeLimitColumn } from '../common/methodTimeLimitColumns';
import { SCOPE_CLASSES, type ScopeClass } from '../../shared/domain/reformPrograms';
import type { Change, DocType, DraftStatus, OpinionStage, RegulationKind, Verdict } from '../../shared/domain/vocabulary';
import { STANDING_OPINION } from './regulationFilterSql';

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

const toSection = (row: SectionRow): SectionFact => ({
  date: row.date,
  draftId: row.draft_id,
  docType: row.doc_type as DocType,
  agency: row.agency,
  kind: row.kind as RegulationKind,
  regulations: row.regulations,
});

/** Exported for the query-plan test. Each takes the period as @from and @to (ISO dates, both included). */
export const REPORT_SQL = {
  assessed: `SELECT r.assessment_completed_at AS date, r.draft_id, d.doc_type, d.drafting_agency AS agency, r.kind, count(*) AS regulations
    FROM regulations r JOIN drafts d ON d.id = r.draft_id
    WHERE r.assessment_completed_at BETWEEN @from AND @to AND r.deleted_at IS NULL
    GROUP BY r.assessment_completed_at, r.draft_id, r.kind`,
  // A regulation counts at a stage only by its standing opinion there: the latest, the later-stored one on a tie.
  // It is looked up among the regulation's own few opinions; left alone, the planner walks every opinion of the stage.
  opined: `SELECT o.issued_at AS date, r.draft_id, d.doc_type, d.drafting_agency AS agency, r.kind, o.verdict, count(*) AS regulations
    FROM opinions o JOIN regulations r ON r.id = o.regulation_id JOIN drafts d ON d.id = r.draft_id
    WHERE o.stage = @stage AND o.issued_at BETWEEN @from AND @to AND r.deleted_at IS NULL
      AND ${STANDING_OPINION}
    GROUP BY o.issued_at, r.draft_id, r.kind, o.verdict`,
  // Drafts are ten times fewer than regulations: scan them for the issue date (CROSS JOIN keeps them the outer
  // loop), then take the regulations of the few issued ones by index.
  issued: `SELECT d.issued_at AS date, d.id AS draft_id, d.drafting_agency AS agency, r.kind, r.change, count(*) AS regulations
    FROM drafts d CROSS JOIN regulations r ON r.draft_id = d.id
    WHERE d.issued_at BETWEEN @from AND @to AND r.deleted_at IS NULL
    GROUP BY d.id, r.kind, r.change`,
  // Each regulation's annual cost as the roll-ups count it is stored beside it (annual_*_cost, migration 0090; null
  // when it counts nowhere): summed per day here, so the report's cost is the cost tab's for the same regulations.
  // One row a day with each scope class's sums side by side (migration 0230): grouped by the day alone, the date
  // index gives the order and nothing is sorted.
  costs: `SELECT r.assessment_completed_at AS date, ${SCOPE_CLASSES.map(
    (scopeClass) => `total(iif(r.scope_class = '${scopeClass}', r.annual_baseline_cost, NULL)) AS ${scopeClass}_baseline,
      total(iif(r.scope_class = '${scopeClass}', r.annual_proposed_cost, NULL)) AS ${scopeClass}_proposed`,
  ).join(', ')}
    FROM regulations r
    WHERE r.assessment_completed_at BETWEEN @from AND @to AND r.deleted_at IS NULL AND r.annual_baseline_cost IS NOT NULL
    GROUP BY r.assessment_completed_at`,
  measures: `SELECT r.assessment_completed_at AS date, r.scope_class, r.time_limit_before AS time_before, r.time_limit_after AS time_after,
      r.conditions_before, r.conditions_after, ${METHOD_TIME_LIMIT_COLUMNS.map((column) => `r.${column}`).join(', ')}
    FROM regulations r
    WHERE r.assessment_completed_at BETWEEN @from AND @to AND r.deleted_at IS NULL AND (r.time_limit_before IS NOT NULL OR r.conditions_before IS NOT NULL)`,
  waiting: `SELECT d.id, d.title, d.doc_type, d.drafting_agency AS agency, d.status,
      (SELECT e.at FROM events e WHERE e.draft_id = d.id ORDER BY e.at_epoch_ms DESC, e.seq DESC LIMIT 1) AS last_event_at
    FROM drafts d WHERE d.status <> 'issued' AND d.deleted_at IS NULL`,
} as const;

export function createReportsRepository(db: Database) {
  // Each part reads the end of its date index; a date after `today` (a typo, a planned issue) does not count.
  const latestDate = db.prepare<{ today: string }, { date: string | null }>(
    `SELECT max(date) AS date FROM (
       SELECT max(assessment_completed_at) AS date FROM regulations WHERE assessment_completed_at <= @today AND deleted_at IS NULL
       UNION ALL SELECT max(issued_at) FROM opinions WHERE issued_at <= @today
       UNION ALL SELECT max(issued_at) FROM drafts WHERE issued_at <= @today)`,
  );
  const assessed = db.prepare<Period, SectionRow>(REPORT_SQL.assessed);
  const opined = db.prepare<Period & { stage: OpinionStage }, OpinionRow>(REPORT_SQL.opined);
  const issued = db.prepare<Period, IssuedRow>(REPORT_SQL.issued);
  const costs = db.prepare<Period, CostRow>(REPORT_SQL.costs);
  const measures = db.prepare<Period, MeasureRow>(REPORT_SQL.measures);
  const waiting = db.prepare<[], WaitingRow>(REPORT_SQL.waiting);
  const pair = (baseline: number | null, proposed: number | null) => (baseline === null || proposed === null ? null : { baseline, proposed });

  const opinionFacts = (period: Period, stage: OpinionStage): OpinionFact[] =>
    opined.all({ ...period, stage }).map((row) => ({ ...toSection(row), verdict: row.verdict as Verdict }));

  return {
    /** Everything that counts in the statistics of `period` or of any period inside it. */
    periodFacts(period: Period): PeriodFacts {
      return {
        assessment: assessed.all(period).map(toSection),
        appraisal: opinionFacts(period, 'appraisal'),
        review: opinionFacts(period, 'review'),
        issued: issued.all(period).map(
          (row): IssuedFact => ({ date: row.date, draftId: row.draft_id, agency: row.agency, kind: row.kind as RegulationKind, change: row.change as Change, regulations: row.regulations }),
        ),
        cost: costs.all(period).flatMap(costFacts),
        measures: measures.all(period).map((row) => ({
          date: row.date,
          scopeClass: row.scope_class,
          timeLimitDays: pair(row.time_before, row.time_after),
          timeLimitsByMethod: methodPairsOfRow(row),
          businessConditions: pair(row.conditions_before, row.conditions_after),
        })),
      };
    },

    /** The latest day up to `today` on which something counted in the statistics happened; null on an empty database. */
    latestActivityDate(today: string): string | null {
      return latestDate.get({ today })?.date ?? null;
    },

    /** Drafts not yet issued, with the time of their latest event (null when they came without history). */
    waitingDrafts(): WaitingDraft[] {
      return waiting.all().map((row) => ({
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
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
