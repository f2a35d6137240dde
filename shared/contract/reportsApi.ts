// The period report (EXCHANGE.md `tthc report`), the overview dashboard, and the files they export.
import { z } from 'zod';
import { MAX_DASHBOARD_MONTHS, monthsBetween, monthSchema } from '../domain/dashboard';
import { isoDateTime, uuid } from '../domain/dossier';
import { issuedByAgencySchema } from '../domain/issuedByAgency';
import { periodReportTextsSchema } from '../domain/periodReportSections';
import { computedReportSchema, kindCountsSchema, periodReportSchema, periodSchema } from '../domain/statistics';
import { DOC_TYPES, DRAFT_STATUSES } from '../domain/vocabulary';
import { documentOverridesSchema, exportedFileSchema } from './files';


export const REPORT_FILE_FORMATS = ['md', 'docx', 'xlsx'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

export const periodReportViewSchema = z.object({
  report: computedReportSchema,
  /** From 1 January of the year of `to`, to `to`. */
  yearToDate: computedReportSchema,
  /** VPCP's wording, one paragraph per stage (assessment and appraisal, review, issued, cost). */
  paragraphs: z.array(z.string()),
  /** Section I.2's table: the period's issued TTHC and QĐKD by ministry and by province (the dashboard's for the same span). */
  issuedByAgency: issuedByAgencySchema,
});
export type PeriodReportView = z.infer<typeof periodReportViewSchema>;

const count = z.number().int().nonnegative();

/**
 * The parts of a period's report that people write (sections II–IV), and the version an edit starts from (0: never
 * saved); who saved it last and when (ISO instant), as a conflict names them (empty before anyone did, or for texts
 * saved before they were recorded).
 */
export const savedReportTextsSchema = z.object({ texts: periodReportTextsSchema, version: count, changedBy: z.string().default(''), changedAt: z.string().default('') });
export type SavedReportTexts = z.infer<typeof savedReportTextsSchema>;

const verdictCounts = { agree: count, amend: count, remove: count };
const outcomesSchema = z.object({
  byDocType: z.array(z.object({ key: z.enum(DOC_TYPES), ...verdictCounts })),
  /** Most opinions first; null gathers the agencies beyond the largest ones. */
  byAgency: z.array(z.object({ key: z.string().nullable(), ...verdictCounts })),
});

export const monthRangeSchema = z
  .object({ from: monthSchema, to: monthSchema })
  .refine((range) => range.from <= range.to, { message: 'tháng bắt đầu phải không sau tháng kết thúc', path: ['to'] })
  .refine((range) => monthsBetween(range.from, range.to).length <= MAX_DASHBOARD_MONTHS, {
    message: `khoảng thời gian không quá ${MAX_DASHBOARD_MONTHS} tháng`,
    path: ['to'],
  });

const waitingDraftSchema = z.object({
  id: uuid,
  title: z.string(),
  docType: z.enum(DOC_TYPES),
  draftingAgency: z.string(),
  status: z.enum(DRAFT_STATUSES),
  since: isoDateTime,
  days: count,
});

export const dashboardSchema = z.object({
  range: z.object({ from: monthSchema, to: monthSchema }),
  /** TTHC and QĐKD together per month, as the bars draw them. */
  monthly: z.array(z.object({ month: monthSchema, assessed: count, appraised: count, reviewed: count })),
  /** The range's regulations at each stage, each kind apart: the period report's counts for the same span (issue 22). */
  kinds: z.object({ assessment: kindCountsSchema, appraisal: kindCountsSchema, review: kindCountsSchema, issued: kindCountsSchema }),
  /** The range's issued TTHC and QĐKD by ministry and by province: the period report's table for the same span. */
  issuedByAgency: issuedByAgencySchema,
  outcomes: z.object({ appraisal: outcomesSchema, review: outcomesSchema }),
  cost: periodReportSchema.shape.cost,
  processingTime: computedReportSchema.shape.processingTime,
  processingTimeByMethod: computedReportSchema.shape.processingTimeByMethod,
  businessConditions: computedReportSchema.shape.businessConditions,
  programs: computedReportSchema.shape.programs,
  waiting: z.object({
    /** Now, when the days were counted. */
    asOf: z.string(),
    stages: z.array(
      z.object({
        status: z.enum(DRAFT_STATUSES),
        drafts: count,
        withoutHistory: count,
        averageDays: z.number().nonnegative().nullable(),
        longestDays: count.nullable(),
      }),
    ),
    longest: z.array(waitingDraftSchema),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** How a spreadsheet column shows its numbers; text is written as text. */
export const CELL_FORMATS = ['text', 'integer', 'decimal', 'percent', 'money'] as const;
export type CellFormat = (typeof CELL_FORMATS)[number];
const cellFormat = { format: z.enum(CELL_FORMATS), digits: z.number().int().min(0).max(4).optional() };
/** A number whose format differs from its column's (a table that mixes counts, shares and money per row). */
const formattedNumberSchema = z.object({ value: z.number(), ...cellFormat });
export const tableCellSchema = z.union([z.string(), z.number(), z.null(), formattedNumberSchema]);
export type TableCell = z.infer<typeof tableCellSchema>;

export const dataTableSchema = z.object({
  /** Excel allows 31 characters and none of : \ / ? * [ ]. */
  sheetName: z
    .string()
    .min(1)
    .max(31)
    .regex(/^[^:\\/?*[\]]+$/, { message: 'tên trang tính không được chứa : \\ / ? * [ ]' }),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  columns: z.array(z.object({ header: z.string().min(1), ...cellFormat, width: z.number().min(4).max(120).optional() })).min(1).max(50),
  rows: z.array(z.array(tableCellSchema)).max(100_000),
  /** Text printed under the table (sources, notes). */
  notes: z.array(z.string()).optional(),
});
export type DataTable = z.infer<typeof dataTableSchema>;

export const reportsApi = {
  /** The figures of any period exactly as `tthc report --format json` prints them, the year to date and the paragraphs. */
  periodReport: { input: periodSchema, output: periodReportViewSchema },
  exportPeriodReport: { input: periodSchema.safeExtend({ format: z.enum(REPORT_FILE_FORMATS), overrides: documentOverridesSchema }), output: exportedFileSchema },
  /** Sections II–IV of a period's report as saved for that period (from, to), empty before anyone writes them. */
  periodReportTexts: { input: periodSchema, output: savedReportTextsSchema },
  /** Saves them for the period; an edit that started from an older version is refused as `conflict`. */
  savePeriodReportTexts: { input: periodSchema.safeExtend(savedReportTextsSchema.pick({ texts: true, version: true }).shape), output: savedReportTextsSchema },
  dashboard: { input: monthRangeSchema, output: dashboardSchema },
  /** Where the report and dashboard open: the latest day with figures (not an empty current month); null when none. */
  latestActivity: { input: z.object({}), output: z.object({ date: z.string().nullable() }) },
  /** Any table the UI shows (a chart's data, a list) as an XLSX workbook, one sheet per table. */
  exportTableXlsx: {
    input: z.object({
      fileName: z.string().min(1).max(200),
      tables: z
        .array(dataTableSchema)
        .min(1)
        .max(20)
        .refine((tables) => new Set(tables.map((table) => table.sheetName.toLowerCase())).size === tables.length, {
          message: 'hai bảng không được trùng tên trang tính',
        }),
    }),
    output: exportedFileSchema,
  },
} as const;
