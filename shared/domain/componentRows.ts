// Facts entered once (issue 22 item 1): the questionnaire's per-item groups list what the components already hold —
// dossier items, subjects, business conditions — and the cost worksheet's population starts from the subjects' yearly
// numbers. Components carry no ids of their own, so a row is keyed by the item's name (compared folded): an answer
// follows its item when the list is reordered or grows, and a row whose item was renamed or removed stays, as the
// officer's own row, rather than being lost.
import { groupRows, type Answers, type GroupRow } from './assessment';
import { templateQuestions, type AssessmentTemplate, type TemplateQuestion } from './assessmentTemplate';
import type { Components } from './dossier';
import { foldVietnamese } from './textFold';

export type RowsFrom = NonNullable<TemplateQuestion['rowsFrom']>;

/** The names a component lists, in its order. */
export function componentItemNames(components: Components, component: RowsFrom['component']): string[] {
  switch (component) {
    case 'dossier':
      return (components.dossier ?? []).map((entry) => entry.item);
    case 'subjects':
      return [...(components.subjects ?? [])];
    case 'conditions':
      return [...(components.conditions ?? [])];
  }
}

/** A row of a group as shown: `item` is the component item it stands for, undefined for a row the officer added. */
export type ShownRow = { row: GroupRow; item: string | undefined };

const keyOf = (text: unknown): string => (typeof text === 'string' ? foldVietnamese(text.normalize('NFC')).trim().replace(/\s+/g, ' ') : '');

/**
 * The rows a group shows: without `rowsFrom`, the stored rows; with it, one row per component item in the
 * components' order — the stored row naming that item, else a new row holding just its name — then every stored row
 * that names no item (the officer's own, or one whose item is gone), in stored order.
 */
export function shownRows(question: Pick<TemplateQuestion, 'rowsFrom'>, stored: readonly GroupRow[], components: Components): ShownRow[] {
  const rowsFrom = question.rowsFrom;
  if (!rowsFrom) return stored.map((row) => ({ row, item: undefined }));
  const taken = new Set<number>();
  const fromComponents = componentItemNames(components, rowsFrom.component).map((item): ShownRow => {
    const index = stored.findIndex((row, at) => !taken.has(at) && keyOf(row[rowsFrom.field]) === keyOf(item));
    if (index < 0) return { row: { [rowsFrom.field]: item }, item };
    taken.add(index);
    return { row: stored[index]!, item };
  });
  return [...fromComponents, ...stored.flatMap((row, at) => (taken.has(at) ? [] : [{ row, item: undefined }]))];
}

/**
 * The yearly population the subjects' group gives (its `countsPopulation` field summed over the rows); undefined when
 * the template has no such group or no row has the number.
 */
export function populationFromAnswers(template: AssessmentTemplate | undefined, answers: Answers): number | undefined {
  if (!template) return undefined;
  const group = templateQuestions(template).find(({ question }) => question.countsPopulation);
  const field = group?.question.countsPopulation?.field;
  if (!group || !field) return undefined;
  const numbers = groupRows(answers[group.key]).flatMap((row) => (typeof row[field] === 'number' ? [row[field]] : []));
  return numbers.length === 0 ? undefined : numbers.reduce((sum, value) => sum + value, 0);
}
