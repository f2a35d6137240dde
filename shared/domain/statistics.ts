// Period statistics for VPCP's monthly report (DOMAIN.md "Period statistics"), in the exact shape that
// `tthc report --format json` prints (EXCHANGE.md), with its counting rules.
import { z } from 'zod';
import './zodVietnamese';
import { costReduction } from './cost';
import { compensatedSum, countedAnnualCost } from './costRollup';
import { isoDate, type Draft, type Opinion, type Regulation } from './dossier';
import { measureTotal, measureTotalByKind, measureTotalsByMethod, measuresOf, methodPairs, type MeasurePair } from './measures';
import { judgePeriod, programCovers, programsDuring, REFORM_MEASURES, scopeClassOf, type ProgramJudgement, type ScopeClass } from './reformPrograms';
import { DOC_TYPES, FILING_METHODS, REGULATION_KINDS, type DocType, type OpinionStage, type RegulationKind } from './vocabulary';

export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((period) => period.from <= period.to, { message: 'ngày bắt đầu phải không sau ngày kết thúc', path: ['to'] });
export type Period = z.infer<typeof periodSchema>;

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const money = z.number().nonnegative();

const programJudgementSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  /** Whom the program's targets cover, in words ("TTHC liên quan đến sản xuất, kinh doanh và QĐKD"). */
  scopeLabel: z.string(),
  validFrom: isoDate,
  validTo: isoDate.optional(),
  targets: z.array(z.object({ measure: z.enum(REFORM_MEASURES), target: z.number(), achieved: z.number().nullable(), met: z.boolean().nullable() })),
});

/** A count of regulations split by kind: a QĐKD is not a TTHC, and every table gives them apart (issue 22). */
export const kindCountsSchema = z.object({ tthc: count, qdkd: count });
export type KindCounts = z.infer<typeof kindCountsSchema>;
export const noKinds = (): KindCounts => ({ tthc: 0, qdkd: 0 });

const measureTotalSchema = z.object({
  regulations: count,
  baseline: z.number().nonnegative(),
  proposed: z.number().nonnegative(),
  reductionShare: z.number().max(1).nullable(),
  // Added with issue 19's wording («01 QĐKD»); optional so that a report printed before it still reads.
  byKind: kindCountsSchema.optional(),
});

export const issuedCountsSchema = z.object({ new: count, amended: count, abolished: count });
export type IssuedCounts = z.infer<typeof issuedCountsSchema>;

// The split by kind came with issue 22; optional in the schema so that a report printed before it still reads.
const sectionSchema = z.object({
  /** TTHC and QĐKD together, as VPCP's year-to-date sentence counts them; `byKind` gives them apart. */
  regulations: count,
  byKind: kindCountsSchema.optional(),
  drafts: count,
  /** Distinct drafts per document type; types with no draft are left out. */
  draftsByType: z.partialRecord(z.enum(DOC_TYPES), count.positive()),
});
const reviewSchema = sectionSchema.extend({ remove: count, amend: count, removeOrAmendShare: share, removeByKind: kindCountsSchema.optional(), amendByKind: kindCountsSchema.optional() });
const issuedSchema = issuedCountsSchema.extend({ byKind: z.object({ tthc: issuedCountsSchema, qdkd: issuedCountsSchema }).optional() });

export const periodReportSchema = z.object({
  period: periodSchema,
  assessment: sectionSchema,
  appraisal: sectionSchema,
  review: reviewSchema,
  issued: issuedSchema,
  // The regulations assessed in the period as the roll-ups count them (costRollup.ts countedAnnualCost), new and
  // abolished ones included. The reduction is negative when a draft makes compliance dearer.
  cost: z.object({ baseline: money, proposed: money, reductionShare: z.number().max(1) }),
  // Added with the 2025 programs (docs/report-json.md); optional so that a report printed before them still reads.
  /** Processing time limits (days) before and after, summed over the regulations assessed in the period that have both. */
  processingTime: measureTotalSchema.optional(),
  /**
   * The same per filing method (issue 22), each over the regulations assessed in the period that offer the method,
   * its limit after against its own before (measures.ts timeLimitsByMethod); a procedure listing no method counts in none.
   */
  processingTimeByMethod: z.object(Object.fromEntries(FILING_METHODS.map((method) => [method, measureTotalSchema])) as Record<(typeof FILING_METHODS)[number], typeof measureTotalSchema>).optional(),
  /** Business conditions before and after, over the regulations assessed in the period whose count before is known. */
  businessConditions: measureTotalSchema.optional(),
  /** Every reform program in force during the period, each target judged against the figures above. */
  programs: z.array(programJudgementSchema).optional(),
});
/** What the app computes: always with every key, each count also split by kind. */
export const computedReportSchema = periodReportSchema.required().extend({
  assessment: sectionSchema.required(),
  appraisal: sectionSchema.required(),
  review: reviewSchema.required(),
  issued: issuedSchema.required(),
});
export type PeriodReport = z.infer<typeof computedReportSchema>;
export type SectionStatistics = PeriodReport['assessment'];

/** A kind's counts of the regulations issued, by what the draft does to them (a replaced one counts as amended). */
export function issuedCounts(changes: ReadonlyArray<{ change: Regulation['change']; regulations: number }>): IssuedCounts {
  const sum = (...wanted: Regulation['change'][]) => changes.filter(({ change }) => wanted.includes(change)).reduce((total, { regulations }) => total + regulations, 0);
  return { new: sum('new'), amended: sum('amended', 'replaced'), abolished: sum('abolished') };
}

/** The issued section: both kinds together and each apart. */
export function issuedSection(changes: ReadonlyArray<{ kind: RegulationKind; change: Regulation['change']; regulations: number }>): PeriodReport['issued'] {
  const byKind = Object.fromEntries(REGULATION_KINDS.map((kind) => [kind, issuedCounts(changes.filter((entry) => entry.kind === kind))])) as Record<RegulationKind, IssuedCounts>;
  return { ...issuedCounts(changes), byKind };
}

/** Regulations counted per kind. */
export function kindCounts(entries: ReadonlyArray<{ kind: RegulationKind; regulations: number }>): KindCounts {
  const counts = noKinds();
  for (const { kind, regulations } of entries) counts[kind] += regulations;
  return counts;
}

/** What the period's regulations measured, each with its scope class, so that each program is judged on its scope alone. */
export type ScopedFigures = {
  cost: ReadonlyArray<{ scopeClass: ScopeClass; baseline: number; proposed: number }>;
  measures: ReadonlyArray<{ scopeClass: ScopeClass; timeLimitDays: MeasurePair | null; businessConditions: MeasurePair | null }>;
};

/**
 * Every program in force during the period, each target judged on the figures of the regulations in the program's
 * scope alone (program scope by procedure, issue 22): a civil-status procedure's saving never meets Nghị quyết
 * 66/NQ-CP's 30%. A program none of whose regulations was measured has its targets unmeasured. The number of
 * procedures is not measured from drafts.
 */
export function judgeReport(period: Period, scoped: ScopedFigures): ProgramJudgement[] {
  return programsDuring(period).flatMap((program) => {
    const cost = scoped.cost.filter((fact) => programCovers(program, fact.scopeClass));
    const measures = scoped.measures.filter((fact) => programCovers(program, fact.scopeClass));
    const baseline = compensatedSum(cost.map((fact) => fact.baseline));
    const proposed = compensatedSum(cost.map((fact) => fact.proposed));
    return judgePeriod(
      period,
      {
        compliance_cost: baseline > 0 ? (costReduction(baseline, proposed).share ?? null) : null,
        processing_time: measureTotal(measures.map((fact) => fact.timeLimitDays)).reductionShare,
        business_conditions: measureTotal(measures.map((fact) => fact.businessConditions)).reductionShare,
        procedures: null,
      },
      [program],
    );
  });
}

/** From 1 January of the year that holds `period.to`, to `period.to`. */
export function yearToDate(period: Period): Period {
  return { from: `${period.to.slice(0, 4)}-01-01`, to: period.to };
}

// ISO dates compare correctly as text.
const within = (period: Period, date: string | null | undefined): date is string =>
  date !== null && date !== undefined && period.from <= date && date <= period.to;

/** The opinion that stands at a stage: the one issued last (the later in the list when two share a date). */
export function latestOpinion(regulation: Regulation, stage: OpinionStage): Opinion | undefined {
  return regulation.opinions
    .filter((opinion) => opinion.stage === stage)
    .reduce<Opinion | undefined>((latest, opinion) => (latest && latest.issuedAt > opinion.issuedAt ? latest : opinion), undefined);
}

type Counted = { draft: Draft; regulation: Regulation };

function regulationsWhere(drafts: readonly Draft[], counts: (regulation: Regulation) => boolean): Counted[] {
  return drafts.flatMap((draft) => draft.regulations.filter(counts).map((regulation) => ({ draft, regulation })));
}

function summarise(counted: readonly Counted[]): SectionStatistics {
  const docTypes = [...new Map(counted.map(({ draft }) => [draft.id, draft.docType])).values()];
  const draftsByType: Partial<Record<DocType, number>> = {};
  // Walk DOC_TYPES so the keys come out in the report's fixed order.
  for (const docType of DOC_TYPES) {
    const draftsOfType = docTypes.filter((type) => type === docType).length;
    if (draftsOfType > 0) draftsByType[docType] = draftsOfType;
  }
  const byKind = kindCounts(counted.map(({ regulation }) => ({ kind: regulation.kind, regulations: 1 })));
  return { regulations: counted.length, byKind, drafts: docTypes.length, draftsByType };
}

export function computePeriodStatistics(drafts: readonly Draft[], period: Period): PeriodReport {
  const assessed = regulationsWhere(drafts, (regulation) => within(period, regulation.assessment?.completedAt));
  const atStage = (stage: OpinionStage) =>
    regulationsWhere(drafts, (regulation) => within(period, latestOpinion(regulation, stage)?.issuedAt));
  const reviewed = atStage('review');
  const verdictCounts = (verdict: Opinion['verdict']) =>
    kindCounts(reviewed.filter(({ regulation }) => latestOpinion(regulation, 'review')?.verdict === verdict).map(({ regulation }) => ({ kind: regulation.kind, regulations: 1 })));
  const removeByKind = verdictCounts('remove');
  const amendByKind = verdictCounts('amend');
  const remove = removeByKind.tthc + removeByKind.qdkd;
  const amend = amendByKind.tthc + amendByKind.qdkd;

  const issuedRegulations = drafts
    .filter((draft) => within(period, draft.issuedAt))
    .flatMap((draft) => draft.regulations.map(({ kind, change }) => ({ kind, change, regulations: 1 })));

  // The regulations' cost as every roll-up counts it (countedAnnualCost): a new one adds its whole cost, an abolished
  // one saves its whole baseline, so the report's reduction is the cost tab's for the same regulations.
  const counted = assessed.flatMap(({ regulation }) => {
    const annual = countedAnnualCost(regulation.change, regulation.assessment);
    return annual ? [{ scopeClass: scopeClassOf(regulation), ...annual }] : [];
  });
  const baseline = compensatedSum(counted.map((pair) => pair.baseline));
  const proposed = compensatedSum(counted.map((pair) => pair.proposed));

  const measures = assessed.map(({ regulation }) => ({ scopeClass: scopeClassOf(regulation), ...measuresOf(regulation) }));
  const processingTime = measureTotalByKind(measures, (measure) => measure.timeLimitDays);
  const processingTimeByMethod = measureTotalsByMethod(measures.map((measure) => methodPairs(measure.timeLimitsByMethod)));
  const businessConditions = measureTotalByKind(measures, (measure) => measure.businessConditions);
  const cost = { baseline, proposed, reductionShare: costReduction(baseline, proposed).share ?? 0 };

  return {
    period: { from: period.from, to: period.to },
    assessment: summarise(assessed),
    appraisal: summarise(atStage('appraisal')),
    review: {
      ...summarise(reviewed),
      remove,
      amend,
      removeOrAmendShare: reviewed.length > 0 ? (remove + amend) / reviewed.length : 0,
      removeByKind,
      amendByKind,
    },
    issued: issuedSection(issuedRegulations),
    // Unrounded like the cost model itself: rounding is for display only.
    cost,
    processingTime,
    processingTimeByMethod,
    businessConditions,
    programs: judgeReport(period, { cost: counted, measures }),
  };
}
