import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_TEMPLATES,
  assessmentTemplateSchema,
  findTemplate,
  templateQuestions,
  type AssessmentTemplateInput,
} from './assessmentTemplate';
import { template2010 } from './templates/template2010';
import { COMPONENT_KEYS } from './vocabulary';

describe('template 2010', () => {
  const template = findTemplate('2010');

  it('is registered and valid', () => {
    expect(assessmentTemplateSchema.safeParse(template2010).success).toBe(true);
    expect(template?.id).toBe('2010');
    expect(ASSESSMENT_TEMPLATES.map(({ id }) => id)).toContain('2010');
  });

  it('has the sections of DOMAIN.md in order, the amendment one only for amended and replaced regulations', () => {
    expect(template?.sections.map(({ id }) => id)).toEqual(['necessity', 'reasonableness', 'legality', 'cost', 'amendment']);
    expect(template?.sections.find(({ id }) => id === 'amendment')?.appliesTo).toEqual(['amended', 'replaced']);
  });

  it('asks for every component of Điều 8 in the amendment section', () => {
    expect(template?.sections.find(({ id }) => id === 'amendment')?.questions.map(({ id }) => id)).toEqual([...COMPONENT_KEYS]);
  });

  it.each(['necessity.objective_needed', 'necessity.conclusion', 'legality.within_authority', 'cost.proposed_fee_amount', 'amendment.timeLimitDays'])(
    'has the answer key %s',
    (key) => {
      expect(templateQuestions(template ?? assessmentTemplateSchema.parse(template2010)).map((question) => question.key)).toContain(key);
    },
  );

  it('is written in Vietnamese with diacritics', () => {
    const texts = template2010.sections.flatMap((section) => [section.title, ...section.questions.map((question) => question.text)]);
    expect(texts.filter((text) => !/[à-ỹÀ-Ỹđ]/u.test(text))).toEqual([]);
  });

  it('skips sections II–V and proposes not regulating when section I concludes "not necessary"', () => {
    expect(template?.sections[0]?.skipRule).toEqual({
      when: { question: 'necessity.conclusion', equals: false },
      skipSections: ['reasonableness', 'legality', 'cost', 'amendment'],
      outcome: 'do_not_regulate',
    });
  });
});

describe('findTemplate', () => {
  it.each(['2099', '', 'necessity'])('returns undefined for the unknown id %j', (id) => {
    expect(findTemplate(id)).toBeUndefined();
  });
});

describe('assessmentTemplateSchema', () => {
  const valid = (): AssessmentTemplateInput => ({
    id: 'test',
    version: '1',
    validFrom: '2020-01-01',
    kinds: ['tthc'],
    title: 'Mẫu thử',
    sections: [
      {
        id: 'first',
        title: 'Mục một',
        questions: [
          { id: 'needed', text: 'Có cần không?', answerType: 'yes_no', weight: 1, supportsKeepingWhen: true },
          { id: 'authority', text: 'Đúng thẩm quyền?', answerType: 'extent', weight: 1, supportsKeepingWhen: 'fully' },
          { id: 'conclusion', text: 'Kết luận', answerType: 'yes_no', conclusion: true },
        ],
        skipRule: { when: { question: 'first.conclusion', equals: false }, skipSections: ['second'], outcome: 'do_not_regulate' },
      },
      { id: 'second', title: 'Mục hai', questions: [{ id: 'note', text: 'Ghi chú', answerType: 'text' }] },
    ],
  });

  it('accepts the minimal template', () => {
    expect(assessmentTemplateSchema.safeParse(valid()).success).toBe(true);
  });

  type Mutation = (template: AssessmentTemplateInput) => void;
  const first = (template: AssessmentTemplateInput) => template.sections[0]!;
  const second = (template: AssessmentTemplateInput) => template.sections[1]!;

  it.each<[string, Mutation, string, string]>([
    [
      'a duplicate section id',
      (t) => void t.sections.push({ ...second(t), questions: [{ id: 'other', text: 'Khác', answerType: 'text' }] }),
      'sections.2.id',
      'mục "second" bị trùng',
    ],
    [
      'a duplicate question id',
      (t) => void (first(t).questions[1]!.id = 'needed'),
      'sections.0.questions.1.id',
      'câu hỏi "first.needed" bị trùng',
    ],
    [
      'a follow-up on a later question',
      (t) => void (first(t).questions[0]!.askWhen = { question: 'first.conclusion', equals: true }),
      'sections.0.questions.0.askWhen.question',
      'câu hỏi "first.conclusion" không có ở phía trước',
    ],
    [
      'a follow-up on an unknown question',
      (t) => void (second(t).questions[0]!.askWhen = { question: 'first.missing', equals: true }),
      'sections.1.questions.0.askWhen.question',
      'câu hỏi "first.missing" không có ở phía trước',
    ],
    [
      'a condition value of the wrong type',
      (t) => void (second(t).questions[0]!.askWhen = { question: 'first.authority', equals: true }),
      'sections.1.questions.0.askWhen.equals',
      'giá trị không phù hợp với loại câu trả lời "extent"',
    ],
    [
      'a condition on a text question',
      (t) => void second(t).questions.push({ id: 'more', text: 'Thêm', answerType: 'text', askWhen: { question: 'second.note', equals: true } }),
      'sections.1.questions.1.askWhen.equals',
      'giá trị không phù hợp với loại câu trả lời "text"',
    ],
    [
      'a weight without a supporting answer',
      (t) => void (second(t).questions[0]!.weight = 2),
      'sections.1.questions.0.weight',
      'câu hỏi có trọng số phải nêu supportsKeepingWhen',
    ],
    [
      'an extent value as the supporting yes/no answer',
      (t) => void (first(t).questions[0]!.supportsKeepingWhen = 'fully'),
      'sections.0.questions.0.supportsKeepingWhen',
      'chỉ dùng cho câu hỏi có/không, mức độ hoặc lựa chọn, với giá trị phù hợp',
    ],
    [
      'a skip rule pointing backwards',
      (t) => void (first(t).skipRule!.skipSections = ['first']),
      'sections.0.skipRule.skipSections.0',
      '"first" không phải là mục ở phía sau',
    ],
    [
      'two conclusions in a section',
      (t) => void (first(t).questions[0]!.conclusion = true),
      'sections.0.questions',
      'mỗi mục chỉ có một câu kết luận',
    ],
    ['an id with a dot', (t) => void (second(t).questions[0]!.id = 'a.b'), 'sections.1.questions.0.id', 'chỉ gồm chữ cái không dấu, số và dấu gạch dưới'],
    ['a negative weight', (t) => void (first(t).questions[0]!.weight = -1), 'sections.0.questions.0.weight', 'phải lớn hơn 0'],
  ])('rejects %s', (_label, mutate, path, message) => {
    const template = valid();
    mutate(template);
    const parsed = assessmentTemplateSchema.safeParse(template);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[path, message]]);
  });
});
