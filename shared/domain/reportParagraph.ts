// The period statistics written out as in VPCP's monthly report to the Government (reference 002, I.2.a and
// I.2.c): "Trong tháng 11/2023, các bộ, ngành, địa phương đã đánh giá tác động 130 TTHC tại 18 dự thảo VBQPPL
// (gồm: 01 Luật, 06 Nghị định, …)". Counts take a leading zero below ten, as that report writes them.
import { formatDate, formatDays, formatPercent, formatReportMoney, formatTwoDigitCount } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { issuedGroupTotals, type IssuedByAgency } from './issuedByAgency';
import type { MeasureTotal } from './measures';
import { roundedShare, targetsFor, type ReformMeasure } from './reformPrograms';
import type { IssuedCounts, KindCounts, Period, PeriodReport, SectionStatistics } from './statistics';
import { kindCountInWords, kindsInWords, KIND_SHORT } from './kindCountWords';
import { DOC_TYPES, REGULATION_KINDS } from './vocabulary';

// The monthly report names document types as the catalogue does and lists them in the vocabulary's order.
const DOC_TYPE_NAMES = vocabularyMessages.vi.docType;

/** VPCP states the share of reviewed regulations it challenged to one decimal (641 of 1.025 → "62,5%"). */
const REVIEW_SHARE_DIGITS = 1;
const COST_SHARE_DIGITS = 2;
const AGENCIES = 'các bộ, ngành, địa phương';
const REVIEWER = 'Văn phòng Chính phủ';

export interface ReportParagraphOptions {
  /** The same statistics from 1 January; adds the "Tính 11 tháng năm 2023, …" sentences. */
  yearToDate?: PeriodReport;
  /** The period's issued TTHC by ministry and province; adds "Trong đó, có: … của 05 bộ; có: … của 04 địa phương". */
  issuedByAgency?: IssuedByAgency;
}

/** A footnote of a paragraph, its mark right after the first `at` characters (VPCP names the agencies it counts so). */
export type Footnote = { at: number; text: string };

/** "a", "a và b", "a, b và c". */
function listWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}

const count = (value: number): string => formatTwoDigitCount(value);

const lowerFirst = (text: string): string => `${text.charAt(0).toLocaleLowerCase('vi')}${text.slice(1)}`;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isMonthEnd(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return day === lastDayOfMonth(year, month);
}

/** "Trong tháng 11/2023", "Trong ngày 05/11/2023" or "Từ ngày 01/11/2023 đến ngày 15/11/2023". */
function periodLead({ from, to }: Period): string {
  if (from === to) return `Trong ngày ${formatDate(from)}`;
  if (from.endsWith('-01') && from.slice(0, 7) === to.slice(0, 7) && isMonthEnd(to)) {
    return `Trong tháng ${Number(from.slice(5, 7))}/${from.slice(0, 4)}`;
  }
  return `Từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`;
}

/** "Tính 11 tháng năm 2023" or "Tính cả năm 2023" when the period runs from 1 January to a month's end. */
function cumulativeLead(period: Period): string {
  const year = period.from.slice(0, 4);
  if (period.from !== `${year}-01-01` || period.to.slice(0, 4) !== year || !isMonthEnd(period.to)) return periodLead(period);
  const months = Number(period.to.slice(5, 7));
  return months === 12 ? `Tính cả năm ${year}` : `Tính ${months} tháng năm ${year}`;
}

/** "04 dự thảo Nghị định" for one type, else "18 dự thảo VBQPPL (gồm: 01 Luật, …)". */
function draftsPhrase(section: SectionStatistics): string {
  const types = DOC_TYPES.filter((docType) => (section.draftsByType[docType] ?? 0) > 0);
  const [onlyType] = types;
  if (types.length === 1 && onlyType) return `${count(section.drafts)} dự thảo ${DOC_TYPE_NAMES[onlyType]}`;
  const breakdown = types.map((docType) => `${count(section.draftsByType[docType] ?? 0)} ${DOC_TYPE_NAMES[docType]}`);
  return `${count(section.drafts)} dự thảo VBQPPL${breakdown.length > 0 ? ` (gồm: ${listWithAnd(breakdown)})` : ''}`;
}

/** How VPCP's report names each kind: a QĐKD is not a TTHC, so a count says which kinds it is made of (kindCountWords.ts). */
const KIND_WORDS = KIND_SHORT;
const KINDS = REGULATION_KINDS;

/** "07 TTHC", "03 QĐKD" or "07 TTHC và 03 QĐKD". */
const regulationsPhrase = (byKind: KindCounts): string => kindCountInWords(byKind, byKind.tthc + byKind.qdkd);

type Stage = { report: PeriodReport; lead: string; cumulative: boolean };

function assessmentSentence({ report, lead, cumulative }: Stage): string | null {
  const { assessment, appraisal } = report;
  const towards = cumulative ? 'đối với ' : '';
  const clauses = [
    assessment.regulations > 0 && `đánh giá tác động ${towards}${regulationsPhrase(assessment.byKind)} tại ${draftsPhrase(assessment)}`,
    appraisal.regulations > 0 &&
      (cumulative
        ? `thẩm định đối với ${regulationsPhrase(appraisal.byKind)} tại ${draftsPhrase(appraisal)}`
        : `thực hiện thẩm định ${regulationsPhrase(appraisal.byKind)} quy định tại ${draftsPhrase(appraisal)}`),
  ].filter((clause): clause is string => clause !== false);
  return clauses.length > 0 ? `${lead}, ${AGENCIES} đã ${clauses.join(', ')}.` : null;
}

function reviewSentence({ report, lead, cumulative }: Stage, withSubject: boolean): string | null {
  const { review } = report;
  if (review.regulations === 0) return null;
  const subject = withSubject ? `${REVIEWER} ` : '';
  // The year to date is worded as VPCP's report words it: TTHC and business regulations together, the drafts as
  // "dự thảo VBQPPL" without a breakdown ("đã thẩm tra đối với 1.025 TTHC, quy định kinh doanh (QĐKD) tại 62 dự
  // thảo VBQPPL, trong đó đã đề nghị không quy định 82 TTHC, QĐKD, …"); the period counts each kind apart.
  // Of one kind only, the year to date names that kind: «01 TTHC», not «01 TTHC, QĐKD».
  const together = (byKind: KindCounts, total: number) => kindCountInWords(byKind, total, { together: true });
  const bothKinds = KINDS.every((kind) => review.byKind[kind] > 0);
  const reviewed = cumulative
    ? `đã thẩm tra đối với ${bothKinds ? `${count(review.regulations)} TTHC, quy định kinh doanh (QĐKD)` : regulationsPhrase(review.byKind)} tại ${count(review.drafts)} dự thảo VBQPPL`
    : `đã thực hiện thẩm tra ${regulationsPhrase(review.byKind)} tại ${draftsPhrase(review)}`;
  const proposals = [
    review.remove > 0 && `không quy định ${cumulative ? together(review.removeByKind, review.remove) : regulationsPhrase(review.removeByKind)}`,
    review.amend > 0 && `sửa đổi, bổ sung ${cumulative ? together(review.amendByKind, review.amend) : regulationsPhrase(review.amendByKind)}`,
  ].filter((proposal): proposal is string => proposal !== false);
  const outcome =
    proposals.length > 0
      ? `, trong đó${cumulative ? '' : ','} đã đề nghị ${proposals.join(', ')}, chiếm ${formatPercent(review.removeOrAmendShare, 'vi', REVIEW_SHARE_DIGITS)}`
      : ` và thống nhất với toàn bộ các ${kindsInWords(review.byKind)} này`;
  return `${lead}, ${subject}${reviewed}${outcome}.`;
}

function issuedSentence({ report, lead }: Stage): string | null {
  const kindParts = (counts: IssuedCounts, word: string) =>
    [
      counts.new > 0 && `${count(counts.new)} ${word} được ban hành mới`,
      counts.amended > 0 && `${count(counts.amended)} ${word} được sửa đổi, bổ sung`,
      counts.abolished > 0 && `${count(counts.abolished)} ${word} được bãi bỏ`,
    ].filter((part): part is string => part !== false);
  const parts = KINDS.flatMap((kind) => kindParts(report.issued.byKind[kind], KIND_WORDS[kind]));
  return parts.length > 0 ? `${lead}, có ${listWithAnd(parts)}.` : null;
}

const CHANGE_ORDER = ['new', 'amended', 'abolished'] as const;

/**
 * How VPCP's report words each group of I.2.c, word for word (reference 002): the ministries' new TTHC are "ban hành
 * mới", the provinces' "mới"; the ministries' documents are "thuộc phạm vi quản lý nhà nước", the provinces' "thuộc
 * thẩm quyền". A group with a central agency that is not a ministry (Ngân hàng Nhà nước …) counts "bộ, cơ quan".
 */
const ISSUED_GROUP_WORDS = {
  ministries: {
    changes: { new: 'ban hành mới', amended: 'sửa đổi, bổ sung', abolished: 'bãi bỏ' },
    scope: 'thuộc phạm vi quản lý nhà nước của',
    unit: (agencies: readonly string[]) => (agencies.every((agency) => agency.startsWith('Bộ ')) ? 'bộ' : 'bộ, cơ quan'),
  },
  provinces: {
    changes: { new: 'mới', amended: 'sửa đổi, bổ sung', abolished: 'bãi bỏ' },
    scope: 'thuộc thẩm quyền của',
    unit: () => 'địa phương',
  },
} as const;

/** What section I.2 adds to the period's issued figures about the agencies whose documents issued them. */
type AgencyWording =
  /** Ministries and provinces both: a sentence of its own giving each group's figures. */
  | { joins: 'sentence'; text: string; notes: Footnote[] }
  /** One group only: its figures would be the period's again, so the period's sentence says where they come from. */
  | { joins: 'clause'; text: string; notes: Footnote[] };

/**
 * "Trong đó, có: 29 TTHC ban hành mới, 50 TTHC sửa đổi, bổ sung và 16 TTHC bãi bỏ, tại 08 văn bản QPPL thuộc phạm vi
 * quản lý nhà nước của 05 bộ¹; có: 03 TTHC mới, … tại 04 văn bản QPPL thuộc thẩm quyền của 04 địa phương²." with the
 * footnotes naming them (reference 002, I.2.c) — from issuedGroupTotals, the figures of the table's group lines. When
 * only ministries or only provinces issued, a clerk does not say the same figures twice: ", tại 01 văn bản QPPL thuộc
 * phạm vi quản lý nhà nước của 01 bộ¹" closes the period's own sentence instead.
 */
function issuedByAgencyWording(issued: IssuedByAgency): AgencyWording | null {
  const groups = issuedGroupTotals(issued);
  const present = (['ministries', 'provinces'] as const).flatMap((key) => {
    const group = groups[key];
    return group ? [{ key, group }] : [];
  });
  const notes: Footnote[] = [];
  const where = (key: (typeof present)[number]['key'], group: (typeof present)[number]['group'], before: string) => {
    const words = ISSUED_GROUP_WORDS[key];
    const agencies = `${count(group.agencies.length)} ${words.unit(group.agencies)}`;
    const text = `tại ${count(group.total.documents)} văn bản QPPL ${words.scope} ${agencies}`;
    notes.push({ at: before.length + text.length, text: group.agencies.length === 1 ? `${group.agencies.join('')}.` : `${agencies} gồm: ${group.agencies.join(', ')}.` });
    return text;
  };
  const [only] = present;
  if (present.length === 1 && only) return { joins: 'clause', text: `, ${where(only.key, only.group, ', ')}`, notes };
  let text = 'Trong đó';
  for (const { key, group } of present) {
    const words = ISSUED_GROUP_WORDS[key];
    const changes = KINDS.flatMap((kind) =>
      CHANGE_ORDER.filter((change) => group.total.byKind[kind][change] > 0).map((change) => `${count(group.total.byKind[kind][change])} ${KIND_WORDS[kind]} ${words.changes[change]}`),
    );
    text += `${notes.length === 0 ? ', có: ' : '; có: '}${listWithAnd(changes)}, `;
    text += where(key, group, text);
  }
  return notes.length > 0 ? { joins: 'sentence', text: `${text}.`, notes } : null;
}

/**
 * "vượt mục tiêu 20% của Nghị quyết 68/NQ-CP và chưa đạt mục tiêu 30% của Nghị quyết 66/NQ-CP": each program in force
 * during the period that targets the measure, judged as printed on the regulations in its scope (issue 22); where
 * that share is not the whole figure's, the sentence says so ("riêng TTHC liên quan đến sản xuất, kinh doanh và QĐKD
 * giảm 40,61%, vượt mục tiêu …"). A program none of whose regulations was measured is left out; null when none is left.
 */
function verdictPhrase(report: PeriodReport, measure: ReformMeasure, share: number): string | null {
  const verdicts = targetsFor(measure, report.programs).flatMap(({ program, target }) => {
    if (target.achieved === null) return [];
    const shown = roundedShare(target.achieved);
    const goal = `mục tiêu ${formatPercent(target.target)} của ${program.name}`;
    const verdict = shown > target.target ? `vượt ${goal}` : shown === target.target ? `đạt ${goal}` : `chưa đạt ${goal}`;
    if (shown === roundedShare(share)) return [verdict];
    const direction = shown < 0 ? 'tăng' : 'giảm';
    return [`riêng ${program.scopeLabel} ${direction} ${formatPercent(Math.abs(target.achieved), 'vi', COST_SHARE_DIGITS)}, ${verdict}`];
  });
  return verdicts.length > 0 ? listWithAnd(verdicts) : null;
}

function costSentence({ report, lead }: Stage): string | null {
  const { baseline, proposed, reductionShare } = report.cost;
  if (baseline === 0) return null;
  const shownShare = roundedShare(reductionShare);
  const money = (amount: number) => formatReportMoney(amount);
  const shownPercent = formatPercent(Math.abs(reductionShare), 'vi', COST_SHARE_DIGITS);
  let change: string;
  if (shownShare > 0) change = `giảm từ ${money(baseline)} xuống ${money(proposed)}, tức giảm ${shownPercent} chi phí tuân thủ`;
  else if (shownShare < 0) change = `tăng từ ${money(baseline)} lên ${money(proposed)}, tức tăng ${shownPercent} chi phí tuân thủ`;
  else change = `giữ nguyên ở mức ${money(baseline)}`;
  const verdict = verdictPhrase(report, 'compliance_cost', reductionShare);
  return `${lead}, tổng chi phí tuân thủ hằng năm của các TTHC, QĐKD được đánh giá tác động (kể cả thủ tục ban hành mới và bãi bỏ) ${change}${verdict ? `, ${verdict}` : ''}.`;
}

/** "giảm từ 45 ngày xuống 30 ngày, tức giảm 33,33%" and the verdicts, for a measure counted in units. */
function measureSentence(stage: Stage, measure: ReformMeasure, total: MeasureTotal, subject: string, unit: string): string | null {
  if (total.regulations === 0 || total.reductionShare === null) return null;
  const amount = (value: number) => `${formatDays(value)} ${unit}`;
  const shown = roundedShare(total.reductionShare);
  const percent = formatPercent(Math.abs(total.reductionShare), 'vi', COST_SHARE_DIGITS);
  let change: string;
  if (shown > 0) change = `giảm từ ${amount(total.baseline)} xuống ${amount(total.proposed)}, tức giảm ${percent}`;
  else if (shown < 0) change = `tăng từ ${amount(total.baseline)} lên ${amount(total.proposed)}, tức tăng ${percent}`;
  else change = `giữ nguyên ở mức ${amount(total.baseline)}`;
  const verdict = verdictPhrase(stage.report, measure, total.reductionShare);
  return `${stage.lead}, ${subject} của ${kindCountInWords(total.byKind, total.regulations)} được đánh giá tác động ${change}${verdict ? `, ${verdict}` : ''}.`;
}

const processingTimeSentence = (stage: Stage) =>
  // Summed in working days (timeLimits.ts), a calendar-day limit converted: the unit says so.
  measureSentence(stage, 'processing_time', stage.report.processingTime, 'tổng thời hạn giải quyết', 'ngày làm việc');
const businessConditionsSentence = (stage: Stage) =>
  measureSentence(stage, 'business_conditions', stage.report.businessConditions, 'tổng số điều kiện kinh doanh', 'điều kiện');

/**
 * The paragraphs of section I of the report, by its parts: control at each stage, regulations issued, reductions;
 * `issuedNotes` are the footnotes of the first issued paragraph (the agencies of "Trong đó, có: …").
 */
export type ReportParagraphParts = { control: string[]; issued: string[]; issuedNotes: Footnote[]; reductions: string[] };

/**
 * The paragraphs of the report by part: assessment and appraisal, then review by VPCP; regulations issued;
 * compliance cost, processing time and business conditions. A paragraph with nothing to say is left out.
 */
export function periodReportParts(report: PeriodReport, options: ReportParagraphOptions = {}): ReportParagraphParts {
  const periodStage: Stage = { report, lead: periodLead(report.period), cumulative: false };
  const { yearToDate } = options;
  const cumulative: Stage | null =
    yearToDate && (yearToDate.period.from !== report.period.from || yearToDate.period.to !== report.period.to)
      ? { report: yearToDate, lead: cumulativeLead(yearToDate.period), cumulative: true }
      : null;
  /**
   * The period's sentence and the year to date's, or one sentence for both when the year to date holds nothing the
   * period does not (the first month with any of it): «Trong tháng 5/2023 và tính chung 5 tháng năm 2023, …», not
   * the same figures twice. `figures` picks what the sentence says. Used for the review (issue 19: the May report
   * said its review figures twice); the other parts keep reference 002's wording, the month and the year apart.
   */
  const both = (sentence: (stage: Stage) => string | null, figures: (report: PeriodReport) => unknown): (string | null)[] => {
    const inPeriod = sentence(periodStage);
    if (!cumulative) return [inPeriod];
    if (inPeriod !== null && JSON.stringify(figures(report)) === JSON.stringify(figures(cumulative.report))) {
      return [sentence({ ...periodStage, lead: `${periodStage.lead} và ${lowerFirst(cumulative.lead).replace(/^tính /u, 'tính chung ')}` })];
    }
    return [inPeriod, sentence(cumulative)];
  };
  const stages = [periodStage, ...(cumulative ? [cumulative] : [])];
  const paragraph = (sentences: (string | null)[]) => sentences.filter((sentence): sentence is string => sentence !== null).join(' ');
  const present = (paragraphs: string[]) => paragraphs.filter((text) => text.length > 0);
  // The reviewer is named once, in the first sentence that has a review to report.
  const periodReviewed = reviewSentence(periodStage, true) !== null;
  const reviewSentences = both((stage) => reviewSentence(stage, !stage.cumulative || !periodReviewed), (r) => r.review);
  // The period's totals, then how the ministries and the provinces share them.
  // I.2.c counts the period's issued procedures only, as VPCP's report does (reference 002: «Trong tháng 11, có 32 TTHC
  // được ban hành mới…», no year to date); the year's totals are in the annex. Issue 19: the June report said its
  // figures twice, for the month and for 6 months that held nothing else.
  const periodIssued = issuedSentence(periodStage);
  const byAgency = periodIssued && options.issuedByAgency ? issuedByAgencyWording(options.issuedByAgency) : null;
  let withAgencies = periodIssued ?? null;
  let issuedNotes: Footnote[] = [];
  if (periodIssued && byAgency) {
    // The clause goes before the sentence's full stop; a sentence after it, a space apart.
    const before = byAgency.joins === 'clause' ? periodIssued.slice(0, -1) : `${periodIssued} `;
    withAgencies = `${before}${byAgency.text}${byAgency.joins === 'clause' ? '.' : ''}`;
    issuedNotes = byAgency.notes.map((note) => ({ ...note, at: note.at + before.length }));
  }
  return {
    control: present([paragraph(stages.map(assessmentSentence)), paragraph(reviewSentences)]),
    issued: present([paragraph([withAgencies])]),
    issuedNotes,
    reductions: present([paragraph(stages.map(costSentence)), paragraph(stages.map(processingTimeSentence)), paragraph(stages.map(businessConditionsSentence))]),
  };
}

/** "Trong tháng 11/2023, không có TTHC nào …": what a part with nothing to report says instead. */
export function nothingToReport(period: Period, what: string): string {
  return `${periodLead(period)}, không có TTHC nào ${what}.`;
}

/** The paragraphs of the report, one string each, in the order of its parts; one sentence when there is nothing. */
export function periodReportParagraph(report: PeriodReport, options: ReportParagraphOptions = {}): string[] {
  const { control, issued, reductions } = periodReportParts(report, options);
  const paragraphs = [...control, ...issued, ...reductions];
  if (paragraphs.length > 0) return paragraphs;
  return [nothingToReport(report.period, 'được đánh giá tác động, thẩm định, thẩm tra hoặc ban hành')];
}
