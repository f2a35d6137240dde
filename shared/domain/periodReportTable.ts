// The figures of a period report beside the year to date, as rows of one table: the report screen, the Markdown,
// the DOCX and the XLSX all print these same rows, so that they can never show different figures.
import { formatDate, formatDays, formatInteger, formatMoney, formatPercent, type Locale } from '../i18n/format';
import { reportsMessages } from '../i18n/reportsMessages';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { monthPeriod } from './dashboard';
import type { MeasureTotal } from './measures';
import { issuedAgencyTable, NOTHING_ISSUED, type IssuedByAgency } from './issuedByAgency';
import { EMPTY_REPORT_TEXTS, periodReportBody, type PeriodReportBody, type PeriodReportTexts } from './periodReportSections';
import { targetsFor, type ReformMeasure } from './reformPrograms';
import type { Period, PeriodReport, SectionStatistics } from './statistics';
import type { CountedIn, CountedSection } from '../contract/regulationFilters';
import { DOC_TYPES, FILING_METHODS, type Change, type DocType, type RegulationKind } from './vocabulary';

/** `days`: a total of days, whole or to a tenth (format.ts formatDays), as the report's paragraph prints it. */
export type FigureKind = 'count' | 'share' | 'money' | 'days';
export type FigureRow = {
  kind: FigureKind;
  label: string;
  /** 0: a figure of the section; 1: a breakdown of the figure above it (drafts per document type). */
  indent: 0 | 1;
  /** Null for a share of nothing (nothing reviewed, nothing measured): printed «—», as the paragraphs leave it unsaid. */
  period: number | null;
  yearToDate: number | null;
  /** Decimals of a share, as the report's paragraph prints it. */
  digits?: number;
  /** The regulations a count is made of, as a search filter without its period: the figure links to them. */
  counts?: FigureSource;
};
export type FigureSource = Omit<CountedIn, 'from' | 'to'> & { docTypes?: DocType[]; changes?: Change[]; kinds?: RegulationKind[] };
export type ReportTableRow = { kind: 'heading'; label: string } | FigureRow;

const KINDS = ['tthc', 'qdkd'] as const satisfies readonly RegulationKind[];

/** As in periodReportParagraph: the review share to one decimal, the cost reduction to two. */
const REVIEW_SHARE_DIGITS = 1;
const COST_SHARE_DIGITS = 2;

/** What a share of nothing prints, on the screen and in every file: not «0%», which would say nothing was cut. */
export const NOT_MEASURED = '—';

/** A figure as the report prints it: "1.059", "62,5%", "2.490.909.091 đ" (money to the whole đồng); «—» for a share of nothing. */
export function formatFigure(row: Pick<FigureRow, 'kind' | 'digits'>, value: number | null, locale: Locale = 'vi'): string {
  if (value === null) return NOT_MEASURED;
  if (row.kind === 'share') return formatPercent(value, locale, row.digits);
  if (row.kind === 'money') return formatMoney(Math.round(value), locale);
  if (row.kind === 'days') return formatDays(value, locale);
  return formatInteger(value, locale);
}

export function periodReportTable(report: PeriodReport, yearToDate: PeriodReport, locale: Locale = 'vi'): ReportTableRow[] {
  const labels = reportsMessages[locale].reports;
  const docTypeNames = vocabularyMessages[locale].docType;
  const kindNames = vocabularyMessages[locale].kindShort;
  const figure = (kind: FigureKind, label: string, pick: (report: PeriodReport) => number | null, extra: Partial<FigureRow> = {}): FigureRow => ({
    kind,
    label,
    indent: 0,
    period: pick(report),
    yearToDate: pick(yearToDate),
    ...extra,
  });
  // A QĐKD is not a TTHC: each section counts the two kinds on rows of their own, each opening its own list.
  const section = (pick: (report: PeriodReport) => SectionStatistics, counted: CountedSection): ReportTableRow[] => [
    figure('count', labels.rows.regulations, (r) => pick(r).byKind.tthc, { counts: { section: counted, verdicts: [], kinds: ['tthc'] } }),
    figure('count', labels.rows.businessRegulations, (r) => pick(r).byKind.qdkd, { counts: { section: counted, verdicts: [], kinds: ['qdkd'] } }),
    figure('count', labels.rows.drafts, (r) => pick(r).drafts, { counts: { section: counted, verdicts: [] } }),
    // A type shows when the month or the year to date has a draft of it, so that both columns line up.
    ...DOC_TYPES.filter((docType) => [report, yearToDate].some((r) => (pick(r).draftsByType[docType] ?? 0) > 0)).map((docType) =>
      figure('count', docTypeNames[docType], (r) => pick(r).draftsByType[docType] ?? 0, { indent: 1, counts: { section: counted, verdicts: [], docTypes: [docType] } }),
    ),
  ];
  const heading = (label: string): ReportTableRow => ({ kind: 'heading', label });
  return [
    heading(labels.sections.assessment),
    ...section((r) => r.assessment, 'assessment'),
    heading(labels.sections.appraisal),
    ...section((r) => r.appraisal, 'appraisal'),
    heading(labels.sections.review),
    ...section((r) => r.review, 'review'),
    ...KINDS.flatMap((kind) => [
      figure('count', labels.rows.removeOf.replace('{{kind}}', kindNames[kind]), (r) => r.review.removeByKind[kind], { counts: { section: 'review', verdicts: ['remove'], kinds: [kind] } }),
      figure('count', labels.rows.amendOf.replace('{{kind}}', kindNames[kind]), (r) => r.review.amendByKind[kind], { counts: { section: 'review', verdicts: ['amend'], kinds: [kind] } }),
    ]),
    figure('share', labels.rows.removeOrAmendShare, (r) => (r.review.regulations > 0 ? r.review.removeOrAmendShare : null), { digits: REVIEW_SHARE_DIGITS }),
    heading(labels.sections.issued),
    ...KINDS.flatMap((kind) => [
      figure('count', labels.rows.newOf.replace('{{kind}}', kindNames[kind]), (r) => r.issued.byKind[kind].new, { counts: { section: 'issued', verdicts: [], changes: ['new'], kinds: [kind] } }),
      figure('count', labels.rows.amendedOf.replace('{{kind}}', kindNames[kind]), (r) => r.issued.byKind[kind].amended, { counts: { section: 'issued', verdicts: [], changes: ['amended', 'replaced'], kinds: [kind] } }),
      figure('count', labels.rows.abolishedOf.replace('{{kind}}', kindNames[kind]), (r) => r.issued.byKind[kind].abolished, { counts: { section: 'issued', verdicts: [], changes: ['abolished'], kinds: [kind] } }),
    ]),
    heading(labels.sections.cost),
    figure('money', labels.rows.baseline, (r) => r.cost.baseline),
    figure('money', labels.rows.proposed, (r) => r.cost.proposed),
    figure('share', labels.rows.reductionShare, (r) => (r.cost.baseline > 0 ? r.cost.reductionShare : null), { digits: COST_SHARE_DIGITS }),
    ...targetRows('compliance_cost'),
    ...measureRows(labels.sections.processingTime, 'processing_time', (r) => r.processingTime, methodRows(), 'days'),
    ...measureRows(labels.sections.businessConditions, 'business_conditions', (r) => r.businessConditions),
  ];

  /** One row per program in force in either column that targets the measure (the year to date holds the period). */
  function targetRows(measure: ReformMeasure): FigureRow[] {
    const seen = new Map(targetsFor(measure, [...yearToDate.programs, ...report.programs]).map(({ program, target }) => [program.id, { program, target }]));
    return [...seen.values()].map(({ program, target }) =>
      figure('share', labels.rows.targetOf.replace('{{program}}', program.name), () => target.target, { digits: COST_SHARE_DIGITS }),
    );
  }

  /**
   * The processing time per filing method (issue 22), under the procedure's own rows: each method any column measured,
   * summed over the procedures that offer it (measures.ts measureTotalsByMethod).
   */
  function methodRows(): FigureRow[] {
    const methodNames = vocabularyMessages[locale].method;
    return FILING_METHODS.filter((method) => [report, yearToDate].some((r) => r.processingTimeByMethod[method].regulations > 0)).flatMap((method) => {
      const pick = (r: PeriodReport) => r.processingTimeByMethod[method];
      const label = (template: string) => template.replace('{{method}}', methodNames[method]);
      return [
        figure('count', label(labels.rows.methodMeasured), (r) => pick(r).regulations, { indent: 1 }),
        figure('days', label(labels.rows.methodBaseline), (r) => pick(r).baseline, { indent: 1 }),
        figure('days', label(labels.rows.methodProposed), (r) => pick(r).proposed, { indent: 1 }),
        figure('share', label(labels.rows.methodReductionShare), (r) => pick(r).reductionShare ?? null, { indent: 1, digits: COST_SHARE_DIGITS }),
      ];
    });
  }

  /** Shown only when either column measured something, so that a report of 2023 keeps its old table. */
  function measureRows(title: string, measure: ReformMeasure, pick: (report: PeriodReport) => MeasureTotal, breakdown: FigureRow[] = [], unit: FigureKind = 'count'): ReportTableRow[] {
    if (pick(report).regulations === 0 && pick(yearToDate).regulations === 0) return [];
    return [
      heading(title),
      figure('count', labels.rows.measured, (r) => pick(r).regulations),
      figure(unit, labels.rows.baseline, (r) => pick(r).baseline),
      figure(unit, labels.rows.proposed, (r) => pick(r).proposed),
      figure('share', labels.rows.reductionShare, (r) => pick(r).reductionShare ?? null, { digits: COST_SHARE_DIGITS }),
      ...breakdown,
      ...targetRows(measure),
    ];
  }
}

/** "Tháng 11/2023" for a whole calendar month, else "Từ ngày 01/11/2023 đến ngày 15/11/2023". */
export function periodTitle(period: Period, locale: Locale = 'vi'): string {
  const labels = reportsMessages[locale].reports;
  const month = monthPeriod(period.from.slice(0, 7));
  if (month.from === period.from && month.to === period.to) {
    return labels.periodMonth.replace('{{month}}', String(Number(period.from.slice(5, 7)))).replace('{{year}}', period.from.slice(0, 4));
  }
  return labels.periodRange.replace('{{from}}', formatDate(period.from, locale)).replace('{{to}}', formatDate(period.to, locale));
}

/** What every printed form of the report holds: title, period, the paragraphs, sections I–IV and the table of figures. */
export type PeriodReportDocument = {
  title: string;
  period: string;
  paragraphs: string[];
  /** The report as VPCP writes it: opening, sections I–IV (the figures in I, the officer's texts in II–IV), closing. */
  body: PeriodReportBody;
  figuresTitle: string;
  headers: { indicator: string; inPeriod: string; yearToDate: string };
  rows: ReportTableRow[];
};

export function periodReportDocument(
  report: PeriodReport,
  yearToDate: PeriodReport,
  paragraphs: string[],
  texts: PeriodReportTexts = EMPTY_REPORT_TEXTS,
  issued: IssuedByAgency = NOTHING_ISSUED,
  locale: Locale = 'vi',
): PeriodReportDocument {
  const labels = reportsMessages[locale].reports;
  return {
    title: labels.documentTitle,
    period: periodTitle(report.period, locale),
    paragraphs,
    body: periodReportBody(report, yearToDate, texts, { byAgency: issued, table: issuedAgencyTable(issued, labels.issuedTable, locale) }),
    figuresTitle: labels.figuresTitle,
    headers: {
      indicator: labels.indicator,
      inPeriod: labels.inPeriodHeader.replace('{{period}}', periodTitle(report.period, locale)),
      yearToDate: labels.yearToDateHeader.replace('{{from}}', formatDate(yearToDate.period.from, locale)).replace('{{to}}', formatDate(yearToDate.period.to, locale)),
    },
    rows: periodReportTable(report, yearToDate, locale),
  };
}
