// The impact-assessment form (Nghị định 63/2010, Điều 10) as the drafting agency attaches it to the dossier: per
// regulation its identification, its components, every answer of the questionnaire with its explanation grouped by
// section, the necessity score and the compliance-cost tables, in Vietnamese number formats.
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { IParagraphOptions } from 'docx';
import { assessmentProgress, necessityScore } from '../../shared/domain/assessment';
import { findTemplate, templateQuestions, type AssessmentTemplate, type GroupField, type TemplateQuestion } from '../../shared/domain/assessmentTemplate';
import { componentLines } from '../../shared/domain/componentText';
import { annualCost, costPerCase, evaluateCostWorksheet, upfrontCost } from '../../shared/domain/cost';
import { measureTargets, yearPeriod } from '../../shared/domain/reformPrograms';
import type { Answer, Assessment, CostSide, CostWorksheet, Regulation } from '../../shared/domain/dossier';
import { COMPONENT_KEYS, type DocType } from '../../shared/domain/vocabulary';
import { assessmentMessages } from '../../shared/i18n/assessmentMessages';
import { formatDateVi, formatDecimal, formatInteger, formatMoney, formatPercent } from '../../shared/i18n/format';
import { recordsMessages } from '../../shared/i18n/recordsMessages';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { LETTER_FONT, LETTER_PAGE_MM, LETTER_TEXT_WIDTH_MM, mmToTwips } from './letterLayout';

const LABELS = vocabularyMessages.vi;
const FIELD_LABELS = recordsMessages.vi.regulation;
const EXTENT_LABELS = assessmentMessages.vi.assessment.extent;

export const ASSESSMENT_FORM_TITLE = 'BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG CỦA THỦ TỤC HÀNH CHÍNH';
export const FORM_PARTS = {
  general: 'A. THÔNG TIN CHUNG',
  components: 'B. CÁC BỘ PHẬN TẠO THÀNH',
  questionnaire: 'C. NỘI DUNG ĐÁNH GIÁ',
  cost: 'D. CHI PHÍ TUÂN THỦ',
} as const;

export type AssessmentFormDraft = { title: string; docType: DocType; draftingAgency: string };
export type AssessmentFormRegulation = Omit<Regulation, 'opinions'>;

const SIZE_PT = { title: 14, heading: 13, body: 13, table: 12 } as const;
const halfPoints = (pt: number) => pt * 2;
const SPACED = { spacing: { before: 120, after: 0 } };

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };
const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size === undefined ? undefined : halfPoints(style.size) });

function paragraph(text: string | TextRun[], options: IParagraphOptions = {}, style: RunStyle = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, ...options, children: typeof text === 'string' ? [run(text, style)] : text });
}

const heading = (text: string, options: IParagraphOptions = {}) =>
  paragraph(text, { spacing: { before: 240, after: 80 }, keepNext: true, ...options }, { bold: true, size: SIZE_PT.heading });

const note = (text: string) => paragraph(text, SPACED, { italics: true });

/** "Label: value" with the label bold, the form's way of answering a printed field. */
const labelled = (label: string, value: string, options: IParagraphOptions = {}) =>
  paragraph([run(`${label}: `, { bold: true }), run(value)], { ...SPACED, ...options });

const CELL_MARGIN = 80;

/** A bordered table; each cell is lines of text, the header row bold and repeated on every page. */
function grid(columnsMm: readonly number[], header: string[], rows: string[][][], numericFrom = Number.POSITIVE_INFINITY): Table {
  const cell = (lines: string[], column: number, bold: boolean) =>
    new TableCell({
      width: { size: mmToTwips(columnsMm[column] ?? 0), type: WidthType.DXA },
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      children: (lines.length > 0 ? lines : ['']).map(
        (line) =>
          new Paragraph({
            alignment: bold ? AlignmentType.CENTER : column >= numericFrom ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [run(line, { bold, size: SIZE_PT.table })],
          }),
      ),
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: mmToTwips(columnsMm.reduce((sum, width) => sum + width, 0)), type: WidthType.DXA },
    columnWidths: columnsMm.map(mmToTwips),
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, column) => cell([text], column, true)) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((lines, column) => cell(lines, column, false)) })),
    ],
  });
}

const WIDE = LETTER_TEXT_WIDTH_MM;
const LABEL_VALUE_MM = [55, WIDE - 55] as const;

/** Hours, frequencies: up to two decimals, none when whole. */
const quantity = (value: number) => (Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 2).replace(/0$/, ''));
/** 87,5 and 100: a score with one decimal, none when whole. */
const scoreText = (score: number) => formatDecimal(score, 1).replace(/,0$/, '');
/** A year's cost in whole đồng, as the reports print it. */
const yearly = (value: number) => formatMoney(Math.round(value));

function identification(draft: AssessmentFormDraft, regulation: AssessmentFormRegulation): Table {
  const rows: [string, string | undefined][] = [
    [FIELD_LABELS.kind, LABELS.kind[regulation.kind]],
    [FIELD_LABELS.change, LABELS.change[regulation.change]],
    [FIELD_LABELS.nationalCode, regulation.nationalCode],
    [FIELD_LABELS.article, regulation.article],
    [FIELD_LABELS.field, regulation.field],
    [FIELD_LABELS.level, regulation.level && LABELS.level[regulation.level]],
    ['Dự thảo VBQPPL', `${draft.title} (${LABELS.docType[draft.docType]})`],
    ['Cơ quan chủ trì soạn thảo', draft.draftingAgency],
  ];
  return grid(
    LABEL_VALUE_MM,
    ['Thông tin', 'Nội dung'],
    rows.map(([label, value]) => [[label], [value?.trim() || '—']]),
  );
}

function componentsTable(regulation: AssessmentFormRegulation): Table {
  const rows = COMPONENT_KEYS.map((key) => {
    const lines = key === 'name' ? [regulation.name] : componentLines(regulation.components, key);
    return [[LABELS.component[key]], lines.length > 0 ? lines : ['(không quy định)']];
  });
  return grid(LABEL_VALUE_MM, ['Bộ phận', 'Nội dung theo dự thảo'], rows);
}

type Labelled = Pick<TemplateQuestion, 'answerType' | 'options'> & { fields?: readonly GroupField[] };

/** A group prints one numbered row per item, each field as "question: answer". */
function answerLabel(question: Labelled, value: Answer['value']): string {
  if (value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)) return '(chưa trả lời)';
  if (Array.isArray(value)) {
    return value
      .map((row, index) => `${index + 1}. ${(question.fields ?? []).map((field) => `${field.text}: ${answerLabel(field, row[field.id] ?? null)}`).join('; ')}`)
      .join('\n');
  }
  if (typeof value === 'boolean') return question.answerType === 'component_change' ? 'Không thay đổi' : value ? 'Có' : 'Không';
  if (typeof value === 'number') return quantity(value);
  if (question.answerType === 'choice') return question.options?.find((option) => option.value === value)?.label ?? value;
  return question.answerType === 'extent' && value in EXTENT_LABELS ? EXTENT_LABELS[value as keyof typeof EXTENT_LABELS] : value;
}

function scoreLine(template: AssessmentTemplate, assessment: Assessment): Paragraph[] {
  const { score, forcedToZero } = necessityScore(template, assessment.answers);
  const value = score === null ? 'chưa có điểm (chưa trả lời câu hỏi có trọng số nào)' : `${scoreText(score)}/100`;
  return [
    labelled('Điểm cần thiết', value),
    ...(forcedToZero ? [note('Bằng 0 vì mục I kết luận việc quy định thủ tục hành chính là không cần thiết.')] : []),
  ];
}

function questionnaire(regulation: AssessmentFormRegulation): (Paragraph | Table)[] {
  const assessment = regulation.assessment;
  if (!assessment) return [note('Thủ tục này chưa được đánh giá tác động.')];
  const template = findTemplate(assessment.template);
  if (!template) return [note(`Đánh giá theo mẫu “${assessment.template}”, mẫu này không có trong ứng dụng nên không in được các câu trả lời.`)];
  const progress = assessmentProgress(template, assessment.answers, regulation.change);
  const applicable = new Set(progress.applicable);
  const questions = templateQuestions(template);
  const status = progress.complete
    ? assessment.completedAt
      ? `đầy đủ, hoàn thành ngày ${formatDateVi(assessment.completedAt)}`
      : 'đã trả lời đủ các câu hỏi'
    : `đã trả lời ${progress.answered}/${progress.total} câu`;
  const content: (Paragraph | Table)[] = [note(`Theo ${template.title}; tình trạng: ${status}.`)];
  for (const section of template.sections) {
    content.push(heading(section.title));
    const asked = progress.sections.find(({ id }) => id === section.id)?.asked ?? false;
    if (!asked) {
      const skipped = progress.recommendation === 'do_not_regulate' && template.sections.some((other) => other.skipRule?.skipSections.includes(section.id));
      content.push(note(skipped ? 'Bỏ qua vì mục I kết luận việc quy định thủ tục hành chính là không cần thiết.' : `Không áp dụng đối với thủ tục ${LABELS.change[regulation.change].toLocaleLowerCase('vi')}.`));
      continue;
    }
    questions
      .filter(({ section: owner, key }) => owner.id === section.id && applicable.has(key))
      .forEach(({ key, question }, index) => {
        const answer = assessment.answers[key];
        content.push(paragraph(`${index + 1}. ${question.text}`, { ...SPACED, keepNext: true }, { bold: question.conclusion }));
        content.push(labelled('Trả lời', answerLabel(question, answer?.value ?? null), { spacing: { before: 40 } }));
        const explanation = answer?.explanation?.trim();
        if (explanation) content.push(paragraph([run('Giải trình: ', { italics: true, bold: true }), run(explanation, { italics: true })]));
      });
  }
  return [...content, ...scoreLine(template, assessment)];
}

type SideRow = [label: string, measure: (side: CostSide, hourlyIncome: number) => string];

function costSummaryRows(worksheet: CostWorksheet): string[][][] {
  const hours = (side: CostSide) => side.activities.reduce((sum, activity) => sum + activity.hours, 0);
  const rows: SideRow[] = [
    ['Tổng số giờ thực hiện', (side) => quantity(hours(side))],
    ['Chi phí thời gian (số giờ × đơn giá giờ công)', (side, income) => formatMoney(hours(side) * income)],
    ['Phí, lệ phí', (side) => formatMoney(side.fees)],
    ['Chi phí khác (tư vấn, công chứng, sao chụp, đi lại…)', (side) => formatMoney(side.otherCosts)],
    ['Chi phí một lần thực hiện', (side, income) => formatMoney(costPerCase(side, income))],
    ['Số đối tượng thực hiện', (side) => formatInteger(side.population)],
    ['Số lần thực hiện/năm', (side) => quantity(side.frequencyPerYear)],
    ['Chi phí tuân thủ một năm', (side, income) => yearly(annualCost(side, income))],
  ];
  if (worksheet.baseline?.upfrontCosts || worksheet.proposed?.upfrontCosts) {
    rows.push(['Chi phí ban đầu (một lần khi bắt đầu thực hiện)', (side) => yearly(upfrontCost(side))]);
  }
  const cellOf = (side: CostSide | undefined, measure: SideRow[1]) => [side ? measure(side, worksheet.hourlyIncome) : '—'];
  return rows.map(([label, measure]) => [[label], cellOf(worksheet.baseline, measure), cellOf(worksheet.proposed, measure)]);
}

function activityRows(worksheet: CostWorksheet): string[][][] {
  const names = [...new Set([...(worksheet.baseline?.activities ?? []), ...(worksheet.proposed?.activities ?? [])].map(({ name }) => name))];
  const hoursOf = (side: CostSide | undefined, name: string) => {
    if (!side) return '—';
    const matching = side.activities.filter((activity) => activity.name === name);
    return matching.length === 0 ? '—' : quantity(matching.reduce((sum, activity) => sum + activity.hours, 0));
  };
  return names.map((name) => [[name], [hoursOf(worksheet.baseline, name)], [hoursOf(worksheet.proposed, name)]]);
}

/**
 * The closing sentence of the cost part: what is saved, judged against the cost target of each reform program in
 * force in the worksheet's year, or what the draft adds.
 */
export function costConclusion(worksheet: CostWorksheet): string {
  const { annual, reduction } = evaluateCostWorksheet(worksheet);
  if (reduction.share === null) return `Chi phí tuân thủ phát sinh theo dự thảo: ${yearly(annual.proposed)}/năm.`;
  if (reduction.amount < 0) return `Chi phí tuân thủ tăng thêm: ${yearly(-reduction.amount)}/năm (tăng ${formatPercent(-reduction.share)} so với hiện hành).`;
  const verdicts = measureTargets('compliance_cost', yearPeriod(worksheet.year), reduction.share).map(
    (target) => `${target.met ? 'đạt' : 'chưa đạt'} mục tiêu cắt giảm tối thiểu ${formatPercent(target.target)} của ${target.name}`,
  );
  const judged = verdicts.length > 0 ? ` (${verdicts.join('; ')})` : '';
  return `Chi phí tuân thủ tiết kiệm: ${yearly(reduction.amount)}/năm, giảm ${formatPercent(reduction.share)} so với hiện hành${judged}.`;
}

const COST_COLUMNS_MM = [WIDE - 80, 40, 40] as const;

function costTables(regulation: AssessmentFormRegulation): (Paragraph | Table)[] {
  const worksheet = regulation.assessment?.cost;
  if (!worksheet) return [note('Chưa lập bảng tính chi phí tuân thủ.')];
  const sides = ['Hiện hành', 'Theo dự thảo'];
  const activities = activityRows(worksheet);
  return [
    paragraph(`Năm tính chi phí: ${worksheet.year}. Đơn giá giờ công: ${formatMoney(worksheet.hourlyIncome)}/giờ (thu nhập bình quân tháng ÷ 22 ngày ÷ 8 giờ).`, SPACED),
    ...(activities.length > 0
      ? [paragraph('Thời gian thực hiện các hoạt động (giờ):', { ...SPACED, keepNext: true }, { italics: true }), grid(COST_COLUMNS_MM, ['Hoạt động', ...sides], activities, 1)]
      : []),
    paragraph('Chi phí tuân thủ cho một lần thực hiện và cho một năm:', { ...SPACED, keepNext: true }, { italics: true }),
    grid(COST_COLUMNS_MM, ['Chỉ tiêu', ...sides], costSummaryRows(worksheet), 1),
    paragraph(costConclusion(worksheet), SPACED, { bold: true }),
  ];
}

function regulationPart(draft: AssessmentFormDraft, regulation: AssessmentFormRegulation, index: number, many: boolean): (Paragraph | Table)[] {
  return [
    paragraph(`${many ? `${index + 1}. ` : ''}${regulation.name}`, { alignment: AlignmentType.LEFT, pageBreakBefore: many, spacing: { before: 240 }, keepNext: true }, { bold: true, size: SIZE_PT.title }),
    heading(FORM_PARTS.general),
    identification(draft, regulation),
    heading(FORM_PARTS.components),
    componentsTable(regulation),
    heading(FORM_PARTS.questionnaire),
    ...questionnaire(regulation),
    heading(FORM_PARTS.cost),
    ...costTables(regulation),
  ];
}

/** A table of contents for a whole draft: each regulation's change, score and yearly cost before and after. */
function overview(regulations: readonly AssessmentFormRegulation[]): Table {
  const rows = regulations.map((regulation, index) => {
    const template = regulation.assessment && findTemplate(regulation.assessment.template);
    const score = template && regulation.assessment ? necessityScore(template, regulation.assessment.answers).score : null;
    const cost = regulation.assessment?.cost && evaluateCostWorksheet(regulation.assessment.cost);
    return [
      [String(index + 1)],
      [regulation.name],
      [LABELS.change[regulation.change]],
      [score === null || score === undefined ? '—' : scoreText(score)],
      [cost ? yearly(cost.annual.baseline) : '—'],
      [cost ? yearly(cost.annual.proposed) : '—'],
    ];
  });
  return grid([10, WIDE - 130, 30, 20, 35, 35], ['STT', 'Tên TTHC/QĐKD', 'Dự thảo quy định', 'Điểm cần thiết', 'Chi phí/năm hiện hành', 'Chi phí/năm theo dự thảo'], rows, 3);
}

export async function renderAssessmentFormDocx(draft: AssessmentFormDraft, regulations: readonly AssessmentFormRegulation[]): Promise<Buffer> {
  const many = regulations.length > 1;
  const page = LETTER_PAGE_MM;
  const document = new Document({
    title: `${ASSESSMENT_FORM_TITLE} - ${draft.title}`,
    creator: draft.draftingAgency,
    styles: { default: { document: { run: { font: LETTER_FONT, size: halfPoints(SIZE_PT.body) }, paragraph: { spacing: { before: 0, after: 0 } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(page.width), height: mmToTwips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: mmToTwips(page.top), bottom: mmToTwips(page.bottom), left: mmToTwips(page.left), right: mmToTwips(page.right) },
          },
        },
        children: [
          paragraph(ASSESSMENT_FORM_TITLE, { alignment: AlignmentType.CENTER }, { bold: true, size: SIZE_PT.title }),
          paragraph(`(Kèm theo hồ sơ dự thảo ${draft.title})`, { alignment: AlignmentType.CENTER, spacing: { before: 60 } }, { italics: true }),
          ...(many
            ? [paragraph(`Dự thảo có ${formatInteger(regulations.length)} TTHC/QĐKD:`, { spacing: { before: 240, after: 120 } }, { bold: true }), overview(regulations)]
            : []),
          ...regulations.flatMap((regulation, index) => regulationPart(draft, regulation, index, many)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
