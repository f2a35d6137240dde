// An abolition as officers assess it: section I concludes "not necessary", and the worksheet holds the cost of what
// it abolishes. Migrations 0150 on both engines recompute the figures stored for such a regulation.
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../../shared/domain/assessmentTemplate';
import type { Assessment } from '../../shared/domain/dossier';
import { answerEverything, WORKED_WORKSHEET } from './assessmentAnswers';

export const ABOLISHED_AS_UNNECESSARY: Assessment = {
  template: DEFAULT_TEMPLATE_ID,
  answers: answerEverything(findTemplate(DEFAULT_TEMPLATE_ID)!, 'abolished', { 'necessity.conclusion': false }),
  cost: { ...WORKED_WORKSHEET, proposed: undefined },
};

/** What the roll-ups used to store for it: no worksheet needed, nothing saved. */
export const FIGURES_BEFORE_0150 = { worksheet: 'not_needed', baseline: null, proposed: null };
