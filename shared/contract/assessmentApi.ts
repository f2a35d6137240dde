// Impact assessment, necessity score and compliance cost (issue 3): the questionnaire templates, one regulation's
// assessment, cost evaluation, the hourly income per year, and the roll-ups per draft and across drafts.
import { z } from 'zod';
import { assessmentTemplateSchema, RECOMMENDATIONS } from '../domain/assessmentTemplate';
import { WORKSHEET_STATES } from '../domain/assessmentStatus';
import { boundedNumber, MAXIMA } from '../domain/bounds';
import { COST_TIMING, costEvaluationOptionsSchema } from '../domain/cost';
import { assessmentSchema, costWorksheetSchema, draftSchema, isoDate, regulationSchema, uuid } from '../domain/dossier';
import { SCOPE_CLASSES } from '../domain/reformPrograms';
import { CHANGES } from '../domain/vocabulary';
import { recordVersion } from './recordsApi';

const count = z.number().int().nonnegative();
const costPairSchema = z.object({ baseline: z.number(), proposed: z.number() });
const costReductionSchema = z.object({ amount: z.number(), share: z.number().nullable() });
export const measureTargetSchema = z.object({ programId: z.string(), name: z.string(), scopeLabel: z.string(), target: z.number(), achieved: z.number().nullable(), met: z.boolean().nullable() });

export const costEvaluationSchema = z.object({
  perCase: costPairSchema,
  annual: costPairSchema,
  upfront: costPairSchema,
  reduction: costReductionSchema,
  horizon: z.object({ years: z.number(), discountRate: z.number(), growthRate: z.number() }).optional(),
  conventions: z
    .object({
      baseYear: z.number().int(),
      priceYear: z.number().int(),
      ongoing: z.literal(COST_TIMING.ongoing),
      upfront: z.literal(COST_TIMING.upfront),
      growth: z.literal(COST_TIMING.growth),
      frequencyAboveOne: z.literal(COST_TIMING.frequencyAboveOne),
      frequencyBelowOne: z.literal(COST_TIMING.frequencyBelowOne),
    })
    .optional(),
  presentValue: costPairSchema.optional(),
  annualisedValue: costPairSchema.optional(),
});
export type CostEvaluationView = z.infer<typeof costEvaluationSchema>;

const problemSchema = z.object({ path: z.string(), message: z.string() });

export const assessmentStatusSchema = z.object({
  progress: z.object({
    applicable: z.array(z.string()),
    answered: count,
    total: count,
    complete: z.boolean(),
    missing: z.array(z.string()),
    recommendation: z.enum(RECOMMENDATIONS),
    sections: z.array(z.object({ id: z.string(), asked: z.boolean(), answered: count, total: count })),
  }),
  score: z.object({
    score: z.number().nullable(),
    forcedToZero: z.boolean(),
    breakdown: z.array(z.object({ questionId: z.string(), weight: z.number(), supports: z.boolean().nullable(), contribution: z.number() })),
  }),
  worksheet: z.enum(WORKSHEET_STATES),
  complete: z.boolean(),
  problems: z.array(problemSchema),
});

/** The assessment as the drafter edits it: the completion date is the service's to set. */
export const assessmentInputSchema = assessmentSchema.omit({ completedAt: true });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const assessmentViewSchema = z.object({
  regulationId: uuid,
  /** The assessment's own version, what its next save sends back. */
  version: recordVersion,
  change: z.enum(CHANGES),
  /** Null until the first answer is saved. */
  assessment: assessmentSchema.nullable(),
  status: assessmentStatusSchema,
  /** Of the stored worksheet, one year; null without a worksheet. */
  cost: costEvaluationSchema.nullable(),
  /** What a new worksheet starts from: this year, its hourly income, and the fees the regulation's components declare. */
  /** What a new cost side starts from: fees per case from the fee component, other costs from the certified copies. */
  worksheetDefaults: z.object({ year: z.number().int(), hourlyIncome: z.number(), fees: z.number(), otherCosts: z.number(), certifiedCopies: z.number().int() }),
  /**
   * The templates this regulation may be assessed on: those for its kind in force on the draft's date (`date`), the
   * most recent first, plus the one its assessment already uses; `defaultTemplateId` is what a new assessment starts on.
   */
  templateChoice: z.object({ date: isoDate, defaultTemplateId: z.string(), offered: z.array(z.string()) }),
  /** How the worksheet's reduction is judged: the draft's date and the regulation's scope class (costFigures.ts). */
  costJudging: z.object({ date: isoDate, scopeClass: z.enum(SCOPE_CLASSES) }),
});
export type AssessmentView = z.infer<typeof assessmentViewSchema>;

const incomeYear = z.number({ message: 'phải là một số' }).int({ message: 'phải là số nguyên' }).min(2000, { message: 'từ năm 2000' }).max(2100, { message: 'đến năm 2100' });

export const hourlyIncomeSettingsSchema = z.object({
  /** Newest year first; hourly = monthly ÷ 22 days ÷ 8 hours. */
  byYear: z.array(z.object({ year: z.number().int(), monthlyIncome: z.number(), hourlyIncome: z.number() })),
  /** Used for every year without its own figure. */
  defaultMonthlyIncome: z.number(),
  defaultHourlyIncome: z.number(),
});
export type HourlyIncomeSettings = z.infer<typeof hourlyIncomeSettingsSchema>;

const incomeEntriesSchema = z
  .array(
    z.object({
      year: incomeYear,
      monthlyIncome: boundedNumber(MAXIMA.monthlyIncome, { positive: true }),
    }),
  )
  .superRefine((entries, ctx) => {
    entries.forEach((entry, index) => {
      if (entries.findIndex((other) => other.year === entry.year) < index) {
        ctx.addIssue({ code: 'custom', path: [index, 'year'], message: `năm ${entry.year} đã có ở dòng trên` });
      }
    });
  });

export const costRollupSchema = z.object({
  regulations: count,
  byChange: z.object(Object.fromEntries(CHANGES.map((change) => [change, count])) as Record<(typeof CHANGES)[number], typeof count>),
  assessed: count,
  costed: count,
  annual: costPairSchema,
  reduction: costReductionSchema,
  /** Per scope class: each program is judged on the classes it covers (issue 22, program scope by procedure). */
  byScope: z.object(Object.fromEntries(SCOPE_CLASSES.map((scopeClass) => [scopeClass, z.object({ regulations: count, annual: costPairSchema })])) as Record<(typeof SCOPE_CLASSES)[number], z.ZodObject<{ regulations: typeof count; annual: typeof costPairSchema }>>),
  judgedIn: z.object({ from: isoDate, to: isoDate }),
  targets: z.array(measureTargetSchema),
});
export type CostRollupView = z.infer<typeof costRollupSchema>;

export const checklistItemSchema = regulationSchema.pick({ id: true, kind: true, change: true, nationalCode: true, name: true }).extend({
  started: z.boolean(),
  complete: z.boolean(),
  completedAt: isoDate.nullable(),
  answered: count,
  total: count,
  worksheet: z.enum(WORKSHEET_STATES),
  score: z.number().nullable(),
  recommendation: z.enum(RECOMMENDATIONS),
  problems: count,
  annual: costPairSchema.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

const draftHeading = draftSchema.pick({ id: true, docType: true, title: true, draftingAgency: true, status: true });

export const assessmentApi = {
  listAssessmentTemplates: {
    input: z.object({}),
    output: z.object({ templates: z.array(assessmentTemplateSchema) }),
  },
  getAssessment: { input: z.object({ regulationId: uuid }), output: assessmentViewSchema },
  saveAssessment: { input: z.object({ regulationId: uuid, version: recordVersion, assessment: assessmentInputSchema }), output: assessmentViewSchema },
  evaluateCost: {
    input: z.object({ worksheet: costWorksheetSchema, options: costEvaluationOptionsSchema.default({}) }),
    output: costEvaluationSchema,
  },
  getHourlyIncomeSettings: { input: z.object({}), output: hourlyIncomeSettingsSchema },
  saveHourlyIncomeSettings: { input: z.object({ byYear: incomeEntriesSchema }), output: hourlyIncomeSettingsSchema },
  getDraftAssessmentOverview: {
    input: z.object({ draftId: uuid }),
    output: z.object({ draftId: uuid, checklist: z.array(checklistItemSchema), rollup: costRollupSchema }),
  },
  getCostRollup: {
    input: z.object({}),
    output: z.object({ overall: costRollupSchema, drafts: z.array(draftHeading.extend({ rollup: costRollupSchema })) }),
  },
} as const;
