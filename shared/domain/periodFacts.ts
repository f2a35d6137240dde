// Period statistics from pre-counted facts. At 100.000 regulations, counting the whole dossier export took 2,4 s
// or more; the database instead counts by index, per day, draft and verdict (db/sqlite/reportsRepository.ts), and these
// functions sum the counts for any period inside the loaded range. The counting rules are those of
// computePeriodStatistics (statistics.ts) and a test holds the two to the same figures on the same data.
import { costReduction } from './cost';
import { compensatedSum } from './costRollup';
import { measureTotalByKind, measureTotalsByMethod, type MeasurePair, type MethodPairs } from './measures';
import type { ScopeClass } from './reformPrograms';
import { issuedSection, judgeReport, kindCounts, type Period, type PeriodReport, type SectionStatistics } from './statistics';
import { DOC_TYPES, type Change, type DocType, type RegulationKind, type Verdict } from './vocabulary';

/** Regulations of one kind in one draft that count in a section on one day. */
export type SectionFact = { date: string; draftId: string; docType: DocType; agency: string; kind: RegulationKind; regulations: number };
/** The same, for the regulations whose standing opinion at a stage (their latest) was issued that day. */
export type OpinionFact = SectionFact & { verdict: Verdict };
/** Regulations of one kind in a draft issued that day, by what the draft does to them. */
export type IssuedFact = { date: string; draftId: string; agency: string; kind: RegulationKind; change: Change; regulations: number };
/** The annual costs, summed per scope class, of the regulations assessed that day, as the roll-ups count them (the stored annual_*_cost). */
export type CostFact = { date: string; scopeClass: ScopeClass; baseline: number; proposed: number };
/** The stored processing time and business-condition figures of a regulation assessed that day (measures.ts). */
export type MeasureFact = { date: string; scopeClass: ScopeClass; timeLimitDays: MeasurePair | null; timeLimitsByMethod: MethodPairs; businessConditions: MeasurePair | null };

export type PeriodFacts = {
  assessment: SectionFact[];
  appraisal: OpinionFact[];
  review: OpinionFact[];
  issued: IssuedFact[];
  cost: CostFact[];
  measures: MeasureFact[];
};

// ISO dates compare correctly as text.
const within = (period: Period, date: string): boolean => period.from <= date && date <= period.to;

export const factsWithin = <Fact extends { date: string }>(facts: readonly Fact[], period: Period): Fact[] =>
  facts.filter((fact) => within(period, fact.date));

const regulationsIn = (facts: readonly { regulations: number }[]): number => facts.reduce((sum, fact) => sum + fact.regulations, 0);

function summarise(facts: readonly SectionFact[]): SectionStatistics {
  const docTypeOfDraft = new Map(facts.map((fact) => [fact.draftId, fact.docType]));
  const draftsByType: Partial<Record<DocType, number>> = {};
  for (const docType of DOC_TYPES) {
    const drafts = [...docTypeOfDraft.values()].filter((type) => type === docType).length;
    if (drafts > 0) draftsByType[docType] = drafts;
  }
  return { regulations: regulationsIn(facts), byKind: kindCounts(facts), drafts: docTypeOfDraft.size, draftsByType };
}

/** What `tthc report` prints for `period`, which must lie inside the range the facts were loaded for. */
export function statisticsFromFacts(facts: PeriodFacts, period: Period): PeriodReport {
  const reviewed = factsWithin(facts.review, period);
  const removeByKind = kindCounts(reviewed.filter((fact) => fact.verdict === 'remove'));
  const amendByKind = kindCounts(reviewed.filter((fact) => fact.verdict === 'amend'));
  const remove = removeByKind.tthc + removeByKind.qdkd;
  const amend = amendByKind.tthc + amendByKind.qdkd;
  const reviewedCount = regulationsIn(reviewed);

  const days = factsWithin(facts.cost, period);
  const baseline = compensatedSum(days.map((day) => day.baseline));
  const proposed = compensatedSum(days.map((day) => day.proposed));

  const measures = factsWithin(facts.measures, period);
  const processingTime = measureTotalByKind(measures, (fact) => fact.timeLimitDays);
  const processingTimeByMethod = measureTotalsByMethod(measures.map((fact) => fact.timeLimitsByMethod));
  const businessConditions = measureTotalByKind(measures, (fact) => fact.businessConditions);
  const cost = { baseline, proposed, reductionShare: costReduction(baseline, proposed).share ?? 0 };

  return {
    period: { from: period.from, to: period.to },
    assessment: summarise(factsWithin(facts.assessment, period)),
    appraisal: summarise(factsWithin(facts.appraisal, period)),
    review: { ...summarise(reviewed), remove, amend, removeOrAmendShare: reviewedCount > 0 ? (remove + amend) / reviewedCount : 0, removeByKind, amendByKind },
    issued: issuedSection(factsWithin(facts.issued, period)),
    cost,
    processingTime,
    processingTimeByMethod,
    businessConditions,
    programs: judgeReport(period, { cost: days, measures }),
  };
}
