// One definition per cost figure (issue 22): what each reduction covers, the label that says so, and the programs
// it is judged against. The worksheet, the cost tab, the assessment form and the review findings all read these, so
// that the same label never shows two numbers.
import type { CostReduction } from './cost';
import { dayPeriod, measureTargets, type MeasureTarget, type ScopeClass } from './reformPrograms';

/**
 * How one regulation's cost figure is judged: against the programs in force on its draft's date whose scope covers
 * its class (a civil-status TTHC is never held to Nghị quyết 66/NQ-CP's 30%).
 */
export type CostJudging = { date: string; scopeClass: ScopeClass };

/** One regulation's compliance-cost reduction judged against each program that covers it on its draft's date. */
export function regulationCostTargets(reduction: CostReduction, judging: CostJudging): MeasureTarget[] {
  return measureTargets('compliance_cost', dayPeriod(judging.date), reduction.share, judging.scopeClass);
}

/**
 * The period a cost roll-up is judged in: the span of its drafts' dates (draftReferenceDate), so that one draft is
 * judged on its own date — a draft of 2023 against Nghị quyết 68/NQ-CP's 20%, one of 2026 against Nghị quyết 66/NQ-CP's
 * 30% — and every drafts' roll-up against each program in force on one of their dates. Without drafts, `today`.
 */
export function rollupJudgingPeriod(draftDates: readonly string[], today: string): { from: string; to: string } {
  const days = draftDates.map((date) => date.slice(0, 10)).sort();
  return days.length === 0 ? dayPeriod(today) : { from: days[0]!, to: days.at(-1)! };
}
