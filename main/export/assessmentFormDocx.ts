// The impact-assessment form (Nghị định 63/2010, Điều 10) as the drafting agency attaches it to the dossier, laid out
// after the forms of Thông tư 02/2017/TT-VPCP (as amended by Thông tư 03/2022/TT-VPCP): for each regulation, part I
// assesses its impact (identification, components, the questionnaire section by section) and part II computes its
// compliance cost (activities with their hours and cost, cost per case and per year, present and annualised value with
// their conventions). The drafting agency's Nghị định 30 letterhead opens the document, its head signs it, and pages
// are numbered from the second on. What is printed follows the change: the per-component explanation only for an
// amendment, an abolished procedure only what was said about it and the cost it saves.
import { Document, Packer, PageOrientation, Paragraph } from 'docx';
import { placeOfAgency } from '../../shared/domain/administrativeReference';
import { numberLine } from '../../shared/domain/opinionLetter';
import type { SignatureBlock } from '../../shared/domain/signers';
import { assessmentProgress, necessityScore, type AssessmentProgress, type NecessityScore } from '../../shared/domain/assessment';
import { findTemplate, templateQuestions, type AssessmentTemplate, type GroupField, type TemplateQuestion } from '../../shared/domain/assessmentTemplate';
import { componentLines } from '../../shared/domain/componentText';
import { annualCost, costPerCase, DEFAULT_COST_HORIZON, evaluateCostWorksheet, hoursPerCase, timeCost, upfrontCost, type CostEvaluation } from '../../shared/domain/cost';
import { costConventionsText } from '../../shared/domain/costText';
import { draftPhrase } from '../../shared/domain/draftTitle';
import { countKinds, kindCountInWords } from '../../shared/domain/kindCountWords';
import type { Answer, CostSide, CostWorksheet, Regulation } from '../../shared/domain/dossier';
import { regulationCostTargets, type CostJudging } from '../../shared/domain/costFigures';
import { costRollup } from '../../shared/domain/costRollup';
import { scopeClassOf } from '../../shared/domain/reformPrograms';
import { type Change, type DocType, type RegulationKind } from '../../shared/domain/vocabulary';
import { componentKeysFor } from '../../shared/domain/components';
import { assessmentMessages } from '../../shared/i18n/assessmentMessages';
import { formatDecimal, formatInteger, formatLetterDate, formatMoney, formatPercent, formatScore } from '../../shared/i18n/format';
import { recordsMessages } from '../../shared/i18n/recordsMessages';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { centered, documentStyles, letterheadTable, pageNumberHeaders, run as styledRun, signOffTable, twips, twipsFromPt } from './docxAdministrative';
import { LETTER_PAGE_MM, LETTER_TEXT_WIDTH_MM } from './letterLayout';
import { paragraphXml, spliceBody, tableXml, type BodyHeaderCell, type BodyParagraph, type BodyRun } from './wordBodyXml';

const LABELS = vocabularyMessages.vi;
const FIELD_LABELS = recordsMessages.vi.regulation;
const EXTENT_ANSWERS = assessmentMessages.vi.assessment.extentAnswer;
const COST_LABELS = assessmentMessages.vi.assessment.cost;

const SUBJECT: Record<RegulationKind, string> = { tthc: 'THỦ TỤC HÀNH CHÍNH', qdkd: 'QUY ĐỊNH KINH DOANH' };

/** The form's title names what it assesses: procedures, business regulations, or both in a mixed draft. */
export function assessmentFormTitle(kinds: readonly RegulationKind[]): string {
  const present = (['tthc', 'qdkd'] as const).filter((kind) => kinds.includes(kind));
  return `BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG CỦA ${(present.length > 0 ? present : (['tthc'] as const)).map((kind) => SUBJECT[kind]).join(', ')}`;
}

export const FORM_PARTS = {
  impact: (kind: RegulationKind) => `PHẦN I. ĐÁNH GIÁ TÁC ĐỘNG CỦA ${SUBJECT[kind]}`,
  cost: (kind: RegulationKind) => `PHẦN II. TÍNH CHI PHÍ TUÂN THỦ ${SUBJECT[kind]}`,
  general: '1. Thông tin chung',
  components: '2. Các bộ phận tạo thành',
  questionnaire: '3. Nội dung đánh giá',
} as const;

export const UNANSWERED = '(chưa trả lời)';
/** Where the body goes in the frame the docx library builds; no form can contain it. */
const BODY_PLACEHOLDER = '⟦TTHC-ASSESSMENT-FORM-BODY⟧';

/** `referenceDate`: the draft's date (draftReferenceDate), on which its cost reductions are judged against the programs in force. */
export type AssessmentFormDraft = { title: string; docType: DocType; draftingAgency: string; referenceDate: string };
/** `published`: its record in the national TTHC database, whose subjects give its scope when its components state none. */
export type AssessmentFormRegulation = Omit<Regulation, 'opinions'> & { published?: { subjects: readonly string[] } | undefined };
export type AssessmentFormDocument = {
  draft: AssessmentFormDraft;
  regulations: readonly AssessmentFormRegulation[];
  /** The day the form is drawn up (ISO date), printed beside the place. */
  date: string;
  /** "12/BC-BGTVT" when the form goes with a numbered document; blank leaves the number line out. */
  number?: string;
  /** One of the drafting agency's signers; nobody yet, and the form says so. */
  signature?: SignatureBlock | null;
  /**
   * The app's own analysis beside the official content: the necessity score and the multi-year present and
   * annualised values. The official form (Thông tư 02/2017/TT-VPCP) asks neither, so they print only when asked.
   */
  analysis?: boolean;
};

const SIZE_PT = { title: 14, heading: 13, body: 13, table: 12 } as const;
const WIDE = LETTER_TEXT_WIDTH_MM;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };
/** Body runs at the body size unless told otherwise. */
const run = (text: string, style: RunStyle = {}): BodyRun => ({ text, sizePt: style.size ?? SIZE_PT.body, bold: style.bold, italics: style.italics });

type Layout = Omit<BodyParagraph, 'runs'>;
function paragraph(text: string | BodyRun[], layout: Layout = {}, style: RunStyle = {}): string {
  return paragraphXml({ align: 'both', ...layout, runs: typeof text === 'string' ? [run(text, style)] : text });
}

const SPACED: Layout = { before: twipsFromPt(6) };
const heading = (text: string, layout: Layout = {}) => paragraph(text, { align: 'left', before: twipsFromPt(12), after: twipsFromPt(4), keepNext: true, ...layout }, { bold: true, size: SIZE_PT.heading });

const note = (text: string) => paragraph(text, SPACED, { italics: true });

/** "Label: value" with the label bold, the form's way of answering a printed field. */
const labelled = (label: string, value: string, layout: Layout = {}) => paragraph([run(`${label}: `, { bold: true }), run(value)], { ...SPACED, ...layout });

type Align = 'left' | 'center' | 'right';
type HeaderCell = BodyHeaderCell;
const CELL_MARGINS = { left: twips(1.5), right: twips(1.5), top: twipsFromPt(2), bottom: twipsFromPt(2) };

/** A bordered table (header rows bold, centred, repeated on every page); `align` per column, numbers right. */
function grid(columnsMm: readonly number[], header: ReadonlyArray<readonly HeaderCell[]>, rows: string[][][], align: readonly Align[] = []): string {
  return tableXml({ columnsTwips: columnsMm.map(twips), header, rows, align: columnsMm.map((_, column) => align[column] ?? 'left'), sizePt: SIZE_PT.table, cellMargins: CELL_MARGINS });
}

const headerOf = (...texts: string[]) => [texts.map((text) => ({ text }))];

const LABEL_VALUE_MM = [55, WIDE - 55] as const;
/** Wide enough for "STT" on one line in bold 12 pt. */
const NUMBER_MM = 12;

/** Hours, frequencies: up to two decimals, none when whole. */
/** Money as the official form writes it, with the unit in words: «8.200.000 đồng», as its «Chi phí (đồng)» columns. */
const money = (value: number): string => formatMoney(value, 'vi', 'word');
const quantity = (value: number) => (Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 2).replace(/0$/, ''));

/** Which sides of the cost a change has: a new procedure has no current cost, an abolished one none after the draft. */
const SIDES_OF: Record<Change, ReadonlyArray<'baseline' | 'proposed'>> = {
  new: ['proposed'],
  amended: ['baseline', 'proposed'],
  replaced: ['baseline', 'proposed'],
  abolished: ['baseline'],
};
const SIDE_TITLE = { baseline: 'Hiện hành', proposed: 'Theo dự thảo' } as const;

/**
 * Everything the form reads from one regulation, computed once: the overview of a whole draft and the regulation's
 * own pages print the same score and costs without scoring or evaluating it twice.
 */
type RegulationFacts = {
  regulation: AssessmentFormRegulation;
  template: AssessmentTemplate | undefined;
  progress: AssessmentProgress | undefined;
  score: NecessityScore | undefined;
  cost: CostEvaluation | undefined;
  costJudging: CostJudging;
};

function factsOf(regulation: AssessmentFormRegulation, referenceDate: string): RegulationFacts {
  const assessment = regulation.assessment;
  const template = assessment ? findTemplate(assessment.template) : undefined;
  return {
    regulation,
    template,
    progress: template && assessment ? assessmentProgress(template, assessment.answers, regulation.change) : undefined,
    score: template && assessment ? necessityScore(template, assessment.answers) : undefined,
    cost: assessment?.cost ? evaluateCostWorksheet(assessment.cost, DEFAULT_COST_HORIZON) : undefined,
    costJudging: { date: referenceDate, scopeClass: scopeClassOf(regulation, regulation.published) },
  };
}

function identification(draft: AssessmentFormDraft, regulation: AssessmentFormRegulation): string {
  const rows: [string, string | undefined][] = [
    [FIELD_LABELS.kind, LABELS.kind[regulation.kind]],
    [FIELD_LABELS.change, LABELS.change[regulation.change]],
    // A QĐKD has no code in the national TTHC database, nor has a new procedure before it is published: no 'Mã TTHC'
    // row unless one was recorded (issue 19: the realistic decree's new procedure printed «Mã TTHC: —»).
    ...((regulation.kind === 'qdkd' || regulation.change === 'new') && !regulation.nationalCode
      ? []
      : [[FIELD_LABELS.nationalCode, regulation.nationalCode] as [string, string | undefined]]),
    [FIELD_LABELS.article, regulation.article],
    [FIELD_LABELS.field, regulation.field],
    [FIELD_LABELS.level, regulation.level && LABELS.level[regulation.level]],
    ['Dự thảo VBQPPL', `${draft.title} (${LABELS.docType[draft.docType]})`],
    ['Cơ quan chủ trì soạn thảo', draft.draftingAgency],
  ];
  return grid(LABEL_VALUE_MM, headerOf('Thông tin', 'Nội dung'), rows.map(([label, value]) => [[label], [value?.trim() || '—']]));
}

/** What the draft sets, or for an abolished procedure what it abolishes (only the components on record). */
function componentsTable(regulation: AssessmentFormRegulation): string {
  const abolished = regulation.change === 'abolished';
  // A QĐKD prints its conditions, not the steps, dossier and result of a procedure (componentKeysFor).
  const rows = componentKeysFor(regulation.kind).flatMap((key) => {
    const lines = key === 'name' ? [regulation.name] : componentLines(regulation.components, key, 'form');
    if (lines.length === 0 && abolished) return [];
    // A business regulation is not a procedure: its name row says so.
    const label = key === 'name' && regulation.kind === 'qdkd' ? 'Tên quy định kinh doanh' : LABELS.component[key];
    return [[[label], lines.length > 0 ? lines : ['(không quy định)']]];
  });
  return grid(LABEL_VALUE_MM, headerOf('Bộ phận', abolished ? 'Nội dung hiện hành (bị bãi bỏ)' : 'Nội dung theo dự thảo'), rows);
}

type Labelled = Pick<TemplateQuestion, 'answerType' | 'options'>;
type Scalar = Exclude<Answer['value'], unknown[]>;

const isBlank = (value: Answer['value'] | undefined): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** An answer as the officer chose it: labels of choices and extents, never their codes. */
function scalarLabel(question: Labelled, value: Scalar | undefined): string {
  if (value === undefined || value === null || isBlank(value)) return UNANSWERED;
  if (typeof value === 'boolean') return question.answerType === 'component_change' ? 'Không thay đổi' : value ? 'Có' : 'Không';
  if (typeof value === 'number') return quantity(value);
  if (question.answerType === 'choice') return question.options?.find((option) => option.value === value)?.label ?? value;
  if (question.answerType === 'extent' && value in EXTENT_ANSWERS) return EXTENT_ANSWERS[value as keyof typeof EXTENT_ANSWERS];
  return value;
}

/** A repeated group (dossier items, business conditions) as a table: one row per item, one column per field. */
/** Room a field's answers need, relative to the others: prose most, a yes/no least. */
const FIELD_WEIGHT: Record<GroupField['answerType'], number> = { text: 3, choice: 2, number: 1.4, yes_no: 1.1, extent: 1.3 };

function groupTable(fields: readonly GroupField[], rows: ReadonlyArray<Record<string, Scalar>>): string {
  const totalWeight = fields.reduce((sum, field) => sum + FIELD_WEIGHT[field.answerType], 0);
  const widths = fields.map((field) => ((WIDE - NUMBER_MM) * FIELD_WEIGHT[field.answerType]) / totalWeight);
  const alignOf = (field: GroupField): Align => (field.answerType === 'number' ? 'right' : field.answerType === 'yes_no' ? 'center' : 'left');
  return grid(
    [NUMBER_MM, ...widths],
    headerOf('STT', ...fields.map((field) => field.text)),
    // An optional field left empty (a condition's cost) is not a missing answer.
    rows.map((row, index) => [[String(index + 1)], ...fields.map((field) => [field.optional && isBlank(row[field.id]) ? '—' : scalarLabel(field, row[field.id])])]),
    ['center', ...fields.map(alignOf)],
  );
}

function questionnaire(facts: RegulationFacts, analysis: boolean): string[] {
  const { regulation, template, progress } = facts;
  const assessment = regulation.assessment;
  if (!assessment) return [note(`${regulation.kind === 'qdkd' ? 'Quy định' : 'Thủ tục'} này chưa được đánh giá tác động.`)];
  if (!template || !progress) return [note(`Đánh giá theo mẫu “${assessment.template}”, mẫu này không có trong ứng dụng nên không in được các câu trả lời.`)];
  // An abolished procedure is not assessed as if it were kept: only what the drafter said about it prints.
  const abolished = regulation.change === 'abolished';
  const applicable = new Set(progress.applicable);
  // How far the answers go is said only while they are unfinished: a finished form is dated, and carries no status.
  const status = progress.complete ? '' : `; tình trạng: đã trả lời ${progress.answered}/${progress.total} câu`;
  const content: string[] = [
    note(abolished ? `Theo ${template.title}; thủ tục bãi bỏ: chỉ nêu các nội dung đã đánh giá về việc bãi bỏ.` : `Theo ${template.title}${status}.`),
  ];
  const questions = templateQuestions(template);
  for (const section of template.sections) {
    const sectionProgress = progress.sections.find(({ id }) => id === section.id);
    // A section the change does not call for (section V for a new procedure) is not part of this form at all.
    if (section.appliesTo && !section.appliesTo.includes(regulation.change)) continue;
    const asked = questions.filter(
      ({ section: owner, key }) => owner.id === section.id && applicable.has(key) && (!abolished || !isBlank(assessment.answers[key]?.value)),
    );
    if (abolished && asked.length === 0) continue;
    content.push(heading(section.title));
    if (!sectionProgress?.asked) {
      content.push(note('Bỏ qua vì mục I kết luận việc quy định là không cần thiết.'));
      continue;
    }
    asked.forEach(({ key, question }, index) => {
      const answer = assessment.answers[key];
      content.push(paragraph(`${index + 1}. ${question.text}`, { ...SPACED, keepNext: true }, { bold: question.conclusion }));
      if (question.answerType === 'group') {
        const rows = Array.isArray(answer?.value) ? answer.value : [];
        content.push(rows.length > 0 ? groupTable(question.fields ?? [], rows) : labelled('Trả lời', UNANSWERED, { before: 40 }));
      } else {
        content.push(labelled('Trả lời', scalarLabel(question, answer?.value as Scalar | undefined), { before: 40 }));
      }
      const explanation = answer?.explanation?.trim();
      if (explanation) content.push(paragraph([run('Giải trình: ', { italics: true, bold: true }), run(explanation, { italics: true })]));
    });
  }
  if (abolished && content.length === 1) content.push(note('Chưa nêu lý do bãi bỏ.'));
  return [...content, ...(analysis ? scoreLines(facts) : [])];
}

function scoreLines({ score, regulation }: RegulationFacts): string[] {
  if (!score || regulation.change === 'abolished') return [];
  const value = score.score === null ? 'chưa có điểm (chưa trả lời câu hỏi có trọng số nào)' : `${formatScore(score.score)}/100`;
  return [labelled('Điểm cần thiết', value), ...(score.forcedToZero ? [note('Bằng 0 vì mục I kết luận việc quy định là không cần thiết.')] : [])];
}

/** One row per activity (the union of both sides, in order), with its hours and their cost on each side, then the total. */
function activityRows(worksheet: CostWorksheet, sides: ReadonlyArray<CostSide | undefined>): string[][][] {
  const names = [...new Set(sides.flatMap((side) => side?.activities ?? []).map(({ name }) => name))];
  const hoursOf = (side: CostSide | undefined, name: string): number | undefined => {
    const matching = (side?.activities ?? []).filter((activity) => activity.name === name);
    return matching.length === 0 ? undefined : hoursPerCase({ activities: matching });
  };
  const cells = (hours: number | undefined) => (hours === undefined ? [['—'], ['—']] : [[quantity(hours)], [money(timeCost(hours, worksheet.hourlyIncome))]]);
  const total = (side: CostSide | undefined) => (side ? hoursPerCase(side) : undefined);
  return [
    ...names.map((name, index) => [[String(index + 1)], [name], ...sides.flatMap((side) => cells(hoursOf(side, name)))]),
    [[''], ['Cộng chi phí thời gian'], ...sides.flatMap((side) => cells(total(side)))],
  ];
}

type SideRow = [label: string, measure: (side: CostSide, hourlyIncome: number) => string];

function costSummaryRows(worksheet: CostWorksheet, sides: ReadonlyArray<CostSide | undefined>): string[][][] {
  const rows: SideRow[] = [
    ['Chi phí thời gian (số giờ × đơn giá giờ công)', (side, income) => money(timeCost(hoursPerCase(side), income))],
    ['Phí, lệ phí', (side) => money(side.fees)],
    ['Chi phí khác (tư vấn, công chứng, sao chụp, đi lại…)', (side) => money(side.otherCosts)],
    ['Chi phí một lần thực hiện', (side, income) => money(costPerCase(side, income))],
    ['Số đối tượng thực hiện', (side) => formatInteger(side.population)],
    ['Số lần thực hiện/năm', (side) => quantity(side.frequencyPerYear)],
    ['Chi phí tuân thủ một năm', (side, income) => money(annualCost(side, income))],
  ];
  if (sides.some((side) => side?.upfrontCosts)) rows.push(['Chi phí ban đầu (một lần khi bắt đầu thực hiện)', (side) => money(upfrontCost(side))]);
  return rows.map(([label, measure]) => [[label], ...sides.map((side) => [side ? measure(side, worksheet.hourlyIncome) : '—'])]);
}

/**
 * The closing sentence of the cost part: what is saved, judged against the cost target of each reform program that
 * covers the regulation on its draft's date (regulationCostTargets), or what the draft adds.
 */
export function costConclusion(worksheet: CostWorksheet, judging: CostJudging, evaluation: CostEvaluation = evaluateCostWorksheet(worksheet)): string {
  const { annual, reduction } = evaluation;
  if (reduction.share === null) return `Chi phí tuân thủ phát sinh theo dự thảo: ${money(annual.proposed)}/năm.`;
  if (reduction.amount < 0) return `Chi phí tuân thủ tăng thêm: ${money(-reduction.amount)}/năm (tăng ${formatPercent(-reduction.share)} so với hiện hành).`;
  const verdicts = regulationCostTargets(reduction, judging).map(
    (target) => `${target.met ? 'đạt' : 'chưa đạt'} mục tiêu cắt giảm tối thiểu ${formatPercent(target.target)} của ${target.name}`,
  );
  const judged = verdicts.length > 0 ? ` (${verdicts.join('; ')})` : '';
  return `Chi phí tuân thủ tiết kiệm: ${money(reduction.amount)}/năm, giảm ${formatPercent(reduction.share)} so với hiện hành${judged}.`;
}

/** PV and AV over the worksheet's default horizon, with the conventions the cost worksheet states beside them. */
function multiYear(worksheet: CostWorksheet, evaluation: CostEvaluation, sides: ReadonlyArray<'baseline' | 'proposed'>): string[] {
  const { horizon, presentValue, annualisedValue, conventions } = evaluation;
  if (!horizon || !presentValue || !annualisedValue || !conventions) return [];
  const growth = horizon.growthRate === 0 ? 'số đối tượng không đổi' : `số đối tượng tăng ${formatPercent(horizon.growthRate)}/năm`;
  // With one side (a new or an abolished procedure) the figure needs no side named before it.
  const values = (pair: { baseline: number; proposed: number }) =>
    sides.length === 1 ? money(pair[sides[0]!]) : sides.map((side) => `${SIDE_TITLE[side].toLocaleLowerCase('vi')} ${money(pair[side])}`).join('; ');
  return [
    paragraph(`Tính trong ${formatInteger(horizon.years)} năm (${worksheet.year}–${worksheet.year + horizon.years - 1}), tỷ lệ chiết khấu ${formatPercent(horizon.discountRate)}/năm, ${growth}:`, { ...SPACED, keepNext: true }, { italics: true }),
    labelled(COST_LABELS.presentValue, values(presentValue), { keepNext: true }),
    labelled(COST_LABELS.annualisedValue, values(annualisedValue), { keepNext: true }),
    paragraph(costConventionsText(conventions), { before: 40 }, { italics: true, size: SIZE_PT.table }),
  ];
}

function costPart(facts: RegulationFacts, analysis: boolean): string[] {
  const worksheet = facts.regulation.assessment?.cost;
  if (!worksheet || !facts.cost) return [note('Chưa lập bảng tính chi phí tuân thủ.')];
  const sideKeys = SIDES_OF[facts.regulation.change];
  const sides = sideKeys.map((key) => worksheet[key]);
  const [hoursMm, costMm] = [16, 31];
  const activityColumns = [NUMBER_MM, WIDE - NUMBER_MM - sideKeys.length * (hoursMm + costMm), ...sideKeys.flatMap(() => [hoursMm, costMm])];
  const activityHeader = [
    [{ text: 'STT', rows: 2 }, { text: 'Hoạt động', rows: 2 }, ...sideKeys.map((key) => ({ text: SIDE_TITLE[key], span: 2 }))],
    sideKeys.flatMap(() => [{ text: 'Số giờ' }, { text: 'Chi phí (đồng)' }]),
  ];
  const hasActivities = sides.some((side) => (side?.activities.length ?? 0) > 0);
  return [
    labelled('Năm tính chi phí', String(worksheet.year), { keepNext: true }),
    labelled('Đơn giá giờ công', `${money(worksheet.hourlyIncome)}/giờ (thu nhập bình quân tháng ÷ 22 ngày ÷ 8 giờ)`, { keepNext: true }),
    ...(hasActivities
      ? [
          paragraph('a) Thời gian và chi phí thời gian của từng hoạt động (một lần thực hiện):', { ...SPACED, keepNext: true }, { bold: true }),
          grid(activityColumns, activityHeader, activityRows(worksheet, sides), ['center', 'left', ...sideKeys.flatMap(() => ['right', 'right'] as const)]),
        ]
      : []),
    paragraph(`${hasActivities ? 'b' : 'a'}) Chi phí tuân thủ cho một lần thực hiện và cho một năm:`, { ...SPACED, keepNext: true }, { bold: true }),
    grid([WIDE - sideKeys.length * 45, ...sideKeys.map(() => 45)], headerOf('Chỉ tiêu', ...sideKeys.map((key) => SIDE_TITLE[key])), costSummaryRows(worksheet, sides), [
      'left',
      ...sideKeys.map(() => 'right' as const),
    ]),
    paragraph(costConclusion(worksheet, facts.costJudging, facts.cost), SPACED, { bold: true }),
    ...(analysis ? multiYear(worksheet, facts.cost, sideKeys) : []),
  ];
}

function regulationPart(draft: AssessmentFormDraft, facts: RegulationFacts, index: number, many: boolean, analysis: boolean): string[] {
  const { regulation } = facts;
  return [
    paragraph(`${many ? `${index + 1}. ` : ''}${regulation.name}`, { align: 'left', pageBreakBefore: many, before: twipsFromPt(12), keepNext: true }, { bold: true, size: SIZE_PT.title }),
    heading(FORM_PARTS.impact(regulation.kind)),
    heading(FORM_PARTS.general, { before: twipsFromPt(4), after: twipsFromPt(4) }),
    identification(draft, regulation),
    heading(FORM_PARTS.components),
    componentsTable(regulation),
    heading(FORM_PARTS.questionnaire),
    ...questionnaire(facts, analysis),
    heading(FORM_PARTS.cost(regulation.kind)),
    ...costPart(facts, analysis),
  ];
}

/** A table of contents for a whole draft: each regulation's change and yearly cost before and after (and its score, with the analysis). */
/** The list of a whole draft's regulations with their yearly costs, and the draft's totals as every other surface counts them (costRollup). */
function overview(all: readonly RegulationFacts[], analysis: boolean, referenceDate: string): string {
  const scoreOf = ({ regulation, score }: RegulationFacts) => (score?.score === null || score === undefined || regulation.change === 'abolished' ? '—' : formatScore(score.score));
  const rows = all.map((facts, index) => {
    const { regulation, cost } = facts;
    return [
      [String(index + 1)],
      [regulation.name],
      [LABELS.change[regulation.change]],
      ...(analysis ? [[scoreOf(facts)]] : []),
      [cost && regulation.change !== 'new' ? money(cost.annual.baseline) : '—'],
      [cost && regulation.change !== 'abolished' ? money(cost.annual.proposed) : '—'],
    ];
  });
  const totals = costRollup(
    all.map(({ regulation }) => regulation),
    { from: referenceDate, to: referenceDate },
  ).annual;
  const totalRow = [[''], ['Tổng cộng'], [''], ...(analysis ? [['']] : []), [money(totals.baseline)], [money(totals.proposed)]];
  const score = analysis ? 16 : 0;
  return grid(
    [NUMBER_MM, WIDE - NUMBER_MM - 90 - score, 26, ...(analysis ? [score] : []), 32, 32],
    headerOf('STT', 'Tên TTHC/QĐKD', 'Dự thảo quy định', ...(analysis ? ['Điểm cần thiết'] : []), 'Chi phí/năm hiện hành', 'Chi phí/năm theo dự thảo'),
    [...rows, totalRow],
    ['center', 'left', 'left', ...(analysis ? (['right'] as const) : []), 'right', 'right'],
  );
}

export async function renderAssessmentFormDocx(form: AssessmentFormDocument): Promise<Buffer> {
  const { draft, regulations } = form;
  const analysis = form.analysis ?? false;
  const many = regulations.length > 1;
  const page = LETTER_PAGE_MM;
  const title = assessmentFormTitle(regulations.map((regulation) => regulation.kind));
  const all = regulations.map((regulation) => factsOf(regulation, draft.referenceDate));
  const document = new Document({
    title: `${title} - ${draft.title}`,
    creator: draft.draftingAgency,
    styles: documentStyles(SIZE_PT.body),
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(page.top), bottom: twips(page.bottom), left: twips(page.left), right: twips(page.right) },
          },
          titlePage: true,
        },
        headers: pageNumberHeaders(),
        children: [
          letterheadTable({
            issuer: [{ text: draft.draftingAgency.toLocaleUpperCase('vi'), bold: true }],
            number: form.number?.trim() ? numberLine(form.number) : '',
            placeDate: formatLetterDate(form.date, placeOfAgency(draft.draftingAgency)),
          }),
          centered([styledRun(title, { bold: true, size: SIZE_PT.title })], { spacing: { before: twipsFromPt(18), after: 0 } }),
          centered([styledRun(`(Kèm theo hồ sơ ${draftPhrase(draft.title)})`, { italics: true, size: SIZE_PT.body })], { spacing: { before: twipsFromPt(3), after: twipsFromPt(6) } }),
          new Paragraph({ children: [styledRun(BODY_PLACEHOLDER, { size: SIZE_PT.body })] }),
          signOffTable({ copiesTo: [], signatureTitles: form.signature?.titles ?? [], signer: form.signature?.name ?? '' }),
        ],
      },
    ],
  });
  const body = [
    ...(many ? [paragraph(`Dự thảo có ${kindCountInWords(countKinds(regulations.map((regulation) => regulation.kind)), regulations.length)}:`, { before: twipsFromPt(12), after: twipsFromPt(6) }, { bold: true }), overview(all, analysis, draft.referenceDate)] : []),
    ...all.flatMap((facts, index) => regulationPart(draft, facts, index, many, analysis)),
  ];
  return spliceBody(new Uint8Array(await Packer.toBuffer(document)), BODY_PLACEHOLDER, body.join(''));
}

