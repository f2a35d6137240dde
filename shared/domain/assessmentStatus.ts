// Where one regulation's assessment stands: progress through the questionnaire, the necessity score, whether the
// cost worksheet is there, and every problem. The service, the draft's lists and the live UI all read this one
// function, so "complete" means the same everywhere.
import type { FieldProblem } from '../contract/errors';
import { assessmentProblems, assessmentProgress, necessityScore, type AssessmentProgress, type NecessityScore } from './assessment';
import { DEFAULT_TEMPLATE_ID, findTemplate } from './assessmentTemplate';
import type { Assessment } from './dossier';
import type { Change } from './vocabulary';

/**
 * `not_needed` once section I concludes "do not regulate": there is no procedure left whose cost to count. Never for
 * an abolition: "not necessary" is its natural answer, and what it saves is the cost of what it abolishes.
 */
export const WORKSHEET_STATES = ['not_needed', 'missing', 'present'] as const;
export type WorksheetState = (typeof WORKSHEET_STATES)[number];

export type AssessmentStatus = {
  progress: AssessmentProgress;
  score: NecessityScore;
  worksheet: WorksheetState;
  /** Every applicable question answered, the worksheet present when needed, and no problem anywhere. */
  complete: boolean;
  /** Paths relative to the assessment (`answers.necessity.conclusion`, `cost.baseline`, `template`). */
  problems: FieldProblem[];
};

const NOTHING_ANSWERED: AssessmentProgress = {
  applicable: [],
  answered: 0,
  total: 0,
  complete: false,
  missing: [],
  recommendation: 'keep',
  sections: [],
};

/** A regulation not yet assessed reads as an empty assessment on the default template. */
export function assessmentStatus(assessment: Assessment | undefined, change: Change): AssessmentStatus {
  const current = assessment ?? { template: DEFAULT_TEMPLATE_ID, answers: {} };
  const problems = assessmentProblems(current, change);
  const template = findTemplate(current.template);
  // An imported assessment may name a template this installation does not know: nothing can be read from its answers.
  if (!template) {
    return { progress: NOTHING_ANSWERED, score: { score: null, forcedToZero: false, breakdown: [] }, worksheet: 'missing', complete: false, problems };
  }
  const progress = assessmentProgress(template, current.answers, change);
  const worksheet: WorksheetState = progress.recommendation === 'do_not_regulate' && change !== 'abolished' ? 'not_needed' : current.cost ? 'present' : 'missing';
  return {
    progress,
    score: necessityScore(template, current.answers),
    worksheet,
    complete: progress.complete && worksheet !== 'missing' && problems.length === 0,
    problems,
  };
}

/**
 * The completion date to store: kept from the first time the assessment became complete (the period statistics count
 * it then), set to `today` when it becomes complete now, cleared when it is no longer complete.
 */
export function completionDate(complete: boolean, previous: string | null | undefined, today: string): string | null {
  if (!complete) return null;
  return previous ?? today;
}
