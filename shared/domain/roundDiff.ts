// "Versions per round": what changed in a regulation between two submissions, component by component, as
// readable Vietnamese lines, plus a line-level diff so the UI can lay the two rounds side by side.
import type { Answer, Assessment, Components, CostSide } from './dossier';
import { formatDateVi, formatDecimal, formatEnteredMoney, formatInteger } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { copiesText } from './dossierItems';
import { TIME_LIMIT_UNIT_WORDS } from './timeLimits';
import type { ComponentKey } from './vocabulary';
import { COMPONENT_KEYS } from './vocabulary';

const LABELS = vocabularyMessages.vi;
const SUBJECT_LABELS: Readonly<Record<string, string>> = LABELS.subject;

export type RegulationSnapshot = { name: string; components: Components; assessment?: Assessment | null };

export const DIFF_KEYS = [...COMPONENT_KEYS, 'assessment'] as const;
export type DiffKey = ComponentKey | 'assessment';

export const DIFF_STATUSES = ['unchanged', 'added', 'removed', 'changed'] as const;
export type ChangeStatus = (typeof DIFF_STATUSES)[number];
export type ComponentDiff = { key: DiffKey; status: ChangeStatus; before: string[]; after: string[] };

export type RenderOptions = {
  /** The question text for an answer key of the assessment template; the key itself is shown otherwise. */
  answerLabel?: (answerKey: string) => string;
};

/** Hours, days, frequencies: whole numbers plain, fractions with the decimals they need (0,5; 1,25). */
function formatQuantity(value: number): string {
  if (Number.isInteger(value)) return formatInteger(value);
  return formatDecimal(value, Number.isInteger(value * 10) ? 1 : 2);
}

function renderComponent(snapshot: RegulationSnapshot, key: ComponentKey): string[] {
  const { components } = snapshot;
  switch (key) {
    case 'name':
      return snapshot.name.trim() ? [snapshot.name] : [];
    case 'methods':
      return (components.methods ?? []).map((method) => LABELS.method[method]);
    case 'dossier':
      return (components.dossier ?? []).map((entry) => `${entry.item} (${copiesText(entry)})`);
    case 'timeLimitDays':
      return components.timeLimitDays === undefined ? [] : [`${formatQuantity(components.timeLimitDays)} ${TIME_LIMIT_UNIT_WORDS[components.timeLimitUnit ?? 'working']}`];
    case 'subjects':
      return (components.subjects ?? []).map((subject) => SUBJECT_LABELS[subject] ?? subject);
    case 'agency':
    case 'result': {
      const value = components[key];
      return value?.trim() ? [value] : [];
    }
    case 'fees':
      return (components.fees ?? []).map((fee) => `${fee.name}: ${formatEnteredMoney(fee.amount)}`);
    case 'steps':
    case 'forms':
    case 'conditions':
      return [...(components[key] ?? [])];
  }
}

function renderAnswer(answer: Answer): string {
  const { value } = answer;
  const scalar = (cell: Exclude<Answer['value'], unknown[]>): string =>
    cell === null ? '(chưa trả lời)' : typeof cell === 'boolean' ? (cell ? 'Có' : 'Không') : typeof cell === 'number' ? formatQuantity(cell) : cell;
  // A group's rows, one "field: answer" list per item: any edit of a row shows as a change of the answer.
  const shown = Array.isArray(value)
    ? value.map((row, index) => `${index + 1}. ${Object.entries(row).map(([field, cell]) => `${field}: ${scalar(cell)}`).join('; ')}`).join(' | ')
    : scalar(value);
  return answer.explanation?.trim() ? `${shown} — ${answer.explanation.trim()}` : shown;
}

function renderCostSide(label: string, side: CostSide): string[] {
  return [
    ...side.activities.map((activity) => `${label} — ${activity.name}: ${formatQuantity(activity.hours)} giờ`),
    `${label} — phí, lệ phí: ${formatEnteredMoney(side.fees)}`,
    `${label} — chi phí khác: ${formatEnteredMoney(side.otherCosts)}`,
    ...(side.upfrontCosts === undefined ? [] : [`${label} — chi phí một lần: ${formatEnteredMoney(side.upfrontCosts)}`]),
    `${label} — số đối tượng: ${formatQuantity(side.population)}; tần suất: ${formatQuantity(side.frequencyPerYear)} lần/năm`,
  ];
}

function renderAssessment(assessment: Assessment | null | undefined, options: RenderOptions): string[] {
  if (!assessment) return [];
  const questionOf = options.answerLabel ?? ((answerKey: string) => answerKey);
  const answers = Object.keys(assessment.answers)
    .sort()
    .flatMap((answerKey) => {
      const answer = assessment.answers[answerKey];
      return answer ? [`${questionOf(answerKey)}: ${renderAnswer(answer)}`] : [];
    });
  const { cost } = assessment;
  const costLines = cost
    ? [
        `Chi phí tuân thủ tính theo năm ${cost.year}, thu nhập bình quân ${formatEnteredMoney(cost.hourlyIncome)}/giờ`,
        ...(cost.baseline ? renderCostSide('Hiện tại', cost.baseline) : []),
        ...(cost.proposed ? renderCostSide('Đề xuất', cost.proposed) : []),
      ]
    : [];
  return [
    `Mẫu đánh giá: ${assessment.template}`,
    assessment.completedAt ? `Hoàn thành ngày ${formatDateVi(assessment.completedAt)}` : 'Chưa hoàn thành',
    ...answers,
    ...costLines,
  ];
}

/** The readable lines of one component (or of the assessment) of a regulation; none when it is absent. */
export function renderDiffKey(snapshot: RegulationSnapshot | null, key: DiffKey, options: RenderOptions = {}): string[] {
  if (!snapshot) return [];
  return key === 'assessment' ? renderAssessment(snapshot.assessment, options) : renderComponent(snapshot, key);
}

const sameLines = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((line, index) => line === b[index]);

function changeStatus(before: readonly string[], after: readonly string[]): ChangeStatus {
  if (sameLines(before, after)) return 'unchanged';
  if (before.length === 0) return 'added';
  if (after.length === 0) return 'removed';
  return 'changed';
}

/** Every component key and the assessment, in the order of Điều 8; `null` stands for a regulation absent from that round. */
export function diffRegulationSnapshots(
  before: RegulationSnapshot | null,
  after: RegulationSnapshot | null,
  options: RenderOptions = {},
): ComponentDiff[] {
  return DIFF_KEYS.map((key) => {
    const beforeLines = renderDiffKey(before, key, options);
    const afterLines = renderDiffKey(after, key, options);
    return { key, status: changeStatus(beforeLines, afterLines), before: beforeLines, after: afterLines };
  });
}

export type LineOp = { op: 'same' | 'add' | 'del'; text: string };

/** Longest-common-subsequence diff; within a changed stretch the deleted lines come before the added ones. */
export function diffLines(before: readonly string[], after: readonly string[]): LineOp[] {
  // common[i][j] = length of the LCS of before[i..] and after[j..]
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  const at = (i: number, j: number): number => common[i]?.[j] ?? 0;
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      const row = common[i] as number[];
      row[j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const left = before[i];
    const right = after[j];
    if (left !== undefined && right !== undefined && left === right) {
      ops.push({ op: 'same', text: left });
      i += 1;
      j += 1;
    } else if (left !== undefined && (right === undefined || at(i + 1, j) >= at(i, j + 1))) {
      ops.push({ op: 'del', text: left });
      i += 1;
    } else {
      ops.push({ op: 'add', text: right as string });
      j += 1;
    }
  }
  return ops;
}
