// The `tthc-dossier` exchange format, version 1.1 (EXCHANGE.md). These schemas are the single source of
// the JSON Schema published at docs/tthc-dossier.schema.json and of the API's entity types; version 1's is kept
// at docs/tthc-dossier-1.0.schema.json.
import { z } from 'zod';
import './zodVietnamese';
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
  VERDICTS,
  WORKFLOW_ACTIONS,
} from './vocabulary';

export const DOSSIER_FORMAT = 'tthc-dossier';
/** What this app writes. 1.1 adds the document types of 2025 (`nghi_quyet_cp`, `nghi_quyet_hdnd_xa`, `quyet_dinh_ubnd_xa`). */
export const DOSSIER_VERSION = 1.1;
/** What it reads: every version up to its own, since each one only adds (EXCHANGE.md, "Versions"). */
export const READABLE_DOSSIER_VERSIONS = [1, 1.1] as const;

const isRealDate = (text: string): boolean => {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
};

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  .refine(isRealDate, { message: 'không phải là một ngày có thật' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'phải là thời điểm ISO 8601 có múi giờ' });

export const uuid = z.uuid({ message: 'phải là UUID' });
export const nonNegative = z.number({ message: 'phải là một số' }).nonnegative({ message: 'không được âm' });
const text = z.string();

export const feeSchema = z.object({ name: text, amount: nonNegative });
export const dossierItemSchema = z.object({
  item: text,
  copies: z.number().int({ message: 'phải là số nguyên' }).nonnegative({ message: 'không được âm' }),
});

export const componentsSchema = z.object({
  steps: z.array(text).optional(),
  methods: z.array(z.enum(FILING_METHODS)).optional(),
  dossier: z.array(dossierItemSchema).optional(),
  timeLimitDays: nonNegative.optional(),
  subjects: z.array(text).optional(),
  agency: text.optional(),
  result: text.optional(),
  forms: z.array(text).optional(),
  conditions: z.array(text).optional(),
  fees: z.array(feeSchema).optional(),
});
export type Components = z.infer<typeof componentsSchema>;

export const costActivitySchema = z.object({ name: text, hours: nonNegative });
export const costSideSchema = z.object({
  activities: z.array(costActivitySchema),
  fees: nonNegative,
  otherCosts: nonNegative,
  population: nonNegative,
  frequencyPerYear: z.number({ message: 'phải là một số' }).positive({ message: 'phải lớn hơn 0' }),
  /** One-off cost per subject (equipment, first certification), paid once on entering; kept apart from the recurring per-case cost. */
  upfrontCosts: nonNegative.optional(),
});
export type CostSide = z.infer<typeof costSideSchema>;

export const costWorksheetSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  hourlyIncome: nonNegative,
  baseline: costSideSchema.optional(),
  proposed: costSideSchema.optional(),
});
export type CostWorksheet = z.infer<typeof costWorksheetSchema>;

const scalarAnswer = z.union([z.boolean(), z.number(), z.string(), z.null()]);
export const answerSchema = z.object({
  /** A repeated group's answer is one object per row (dossier item, business condition), keyed by the group's fields. */
  value: z.union([scalarAnswer, z.array(z.record(text, scalarAnswer))]),
  explanation: text.optional(),
});
export type Answer = z.infer<typeof answerSchema>;

export const assessmentSchema = z.object({
  template: text.min(1),
  completedAt: isoDate.nullable().optional(),
  answers: z.record(text, answerSchema),
  cost: costWorksheetSchema.optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The drafting agency's answer to one opinion (it owns it): accepted, or explained with its reasons. */
export const opinionResponseSchema = z.object({
  decision: z.enum(RESPONSE_DECISIONS),
  text,
  at: isoDateTime,
});
export type OpinionResponse = z.infer<typeof opinionResponseSchema>;

export const opinionSchema = z.object({
  id: uuid,
  stage: z.enum(OPINION_STAGES),
  verdict: z.enum(VERDICTS),
  issuedAt: isoDate,
  by: text,
  components: z.array(z.enum(COMPONENT_KEYS)).optional(),
  text,
  body: z.array(z.unknown()).optional(),
  response: opinionResponseSchema.optional(),
});
export type Opinion = z.infer<typeof opinionSchema>;

/**
 * The regulation as it stands before the draft (an amended, replaced or abolished one; it may come from its record in
 * the national TTHC database): the quantities the draft's reductions are measured from, beside the cost worksheet.
 */
export const regulationBaselineSchema = z.object({
  /** Processing time limit today, in (working) days. */
  timeLimitDays: nonNegative.optional(),
  /** Number of business conditions (điều kiện kinh doanh) today. */
  businessConditions: z.number().int({ message: 'phải là số nguyên' }).nonnegative({ message: 'không được âm' }).optional(),
});
export type RegulationBaseline = z.infer<typeof regulationBaselineSchema>;

export const regulationSchema = z.object({
  id: uuid,
  kind: z.enum(REGULATION_KINDS),
  change: z.enum(CHANGES),
  nationalCode: text.optional(),
  name: text.min(1, { message: 'không được để trống' }),
  article: text.optional(),
  field: text.optional(),
  level: z.enum(LEVELS).optional(),
  components: componentsSchema.default({}),
  baseline: regulationBaselineSchema.optional(),
  assessment: assessmentSchema.optional(),
  opinions: z.array(opinionSchema).default([]),
});
export type Regulation = z.infer<typeof regulationSchema>;

export const eventSchema = z.object({
  at: isoDateTime,
  action: z.enum(WORKFLOW_ACTIONS),
  actor: text,
  role: z.enum(ROLES),
  note: text.default(''),
});
export type WorkflowEvent = z.infer<typeof eventSchema>;

export const draftSchema = z.object({
  id: uuid,
  docType: z.enum(DOC_TYPES),
  title: text.min(1, { message: 'không được để trống' }),
  draftingAgency: text,
  submittedToGovernment: z.boolean(),
  status: z.enum(DRAFT_STATUSES),
  issuedAt: isoDate.nullable().default(null),
  events: z
    .array(eventSchema)
    .default([])
    .superRefine((events, ctx) => {
      events.forEach((event, index) => {
        const previous = events[index - 1];
        if (previous && Date.parse(event.at) < Date.parse(previous.at)) {
          ctx.addIssue({ code: 'custom', path: [index, 'at'], message: 'sự kiện đi ngược thời gian so với sự kiện trước' });
        }
      });
    }),
  regulations: z.array(regulationSchema).default([]),
});
export type Draft = z.infer<typeof draftSchema>;

export const dossierSchema = z.object({
  format: z.literal(DOSSIER_FORMAT, { message: `phải là "${DOSSIER_FORMAT}"` }),
  version: z.literal(READABLE_DOSSIER_VERSIONS, { message: `chỉ hỗ trợ phiên bản ${READABLE_DOSSIER_VERSIONS.join(', ')}` }),
  exportedAt: isoDateTime,
  exportedBy: z.object({ agency: text, role: z.enum(ROLES) }),
  settings: z.object({ hourlyIncomeByYear: z.record(z.string().regex(/^\d{4}$/), nonNegative).optional() }).optional(),
  drafts: z.array(draftSchema),
});
export type Dossier = z.infer<typeof dossierSchema>;
