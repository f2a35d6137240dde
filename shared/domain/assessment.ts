// Reading an assessment against its template: which questions apply, how far it is, the necessity score and the
// problems in its answers.
//
// Answers are stored in `assessment.answers` under `section.question` keys (`necessity.objective_needed`). For an
// amended or replaced regulation the template's `amendment` section holds one answer per component of Nghị định
// 63/2010 Điều 8, keyed `amendment.<componentKey>` (`amendment.timeLimitDays`): value `false` when the component is
// unchanged, otherwise text saying what changed and why the new version is simpler; `explanation` may add detail.
// The cost before and after lives in `assessment.cost`.
import type { FieldProblem } from '../contract/errors';
import {
  answerKey,
  ASSESSMENT_TEMPLATES,
  EXTENT_VALUES,
  findTemplate,
  templateQuestions,
  type AnswerType,
  type AssessmentTemplate,
  type Condition,
  type FlatQuestion,
  type Recommendation,
  type GroupField,
  type TemplateQuestion,
} from './assessmentTemplate';
import { worksheetProblems } from './cost';
import type { Answer, Assessment } from './dossier';
import type { ConditionCounts } from './measures';
import type { Change } from './vocabulary';

export type Answers = Assessment['answers'];
type AnswerValue = Answer['value'];

type ScalarValue = Exclude<AnswerValue, unknown[]>;
export type GroupRow = Record<string, ScalarValue>;
type Row = GroupRow;

const isBlank = (value: AnswerValue | undefined): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

type Asked = Pick<TemplateQuestion, 'answerType' | 'options'> & { fields?: readonly GroupField[] };

const SCALAR_RULES: Record<Exclude<AnswerType, 'group'>, { accepts: (value: ScalarValue, question: Asked) => boolean; message: (question: Asked) => string }> = {
  yes_no: { accepts: (value) => typeof value === 'boolean', message: () => 'cần trả lời Có hoặc Không' },
  extent: {
    accepts: (value) => (EXTENT_VALUES as readonly unknown[]).includes(value),
    message: () => 'cần chọn một trong: hoàn toàn, một phần, không',
  },
  text: { accepts: (value) => typeof value === 'string', message: () => 'cần nhập nội dung bằng chữ' },
  number: { accepts: (value) => typeof value === 'number' && Number.isFinite(value), message: () => 'cần nhập một số' },
  regulation_ref: { accepts: (value) => typeof value === 'string', message: () => 'cần nêu tên hoặc mã thủ tục hành chính' },
  component_change: {
    accepts: (value) => value === false || typeof value === 'string',
    message: () => 'cần chọn “Không thay đổi” hoặc nêu nội dung sửa đổi',
  },
  choice: {
    accepts: (value, question) => (question.options ?? []).some((option) => option.value === value),
    message: (question) => `cần chọn một trong: ${(question.options ?? []).map((option) => option.label).join(', ')}`,
  },
};

const fieldKey = (field: GroupField): string => field.id;

/** Why a non-blank value does not fit the question, if it does not. A group's row problems name the row and the field. */
function valueProblem(question: Asked, value: AnswerValue): string | undefined {
  if (question.answerType === 'group') {
    if (!Array.isArray(value)) return 'cần liệt kê từng mục (mỗi mục một dòng)';
    for (const [index, row] of value.entries()) {
      for (const field of question.fields ?? []) {
        const cell = row[fieldKey(field)];
        if (isBlank(cell)) continue;
        const problem = valueProblem(field, cell!);
        if (problem) return `mục ${index + 1}, “${field.text}”: ${problem}`;
      }
    }
    return undefined;
  }
  if (Array.isArray(value)) return SCALAR_RULES[question.answerType].message(question);
  const rule = SCALAR_RULES[question.answerType];
  if (!rule.accepts(value, question)) return rule.message(question);
  if (typeof value === 'number' && value < 0) return 'không được âm';
  return undefined;
}

/** The fields of a group row still to answer: those not optional that are blank or ill-typed. */
export const missingRowFields = (fields: readonly GroupField[], row: Row): GroupField[] =>
  fields.filter((field) => !field.optional && (isBlank(row[field.id]) || valueProblem(field, row[field.id]!) !== undefined));

/** A group row is answered when every field that is not optional is. */
const rowAnswered = (fields: readonly GroupField[], row: Row): boolean => missingRowFields(fields, row).length === 0;

/** A blank or ill-typed answer counts as not given; a group needs at least one row, each answered. */
function isAnswered(question: TemplateQuestion, answer: Answer | undefined): answer is Answer {
  if (answer === undefined || isBlank(answer.value) || valueProblem(question, answer.value) !== undefined) return false;
  return question.answerType !== 'group' || (answer.value as Row[]).every((row) => rowAnswered(question.fields ?? [], row));
}

/** The rows of a group answer (none when it is not one). */
export function groupRows(answer: Answer | undefined): Row[] {
  return Array.isArray(answer?.value) ? answer.value : [];
}

/**
 * The business conditions a QĐKD assessment lists in its per-condition table and those it keeps (measures.ts);
 * undefined when its template has no such table or it is not filled in.
 */
export function assessedConditionCounts(assessment: Assessment): ConditionCounts | undefined {
  const template = findTemplate(assessment.template);
  if (!template) return undefined;
  const table = templateQuestions(template).find(({ question }) => question.countsBusinessConditions);
  const rule = table?.question.countsBusinessConditions;
  if (!table || !rule) return undefined;
  const rows = groupRows(assessment.answers[table.key]);
  if (rows.length === 0) return undefined;
  return { listed: rows.length, kept: rows.filter((row) => row[rule.keptWhen.field] === rule.keptWhen.equals).length };
}

export type SectionProgress = { id: string; asked: boolean; answered: number; total: number };

type Applicability = { questions: FlatQuestion[]; sections: Array<{ id: string; asked: boolean }>; recommendation: Recommendation };

/**
 * One pass in template order: a section is asked unless an earlier skip rule fired or its `appliesTo` excludes the
 * change; a follow-up is asked when its condition holds on an asked question. Without a change, change-specific
 * sections are left out (they carry no weight).
 */
function resolveApplicability(template: AssessmentTemplate, answers: Answers, change?: Change): Applicability {
  const asked: FlatQuestion[] = [];
  const askedKeys = new Set<string>();
  const skippedSections = new Set<string>();
  const sections: Applicability['sections'] = [];
  let recommendation: Recommendation = 'keep';
  const holds = (condition: Condition): boolean => askedKeys.has(condition.question) && answers[condition.question]?.value === condition.equals;

  for (const section of template.sections) {
    const isAsked = !skippedSections.has(section.id) && (!section.appliesTo || (change !== undefined && section.appliesTo.includes(change)));
    sections.push({ id: section.id, asked: isAsked });
    if (!isAsked) continue;
    for (const question of section.questions) {
      if (question.askWhen && !holds(question.askWhen)) continue;
      const key = answerKey(section, question);
      asked.push({ key, section, question });
      askedKeys.add(key);
    }
    if (section.skipRule && holds(section.skipRule.when)) {
      section.skipRule.skipSections.forEach((id) => skippedSections.add(id));
      if (section.skipRule.outcome === 'do_not_regulate') recommendation = 'do_not_regulate';
    }
  }
  return { questions: asked, sections, recommendation };
}

export type ScoreLine = {
  questionId: string;
  /** The answer key the line reads; for a group also the row (absent while the group has none) and the field. */
  key: string;
  row?: number;
  field?: string;
  weight: number;
  /** Whether the answer argues for keeping the procedure; null while unanswered. */
  supports: boolean | null;
  /** Points this answer adds to the score; the contributions sum to the score. */
  contribution: number;
};

export type NecessityScore = {
  /** 0–100, unrounded; null while no weighted question is answered. */
  score: number | null;
  forcedToZero: boolean;
  breakdown: ScoreLine[];
};

/**
 * The rubric, shown openly in the UI: every asked question with a weight and a `supportsKeepingWhen` answer counts.
 * score = 100 × (weight of answers that support keeping) ÷ (weight of all answered ones); unanswered questions are
 * left out rather than counted against. A skip rule with the outcome "do not regulate" (section I concluding "not
 * necessary") forces the score to 0.
 */
export function necessityScore(template: AssessmentTemplate, answers: Answers): NecessityScore {
  const { questions, recommendation } = resolveApplicability(template, answers);
  const forcedToZero = recommendation === 'do_not_regulate';
  const scored = questions.flatMap(({ key, question }) => {
    if (question.answerType === 'group') return groupScoreLines(key, question, answers[key]);
    const { weight, supportsKeepingWhen } = question;
    if (weight === undefined || supportsKeepingWhen === undefined) return [];
    const answer = answers[key];
    return [{ questionId: key, key, weight, supports: isAnswered(question, answer) ? answer.value === supportsKeepingWhen : null }];
  });
  const answeredWeight = scored.reduce((sum, line) => sum + (line.supports === null ? 0 : line.weight), 0);
  const breakdown = scored.map((line) => ({
    ...line,
    contribution: !forcedToZero && line.supports === true ? (100 * line.weight) / answeredWeight : 0,
  }));
  // Every supporting answer sums to 100 only up to rounding (100.00000000000003), which the stored score's range refuses.
  const score = forcedToZero ? 0 : answeredWeight === 0 ? null : Math.min(100, breakdown.reduce((sum, line) => sum + line.contribution, 0));
  return { score, forcedToZero, breakdown };
}

/**
 * A group's weighted fields, one line per row and field (`conditions.items[0].necessary`): each field's weight is
 * shared by the rows, so that a long table weighs no more than a short one. No rows yet: one unanswered line per field.
 */
function groupScoreLines(key: string, question: TemplateQuestion, answer: Answer | undefined): Array<Omit<ScoreLine, 'contribution'>> {
  const fields = (question.fields ?? []).filter((field) => field.weight !== undefined && field.supportsKeepingWhen !== undefined);
  const rows = groupRows(answer);
  if (rows.length === 0) return fields.map((field) => ({ questionId: `${key}.${field.id}`, key, field: field.id, weight: field.weight!, supports: null }));
  return rows.flatMap((row, index) =>
    fields.map((field) => {
      const cell = row[field.id];
      const answered = !isBlank(cell) && valueProblem(field, cell!) === undefined;
      const supports = answered ? cell === field.supportsKeepingWhen : null;
      return { questionId: `${key}[${index}].${field.id}`, key, row: index, field: field.id, weight: field.weight! / rows.length, supports };
    }),
  );
}

export type AssessmentProgress = {
  /** Keys of the questions asked, in template order. */
  applicable: string[];
  answered: number;
  total: number;
  complete: boolean;
  missing: string[];
  recommendation: Recommendation;
  sections: SectionProgress[];
};

export function assessmentProgress(template: AssessmentTemplate, answers: Answers, change: Change): AssessmentProgress {
  const { questions, sections, recommendation } = resolveApplicability(template, answers, change);
  const missing = questions.filter(({ key, question }) => !isAnswered(question, answers[key])).map(({ key }) => key);
  const missingSet = new Set(missing);
  return {
    applicable: questions.map(({ key }) => key),
    answered: questions.length - missing.length,
    total: questions.length,
    complete: missing.length === 0,
    missing,
    recommendation,
    sections: sections.map(({ id, asked }) => {
      const inSection = questions.filter(({ section }) => section.id === id);
      return { id, asked, total: inSection.length, answered: inSection.filter(({ key }) => !missingSet.has(key)).length };
    }),
  };
}

/** Answers of the wrong type or to questions the template does not have. Blank answers are missing, not wrong. Paths are answer keys. */
export function answerProblems(template: AssessmentTemplate, answers: Answers): FieldProblem[] {
  const questions = new Map(templateQuestions(template).map(({ key, question }) => [key, question]));
  return Object.entries(answers).flatMap(([key, answer]) => {
    const question = questions.get(key);
    if (!question) return [{ path: key, message: `mẫu đánh giá "${template.id}" không có câu hỏi này` }];
    const message = isBlank(answer.value) ? undefined : valueProblem(question, answer.value);
    return message ? [{ path: key, message }] : [];
  });
}

const under = (prefix: string) => (problem: FieldProblem): FieldProblem => ({ ...problem, path: `${prefix}.${problem.path}` });

/** An unknown template, or answers to questions it does not have or of the wrong type; paths relative to the assessment. */
export function templateAnswerProblems(assessment: Pick<Assessment, 'template' | 'answers'>): FieldProblem[] {
  const template = findTemplate(assessment.template);
  if (!template) {
    const known = ASSESSMENT_TEMPLATES.map(({ id }) => `"${id}"`).join(', ');
    return [{ path: 'template', message: `không có mẫu đánh giá "${assessment.template}" (các mẫu hiện có: ${known})` }];
  }
  return answerProblems(template, assessment.answers).map(under('answers'));
}

/** Every problem of an assessment for a regulation with this change, with paths relative to the assessment. */
export function assessmentProblems(assessment: Assessment, change: Change): FieldProblem[] {
  const problems = templateAnswerProblems(assessment);
  if (problems.some((problem) => problem.path === 'template')) return problems;
  const costProblems = assessment.cost ? worksheetProblems(change, assessment.cost).map(under('cost')) : [];
  return [...problems, ...costProblems];
}

/**
 * What moving an assessment onto another template keeps: the answers that template asks under the same key and
 * accepts as they are. The others are named (their keys, in the order given) so the officer can be asked before
 * they go; nothing is converted behind their back.
 */
export function answersCarriedTo(template: AssessmentTemplate, answers: Answers): { kept: Answers; dropped: string[] } {
  const wrong = new Set(answerProblems(template, answers).map((problem) => problem.path));
  const kept: Answers = {};
  const dropped: string[] = [];
  for (const [key, answer] of Object.entries(answers)) {
    if (wrong.has(key)) dropped.push(key);
    else kept[key] = answer;
  }
  return { kept, dropped };
}
