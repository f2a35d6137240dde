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
