// The period report (EXCHANGE.md `tthc report`), the dashboard, and their files. The database counts by index
// (db/sqlite/reportsRepository.ts); the pure domain sums, words and lays out (shared/domain/periodFacts.ts, dashboard.ts).
import type { ApiParsedInput, Dashboard, ExportedFile, PeriodReportView, ReportFileFormat, SavedReportTexts } from '../../shared/contract/api';
import { savedReportTextsSchema } from '../../shared/contract/api';
import { monthPeriod, monthsBetween, monthlyActivity, outcomesByAgency, outcomesByDocType, waitingByStage } from '../../shared/domain/dashboard';
import { ApiError } from '../../shared/contract/errors';
import { writerRefusal } from '../../shared/domain/documentSenders';
import { periodReportDocument } from '../../shared/domain/periodReportTable';
import { EMPTY_REPORT_TEXTS, missingTextsNotice } from '../../shared/domain/periodReportSections';
import { periodReportParagraph } from '../../shared/domain/reportParagraph';
import { factsWithin, statisticsFromFacts } from '../../shared/domain/periodFacts';
import { issuedByAgency } from '../../shared/domain/issuedByAgency';
import { yearToDate, type Period } from '../../shared/domain/statistics';
import type { OpinionStage, RegulationKind } from '../../shared/domain/vocabulary';
import { DOCX_MIME, withSignatureNotice, XLSX_MIME } from '../export/exportedFile';
import { signedParticulars } from './documentParticulars';
import { actingOfficer, conflictMessage } from './revisions';
import type { DocumentOverrides } from '../../shared/contract/files';
import { MARKDOWN_MIME, renderPeriodReportMarkdown } from '../export/periodReportMarkdown';
import type { ServiceContext } from './context';
import { localDate } from '../../shared/domain/localDate';
import { readSavedProfile } from './settingsService';
import type { Repositories } from '../../db/port';

/** Agencies drawn one by one on the dashboard; the rest are summed as "other agencies". */
const DASHBOARD_AGENCIES = 12;
const LONGEST_WAITING = 10;

const FILE_STEM = 'bao-cao-kiem-soat-tthc';

/** "bao-cao-kiem-soat-tthc-2023-11" for a calendar month, else both dates. */
export function periodReportFileName(period: Period, format: ReportFileFormat): string {
  const month = monthPeriod(period.from.slice(0, 7));
  const span = month.from === period.from && month.to === period.to ? period.from.slice(0, 7) : `${period.from}-den-${period.to}`;
  return `${FILE_STEM}-${span}.${format}`;
}

/** Letters, digits, dashes and dots only: the name must be safe on every file system. */
function safeFileName(name: string, extension: string): string {
  const stem = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'du-lieu'}.${extension}`;
}

/** Sections II–IV of a period's report live with the period, as the installation's setting `periodReportTexts:<from>:<to>`. */
const textsKey = (period: Period): string => `periodReportTexts:${period.from}:${period.to}`;

async function readReportTexts(repos: Repositories, period: Period): Promise<SavedReportTexts> {
  const parsed = savedReportTextsSchema.safeParse(await repos.settings.get(textsKey(period)));
  return parsed.success ? parsed.data : { texts: EMPTY_REPORT_TEXTS, version: 0, changedBy: '', changedAt: '' };
}

/** The report is VPCP's (documentSenders): another agency's machine neither writes its texts nor exports it. */
async function refuseOtherWriter(repos: Repositories): Promise<string | undefined> {
  const profile = await readSavedProfile(repos);
  const refusal = writerRefusal('period_report', undefined, profile?.agency);
  if (refusal) throw new ApiError('forbidden', refusal);
  return profile?.agency;
}

const withNotice = (exported: ExportedFile, notice: string | null): ExportedFile =>
  notice ? { ...exported, notices: [...(exported.notices ?? []), notice] } : exported;

const file = (fileName: string, mimeType: string, content: Buffer | string): ExportedFile => ({
  fileName,
  mimeType,
  base64: Buffer.from(content).toString('base64'),
});

export function createReportsService(ctx: ServiceContext) {
  async function periodReport(period: Period): Promise<PeriodReportView> {
    const cumulative = yearToDate(period);
    // One load covers both: the year to date ends with the period, and starts before it unless it crosses a year.
    const facts = await ctx.read((repos) => repos.reports.periodFacts({ from: period.from < cumulative.from ? period.from : cumulative.from, to: period.to }));
    const report = statisticsFromFacts(facts, period);
    const yearToDateReport = statisticsFromFacts(facts, cumulative);
    const byAgency = issuedByAgency(factsWithin(facts.issued, period));
    return {
      report,
      yearToDate: yearToDateReport,
      paragraphs: periodReportParagraph(report, { yearToDate: yearToDateReport, issuedByAgency: byAgency }),
      issuedByAgency: byAgency,
    };
  }

  async function renderPeriodReport(period: Period, format: ReportFileFormat, overrides?: DocumentOverrides): Promise<ExportedFile> {
    const view = await periodReport(period);
    const { texts } = await ctx.read((repos) => readReportTexts(repos, period));
    const document = periodReportDocument(view.report, view.yearToDate, view.paragraphs, texts, view.issuedByAgency);
    const fileName = periodReportFileName(period, format);
    const missing = missingTextsNotice(document.body.missing);
    switch (format) {
      case 'md':
        return withNotice(file(fileName, MARKDOWN_MIME, renderPeriodReportMarkdown(document)), missing);
      case 'docx': {
        // The renderers are imported on first use: exceljs, docx and pdfmake take a second to load, and most calls export nothing.
        const { defaultReportIssuer, renderPeriodReportDocx } = await import('../export/periodReportDocx');
        const { issuer, particulars } = await ctx.read(async (repos) => {
          const agency = await refuseOtherWriter(repos);
          const particulars = await signedParticulars(repos, { agency: agency ?? 'Văn phòng Chính phủ', kind: 'period_report', number: '/BC-VPCP', date: localDate(ctx.now()) }, overrides);
          return { issuer: defaultReportIssuer(particulars), particulars };
        });
        const exported = withSignatureNotice(file(fileName, DOCX_MIME, await renderPeriodReportDocx(document, issuer)), particulars.signature?.name ?? '');
        return withNotice(exported, missing);
      }
      case 'xlsx': {
        const { renderPeriodReportXlsx } = await import('../export/periodReportXlsx');
        return file(fileName, XLSX_MIME, await renderPeriodReportXlsx(document));
      }
    }
  }

  return {
    periodReport: (period: ApiParsedInput<'periodReport'>): Promise<PeriodReportView> => periodReport(period),

    exportPeriodReport: ({ format, overrides, ...period }: ApiParsedInput<'exportPeriodReport'>): Promise<ExportedFile> => renderPeriodReport(period, format, overrides),

    periodReportTexts: (period: ApiParsedInput<'periodReportTexts'>): Promise<SavedReportTexts> => ctx.read((repos) => readReportTexts(repos, period)),

    savePeriodReportTexts: ({ texts, version, ...period }: ApiParsedInput<'savePeriodReportTexts'>): Promise<SavedReportTexts> =>
      ctx.tx(async (repos) => {
        await refuseOtherWriter(repos);
        const stored = await readReportTexts(repos, period);
        if (stored.version !== version) throw new ApiError('conflict', conflictMessage('Mục II–IV của báo cáo kỳ này', version, stored));
        const saved = { texts, version: version + 1, changedBy: await actingOfficer(repos), changedAt: ctx.now() };
        await repos.settings.set(textsKey(period), saved);
        return saved;
      }),

    latestActivity: async (): Promise<{ date: string | null }> => ({ date: await ctx.read((repos) => repos.reports.latestActivityDate(localDate(ctx.now()))) }),

    async dashboard({ from, to }: ApiParsedInput<'dashboard'>): Promise<Dashboard> {
      const range: Period = { from: monthPeriod(from).from, to: monthPeriod(to).to };
      const { facts, waiting } = await ctx.read(async (repos) => ({ facts: await repos.reports.periodFacts(range), waiting: await repos.reports.waitingDrafts() }));
      const outcomes = (stage: OpinionStage) => ({
        byDocType: outcomesByDocType(facts[stage]),
        byAgency: outcomesByAgency(facts[stage], DASHBOARD_AGENCIES),
      });
      const now = ctx.now();
      const { assessment, appraisal, review, issued, cost, processingTime, processingTimeByMethod, businessConditions, programs } = statisticsFromFacts(facts, range);
      const issuedOf = (kind: RegulationKind) => issued.byKind[kind].new + issued.byKind[kind].amended + issued.byKind[kind].abolished;
      return {
        range: { from, to },
        monthly: monthlyActivity(facts, monthsBetween(from, to)),
        kinds: { assessment: assessment.byKind, appraisal: appraisal.byKind, review: review.byKind, issued: { tthc: issuedOf('tthc'), qdkd: issuedOf('qdkd') } },
        issuedByAgency: issuedByAgency(facts.issued),
        outcomes: { appraisal: outcomes('appraisal'), review: outcomes('review') },
        cost,
        processingTime,
        processingTimeByMethod,
        businessConditions,
        programs,
        waiting: { asOf: now, ...waitingByStage(waiting, now, LONGEST_WAITING) },
      };
    },

    async exportTableXlsx({ fileName, tables }: ApiParsedInput<'exportTableXlsx'>): Promise<ExportedFile> {
      const { renderTablesXlsx } = await import('../export/tableXlsx');
      return file(safeFileName(fileName, 'xlsx'), XLSX_MIME, await renderTablesXlsx(tables));
    },
  };
}
