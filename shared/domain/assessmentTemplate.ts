// Impact-assessment questionnaires as versioned data (DOMAIN.md): a new form is a new template object added to
// ASSESSMENT_TEMPLATES, never new code. Each assessment records the id of the template it was answered on.
import { z } from 'zod';
import './zodVietnamese';
import { defineReferenceSet, findReference, inForce, isInForce, referenceEntryShape } from './referenceData';
import { template2010 } from './templates/template2010';
import { template2025 } from './templates/template2025';
import { templateQdkd2025 } from './templates/templateQdkd2025';
import { templateQdkd2021 } from './templates/templateQdkd2021';
import { CHANGES, REGULATION_KINDS, type RegulationKind } from './vocabulary';

export const ANSWER_TYPES = [
  'yes_no', // true / false
  'extent', // one of EXTENT_VALUES
  'text', // non-empty text
  'number', // a non-negative number (money in đồng, days)
  'regulation_ref', // another regulation, by national code, name or id
  'component_change', // false = component unchanged, or text: what changed and why it is simpler
  'choice', // the value of one of the question's `options`
  'group', // a repeated group: one row per item (dossier item, business condition), each answering the `fields`
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** What a field of a repeated group may ask; a group does not nest. */
export const FIELD_ANSWER_TYPES = ['yes_no', 'extent', 'text', 'number', 'choice'] as const;
export type FieldAnswerType = (typeof FIELD_ANSWER_TYPES)[number];

export const EXTENT_VALUES = ['fully', 'partly', 'not'] as const;
export type Extent = (typeof EXTENT_VALUES)[number];

/** The answer values a condition or a scoring rule can name: yes/no, extent and choice answers are compared. */
const choiceValueSchema = z.union([z.boolean(), z.string().min(1)]);
export type ChoiceValue = z.infer<typeof choiceValueSchema>;

// Letters, digits and underscores (camelCase allowed so that component keys such as `timeLimitDays` can be ids).
const localId = z.string().regex(/^[a-z][A-Za-z0-9_]*$/, { message: 'chỉ gồm chữ cái không dấu, số và dấu gạch dưới' });
/** Answers are keyed `section.question`, e.g. `necessity.objective_needed`. */
const questionKey = z.string().regex(/^[a-z][A-Za-z0-9_]*\.[a-z][A-Za-z0-9_]*$/, { message: 'phải có dạng "mục.câu_hỏi"' });

/** Holds when the answer to `question` (a `section.question` key asked earlier) equals `equals`. */
const conditionSchema = z.object({ question: questionKey, equals: choiceValueSchema });
export type Condition = z.infer<typeof conditionSchema>;

const optionSchema = z.object({ value: localId, label: z.string().min(1) });
export type ChoiceOption = z.infer<typeof optionSchema>;

const scoredShape = {
  /** Weight in the necessity score; needs `supportsKeepingWhen`. In a group, the weight is shared by its rows. */
  weight: z.number().positive().optional(),
  /** The answer that argues for keeping the procedure as drafted. */
  supportsKeepingWhen: choiceValueSchema.optional(),
  /** For `choice`: the values offered, in order. */
  options: z.array(optionSchema).min(2).optional(),
};

const groupFieldSchema = z.object({
  id: localId,
  text: z.string().min(1),
  help: z.string().optional(),
  answerType: z.enum(FIELD_ANSWER_TYPES),
  ...scoredShape,
  /** Not needed for the row to count as answered. */
  optional: z.boolean().optional(),
});
export type GroupField = z.infer<typeof groupFieldSchema>;

const questionSchema = z.object({
  id: localId,
  text: z.string().min(1),
  help: z.string().optional(),
  answerType: z.enum(ANSWER_TYPES),
  ...scoredShape,
  /** For `group`: what each row answers, and what one row is called ("Thành phần hồ sơ"). */
  fields: z.array(groupFieldSchema).min(1).optional(),
  itemLabel: z.string().min(1).optional(),
  /**
   * For a `group` listing the regulation's business conditions: which rows the draft keeps. The rows count as the
   * conditions before the draft, the kept ones as those after (measures.ts).
   */
  countsBusinessConditions: z.object({ keptWhen: z.object({ field: localId, equals: choiceValueSchema }) }).optional(),
  /**
   * For a `group` about what the components already list (issue 22: facts entered once): one row per item of that
   * component, named in the text field `field`; the officer answers the rest and may add rows of their own.
   */
  rowsFrom: z.object({ component: z.enum(['dossier', 'subjects', 'conditions']), field: localId }).optional(),
  /** For a `group` of subjects: the number field whose sum over the rows is the yearly population of the cost worksheet. */
  countsPopulation: z.object({ field: localId }).optional(),
  /** The section's conclusion; shown apart and usable by a skip rule. */
  conclusion: z.boolean().optional(),
  /** A follow-up, asked only when the condition holds (e.g. name the conflicting procedure when it is not consistent). */
  askWhen: conditionSchema.optional(),
});
export type TemplateQuestion = z.infer<typeof questionSchema>;

export const RECOMMENDATIONS = ['keep', 'do_not_regulate'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

const skipRuleSchema = z.object({
  when: conditionSchema,
  /** Later sections that are no longer asked. */
  skipSections: z.array(localId).min(1),
  /** `do_not_regulate` also forces the necessity score to 0. */
  outcome: z.enum(['do_not_regulate']).optional(),
});
export type SkipRule = z.infer<typeof skipRuleSchema>;

const sectionSchema = z.object({
  id: localId,
  title: z.string().min(1),
  help: z.string().optional(),
  /** Asked only for these kinds of change (e.g. the per-component explanation of an amendment); all when absent. */
  appliesTo: z.array(z.enum(CHANGES)).min(1).optional(),
  questions: z.array(questionSchema).min(1),
  skipRule: skipRuleSchema.optional(),
});
export type TemplateSection = z.infer<typeof sectionSchema>;

type Issue = { path: PropertyKey[]; message: string };

type Choosable = { answerType: AnswerType; options?: readonly ChoiceOption[] };

function fitsAnswerType(value: ChoiceValue, question: Choosable): boolean {
  if (question.answerType === 'yes_no') return typeof value === 'boolean';
  if (question.answerType === 'extent') return (EXTENT_VALUES as readonly unknown[]).includes(value);
  if (question.answerType === 'choice') return (question.options ?? []).some((option) => option.value === value);
  return false;
}

/** Rules shared by questions and group fields: options only (and always) for a choice, weights with a supporting answer. */
function scoredIssues(question: z.infer<typeof groupFieldSchema> | TemplateQuestion, path: PropertyKey[], report: (path: PropertyKey[], message: string) => void): void {
  if ((question.answerType === 'choice') !== (question.options !== undefined)) {
    report([...path, 'options'], 'chỉ câu hỏi lựa chọn (choice) có, và phải có, danh sách options');
  }
  if (question.options && new Set(question.options.map((option) => option.value)).size !== question.options.length) {
    report([...path, 'options'], 'giá trị lựa chọn bị trùng');
  }
  if (question.supportsKeepingWhen !== undefined && !fitsAnswerType(question.supportsKeepingWhen, question)) {
    report([...path, 'supportsKeepingWhen'], 'chỉ dùng cho câu hỏi có/không, mức độ hoặc lựa chọn, với giá trị phù hợp');
  }
  if (question.weight !== undefined && question.supportsKeepingWhen === undefined) {
    report([...path, 'weight'], 'câu hỏi có trọng số phải nêu supportsKeepingWhen');
  }
}

function groupIssues(question: TemplateQuestion, path: PropertyKey[], report: (path: PropertyKey[], message: string) => void): void {
  const isGroup = question.answerType === 'group';
  if (isGroup !== (question.fields !== undefined)) report([...path, 'fields'], 'chỉ nhóm lặp lại (group) có, và phải có, danh sách fields');
  if (!isGroup && question.countsBusinessConditions) report([...path, 'countsBusinessConditions'], 'chỉ dùng cho nhóm lặp lại (group)');
  if (isGroup && (question.weight !== undefined || question.supportsKeepingWhen !== undefined)) {
    report([...path, 'weight'], 'nhóm lặp lại đặt trọng số ở từng field');
  }
  const fields = question.fields ?? [];
  const ids = fields.map((field) => field.id);
  fields.forEach((field, index) => {
    const fieldPath = [...path, 'fields', index];
    if (ids.indexOf(field.id) !== index) report([...fieldPath, 'id'], `trường "${field.id}" bị trùng`);
    scoredIssues(field, fieldPath, report);
  });
  if (!isGroup && (question.rowsFrom || question.countsPopulation)) report([...path, 'rowsFrom'], 'chỉ dùng cho nhóm lặp lại (group)');
  const named = question.rowsFrom && fields.find((candidate) => candidate.id === question.rowsFrom!.field);
  if (question.rowsFrom && named?.answerType !== 'text') report([...path, 'rowsFrom', 'field'], `nhóm không có trường văn bản "${question.rowsFrom.field}"`);
  const perYear = question.countsPopulation && fields.find((candidate) => candidate.id === question.countsPopulation!.field);
  if (question.countsPopulation && perYear?.answerType !== 'number') report([...path, 'countsPopulation', 'field'], `nhóm không có trường số "${question.countsPopulation.field}"`);
  const counts = question.countsBusinessConditions;
  if (counts) {
    const field = fields.find((candidate) => candidate.id === counts.keptWhen.field);
    if (!field) report([...path, 'countsBusinessConditions', 'keptWhen', 'field'], `nhóm không có trường "${counts.keptWhen.field}"`);
    else if (!fitsAnswerType(counts.keptWhen.equals, field)) {
      report([...path, 'countsBusinessConditions', 'keptWhen', 'equals'], 'giá trị không phù hợp với trường đó');
    }
  }
}

/** Cross-references a flat schema cannot check: unique ids, conditions pointing backwards at a choice question, skip rules pointing forwards. */
function templateIssues(sections: readonly TemplateSection[]): Issue[] {
  const issues: Issue[] = [];
  const report = (path: PropertyKey[], message: string): void => void issues.push({ path, message });
  const askedBefore = new Map<string, TemplateQuestion>();
  const sectionIds = sections.map((section) => section.id);

  const checkCondition = (condition: Condition, path: PropertyKey[]): void => {
    const target = askedBefore.get(condition.question);
    if (!target) report([...path, 'question'], `câu hỏi "${condition.question}" không có ở phía trước`);
    else if (!fitsAnswerType(condition.equals, target)) {
      report([...path, 'equals'], `giá trị không phù hợp với loại câu trả lời "${target.answerType}"`);
    }
  };

  sections.forEach((section, sectionIndex) => {
    const sectionPath = ['sections', sectionIndex];
    if (sectionIds.indexOf(section.id) !== sectionIndex) report([...sectionPath, 'id'], `mục "${section.id}" bị trùng`);
    section.questions.forEach((question, questionIndex) => {
      const questionPath = [...sectionPath, 'questions', questionIndex];
      const key = answerKey(section, question);
      if (askedBefore.has(key)) report([...questionPath, 'id'], `câu hỏi "${key}" bị trùng`);
      if (question.askWhen) checkCondition(question.askWhen, [...questionPath, 'askWhen']);
      scoredIssues(question, questionPath, report);
      groupIssues(question, questionPath, report);
      askedBefore.set(key, question);
    });
    if (section.questions.filter((question) => question.conclusion).length > 1) {
      report([...sectionPath, 'questions'], 'mỗi mục chỉ có một câu kết luận');
    }
    if (section.skipRule) {
      checkCondition(section.skipRule.when, [...sectionPath, 'skipRule', 'when']);
      section.skipRule.skipSections.forEach((skipped, skippedIndex) => {
        if (sectionIds.indexOf(skipped) <= sectionIndex) {
          report([...sectionPath, 'skipRule', 'skipSections', skippedIndex], `"${skipped}" không phải là mục ở phía sau`);
        }
      });
    }
  });
  return issues;
}

export const assessmentTemplateSchema = z
  .object({
    /** `id` is what `assessment.template` records, e.g. `2010`; validFrom/validTo say when a new assessment may choose it. */
    ...referenceEntryShape,
    title: z.string().min(1),
    /** The kinds of regulation it is written for (the drafter may pick it for these only). */
    kinds: z.array(z.enum(REGULATION_KINDS)).min(1),
    legalBasis: z.string().optional(),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    for (const issue of templateIssues(template.sections)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type AssessmentTemplate = z.infer<typeof assessmentTemplateSchema>;
export type AssessmentTemplateInput = z.input<typeof assessmentTemplateSchema>;

/** The template of records made before templates were chosen by kind and date (and of the fixtures). */
export const DEFAULT_TEMPLATE_ID = '2010';

/** Every template the app knows, validated when the module loads so a malformed one fails at start-up, not mid-assessment. */
export const ASSESSMENT_TEMPLATES: readonly AssessmentTemplate[] = defineReferenceSet('assessment-templates', assessmentTemplateSchema, [
  template2010,
  template2025,
  templateQdkd2021,
  templateQdkd2025,
]);

/** The template a stored assessment names, whatever its validity: old records keep the form they were answered on. */
export function findTemplate(id: string): AssessmentTemplate | undefined {
  return findReference(ASSESSMENT_TEMPLATES, id);
}

/** The templates a new assessment of this kind may use on `date` (the draft's date), the most recent first. */
export function templatesFor(kind: RegulationKind, date: string): AssessmentTemplate[] {
  return inForce(ASSESSMENT_TEMPLATES, date)
    .filter((template) => template.kinds.includes(kind))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}

/** The template offered first: the most recent one in force for the kind, else the 2010 form. */
export function defaultTemplateFor(kind: RegulationKind, date: string): AssessmentTemplate {
  return templatesFor(kind, date)[0] ?? findTemplate(DEFAULT_TEMPLATE_ID)!;
}

const KIND_NAMES: Record<RegulationKind, string> = { tthc: 'thủ tục hành chính (TTHC)', qdkd: 'quy định kinh doanh (QĐKD)' };
const dayMonthYear = (date: string): string => date.slice(0, 10).split('-').reverse().join('/');

/**
 * Why an assessment of a regulation of `kind`, in a draft of `date`, may not be answered on `templateId`; null when it
 * may. The template must be written for the kind and in force on the draft's date; the one the assessment already
 * uses (`storedTemplateId`) stays usable after a newer form replaces it, so old records keep the form they were
 * answered on. An unknown id is left to the answer checks (templateAnswerProblems), which list the known ones.
 */
export function templateRefusal(templateId: string, kind: RegulationKind, date: string, storedTemplateId?: string): string | null {
  const template = findTemplate(templateId);
  if (!template) return null;
  if (!template.kinds.includes(kind)) {
    const writtenFor = template.kinds.map((known) => KIND_NAMES[known]).join(' và ');
    return `Mẫu đánh giá “${template.title}” (${template.id}) dùng cho ${writtenFor}, không dùng để đánh giá một ${KIND_NAMES[kind]}.`;
  }
  if (templateId === storedTemplateId || isInForce(template, date)) return null;
  const offered = templatesFor(kind, date).map(({ id }) => `“${id}”`).join(', ');
  const period = template.validTo ? `từ ${dayMonthYear(template.validFrom)} đến ${dayMonthYear(template.validTo)}` : `từ ${dayMonthYear(template.validFrom)}`;
  return `Mẫu đánh giá “${template.title}” (${template.id}) áp dụng ${period}; dự thảo ngày ${dayMonthYear(date)} dùng mẫu ${offered}.`;
}

export function answerKey(section: TemplateSection, question: TemplateQuestion): string {
  return `${section.id}.${question.id}`;
}

export type FlatQuestion = { key: string; section: TemplateSection; question: TemplateQuestion };

/** The template's questions in order, each with its `section.question` answer key. */
// Templates are immutable data, so their flattened question list is computed once per template.
const flattened = new WeakMap<AssessmentTemplate, FlatQuestion[]>();

export function templateQuestions(template: AssessmentTemplate): FlatQuestion[] {
  const known = flattened.get(template);
  if (known) return known;
  const questions = template.sections.flatMap((section) => section.questions.map((question) => ({ key: answerKey(section, question), section, question })));
  flattened.set(template, questions);
  return questions;
}
