// The `tthc-dossier` exchange format, version 1.2 (EXCHANGE.md). These schemas are the single source of
// the JSON Schema published at docs/tthc-dossier.schema.json and of the API's entity types; the earlier versions' are
// kept at docs/tthc-dossier-1.0.schema.json and docs/tthc-dossier-1.1.schema.json.
import { z } from 'zod';
import './zodVietnamese';
import { boundedArray, boundedNumber, jsonTreeIssue, label, MAXIMA, prose } from './bounds';
import { findingDecisionSchema } from './review/decisions';
import { cleanTextTree } from './storableText';
import {
  CHANGES,
  COMPONENT_KEYS,
  DOC_TYPES,
  DRAFT_STATUSES,
  FILING_METHODS,
  LEVELS,
  OPINION_STAGES,
  REGULATION_KINDS,
  RESPONSE_DECISIONS,
  ROLES,
  TIME_LIMIT_UNITS,
  VERDICTS,
  WORKFLOW_ACTIONS,
} from './vocabulary';

export const DOSSIER_FORMAT = 'tthc-dossier';
/**
 * What this app writes. 1.1 adds the document types of 2025 (`nghi_quyet_cp`, `nghi_quyet_hdnd_xa`, `quyet_dinh_ubnd_xa`);
 * 1.2 the provincial chairman's decision (`quyet_dinh_ct_ubnd`, Luật số 87/2025/QH15); 1.3 a time limit and fee per
 * filing method (`components.methodTerms`); 1.4 a time limit per method before the draft (`baseline.methodTerms`) —
 * docs/tthc-dossier-versions.md.
 */
export const DOSSIER_VERSION = 1.4;
/** What it reads: every version up to its own, since each one only adds (EXCHANGE.md, "Versions"). */
export const READABLE_DOSSIER_VERSIONS = [1, 1.1, 1.2, 1.3, 1.4] as const;

const isRealDate = (text: string): boolean => {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
};

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  .refine(isRealDate, { message: 'không phải là một ngày có thật' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'phải là thời điểm ISO 8601 có múi giờ' });

/**
 * Ids are read in their one canonical spelling, lower case as the app writes them: the same UUID written in capitals
 * (a file edited by hand, another tool) is the same record, not a new one beside it.
 */
export const uuid = z.uuid({ message: 'không đúng dạng mã do ứng dụng tạo ra (UUID); tệp có thể đã bị sửa tay' }).toLowerCase();
/** Money in đồng: a fee, other costs, an upfront cost. */
export const amount = boundedNumber(MAXIMA.amount);
export const hourlyIncome = boundedNumber(MAXIMA.hourlyIncome);
const componentList = <T extends z.ZodType>(item: T) => boundedArray(item, MAXIMA.listItems);

export const feeSchema = z.object({ name: label(), amount });
const copyCount = boundedNumber(MAXIMA.copies, { integer: true });
/**
 * A dossier item and how many documents of it are filed (`copies`, the one count of versions 1 and 1.1). Since 1.2
 * that count may say what it is made of, as the national database records it («01 bản chính và 01 bản sao»): how many
 * are originals and how many certified copies; the rest are plain copies. Without them the count is of unstated kind,
 * as every earlier record's is.
 */
export const dossierItemSchema = z.object({ item: label(), copies: copyCount, originals: copyCount.optional(), certifiedCopies: copyCount.optional() });

/**
 * Since 1.3: one filing method's own time limit and fee, as the national database records them per method (online is
 * often shorter and cheaper). `fee` is everything a case filed that way pays in fees and charges, in đồng. What a
 * method leaves out is the procedure's own (`timeLimitDays` and its unit, the sum of `fees`).
 */
export const methodTermsSchema = z.object({
  method: z.enum(FILING_METHODS),
  timeLimitDays: boundedNumber(MAXIMA.timeLimitDays).optional(),
  timeLimitUnit: z.enum(TIME_LIMIT_UNITS).optional(),
  fee: amount.optional(),
});
export type MethodTerms = z.infer<typeof methodTermsSchema>;

export const componentsSchema = z.object({
  steps: componentList(prose()).optional(),
  methods: componentList(z.enum(FILING_METHODS)).optional(),
  dossier: componentList(dossierItemSchema).optional(),
  timeLimitDays: boundedNumber(MAXIMA.timeLimitDays).optional(),
  /** Since 1.2: what `timeLimitDays` counts; absent, working days (as every earlier file meant). */
  timeLimitUnit: z.enum(TIME_LIMIT_UNITS).optional(),
  subjects: componentList(label()).optional(),
  agency: label().optional(),
  result: label().optional(),
  forms: componentList(label()).optional(),
  conditions: componentList(prose()).optional(),
  fees: componentList(feeSchema).optional(),
  /** Since 1.3: the time limit and fee of each filing method that has its own (methodTermsSchema). */
  methodTerms: boundedArray(methodTermsSchema, FILING_METHODS.length).optional(),
});
export type Components = z.infer<typeof componentsSchema>;

export const costActivitySchema = z.object({ name: label(), hours: boundedNumber(MAXIMA.hours) });
export const costSideSchema = z.object({
  activities: boundedArray(costActivitySchema, MAXIMA.listItems),
  fees: amount,
  otherCosts: amount,
  population: boundedNumber(MAXIMA.population),
  frequencyPerYear: boundedNumber(MAXIMA.frequencyPerYear, { positive: true }),
  /** One-off cost per subject (equipment, first certification), paid once on entering; kept apart from the recurring per-case cost. */
  upfrontCosts: amount.optional(),
});
export type CostSide = z.infer<typeof costSideSchema>;

export const costWorksheetSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  hourlyIncome,
  baseline: costSideSchema.optional(),
  proposed: costSideSchema.optional(),
});
export type CostWorksheet = z.infer<typeof costWorksheetSchema>;

const scalarAnswer = z.union([z.boolean(), boundedNumber(MAXIMA.amount, { min: -MAXIMA.amount }), prose(), z.null()]);
export const answerSchema = z.object({
  /** A repeated group's answer is one object per row (dossier item, business condition), keyed by the group's fields. */
  value: z.union([scalarAnswer, boundedArray(z.record(label(), scalarAnswer), MAXIMA.listItems)]),
  explanation: prose().optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** Which template and which questions exist is checked where a file comes in (dossierChecks.ts), against the registry. */
export const assessmentSchema = z.object({
  template: z.string().min(1, { message: 'không được để trống' }).max(100, { message: 'dài quá 100 ký tự' }),
  completedAt: isoDate.nullable().optional(),
  answers: z
    .record(z.string().max(200, { message: 'mã câu hỏi dài quá 200 ký tự' }), answerSchema)
    .refine((answers) => Object.keys(answers).length <= MAXIMA.answers, { message: `có quá ${MAXIMA.answers} câu trả lời` }),
  cost: costWorksheetSchema.optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The drafting agency's answer to one opinion (it owns it): accepted, or explained with its reasons. */
export const opinionResponseSchema = z.object({
  decision: z.enum(RESPONSE_DECISIONS),
  text: prose(),
  at: isoDateTime,
});
export type OpinionResponse = z.infer<typeof opinionResponseSchema>;

export const opinionSchema = z.object({
  id: uuid,
  stage: z.enum(OPINION_STAGES),
  verdict: z.enum(VERDICTS),
  issuedAt: isoDate,
  by: label(),
  components: boundedArray(z.enum(COMPONENT_KEYS), COMPONENT_KEYS.length).optional(),
  text: prose(),
  /** Slate JSON (richText.ts), kept as it came: a node of a newer version still shows through `text`. Bounded, not read. */
  body: boundedArray(z.unknown(), MAXIMA.richTextBlocks)
    .superRefine((body, ctx) => {
      const issue = jsonTreeIssue(body, { depth: MAXIMA.richTextDepth, nodes: MAXIMA.richTextNodes, stringLength: MAXIMA.textLength });
      if (issue) ctx.addIssue({ code: 'custom', ...issue });
    })
    .overwrite(cleanTextTree)
    .optional(),
  response: opinionResponseSchema.optional(),
});
export type Opinion = z.infer<typeof opinionSchema>;

/**
 * The regulation as it stands before the draft (an amended, replaced or abolished one; it may come from its record in
 * the national TTHC database): the quantities the draft's reductions are measured from, beside the cost worksheet.
 */
export const regulationBaselineSchema = z.object({
  /** Processing time limit today, in days of `timeLimitUnit`. */
  timeLimitDays: boundedNumber(MAXIMA.timeLimitDays).optional(),
  /** Since 1.2: working or calendar days; absent, working days. */
  timeLimitUnit: z.enum(TIME_LIMIT_UNITS).optional(),
  /**
   * Since 1.4: each filing method's own time limit today, where it differs from the procedure's (online is often
   * shorter), so that the draft's cut is compared method by method (measures.ts). What a method leaves out is
   * `timeLimitDays` above.
   */
  methodTerms: boundedArray(methodTermsSchema.omit({ fee: true }), FILING_METHODS.length).optional(),
  /** Number of business conditions (điều kiện kinh doanh) today. */
  businessConditions: boundedNumber(MAXIMA.listItems, { integer: true }).optional(),
});
export type RegulationBaseline = z.infer<typeof regulationBaselineSchema>;

export const regulationSchema = z.object({
  id: uuid,
  kind: z.enum(REGULATION_KINDS),
  change: z.enum(CHANGES),
  nationalCode: label().optional(),
  name: label().min(1, { message: 'không được để trống' }),
  article: label().optional(),
  field: label().optional(),
  level: z.enum(LEVELS).optional(),
  components: componentsSchema.default({}),
  baseline: regulationBaselineSchema.optional(),
  assessment: assessmentSchema.optional(),
  opinions: boundedArray(opinionSchema, MAXIMA.opinionsPerRegulation).default([]),
  /** Reviewers' decisions on the review findings (accepted into the opinion, or dismissed with a reason). */
  findingDecisions: boundedArray(findingDecisionSchema, MAXIMA.listItems).optional(),
});
export type Regulation = z.infer<typeof regulationSchema>;

export const eventSchema = z.object({
  at: isoDateTime,
  action: z.enum(WORKFLOW_ACTIONS),
  actor: label(),
  role: z.enum(ROLES),
  note: prose().default(''),
});
export type WorkflowEvent = z.infer<typeof eventSchema>;

export const draftSchema = z.object({
  id: uuid,
  docType: z.enum(DOC_TYPES),
  title: label().min(1, { message: 'không được để trống' }),
  /** Who drafts it decides who may write it and which body appraises it: a draft without one has no owner. */
  draftingAgency: label().refine((agency) => agency.trim().length > 0, { message: 'không được để trống' }),
  submittedToGovernment: z.boolean(),
  status: z.enum(DRAFT_STATUSES),
  issuedAt: isoDate.nullable().default(null),
  events: boundedArray(eventSchema, MAXIMA.eventsPerDraft)
    .default([])
    .superRefine((events, ctx) => {
      events.forEach((event, index) => {
        const previous = events[index - 1];
        if (previous && Date.parse(event.at) < Date.parse(previous.at)) {
          ctx.addIssue({ code: 'custom', path: [index, 'at'], message: 'sự kiện đi ngược thời gian so với sự kiện trước' });
        }
      });
    }),
  regulations: boundedArray(regulationSchema, MAXIMA.regulationsPerDraft).default([]),
});
export type Draft = z.infer<typeof draftSchema>;

export const dossierSchema = z.object({
  format: z.literal(DOSSIER_FORMAT, { message: `phải là "${DOSSIER_FORMAT}"` }),
  version: z.literal(READABLE_DOSSIER_VERSIONS, { message: `chỉ hỗ trợ phiên bản ${READABLE_DOSSIER_VERSIONS.join(', ')}` }),
  exportedAt: isoDateTime,
  exportedBy: z.object({ agency: label(), role: z.enum(ROLES) }),
  settings: z.object({ hourlyIncomeByYear: z.record(z.string().regex(/^\d{4}$/), hourlyIncome).optional() }).optional(),
  drafts: z.array(draftSchema),
});
export type Dossier = z.infer<typeof dossierSchema>;
