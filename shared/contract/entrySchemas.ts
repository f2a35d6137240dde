// What an officer may type for a draft or a regulation: the exchange format's shapes (shared/domain/dossier.ts) with
// limits that fit the domain, so a wrong value is refused with a message instead of being coerced or stored. A
// dossier from another agency is kept as its sender wrote it; these limits apply to what is entered here.
import { z } from 'zod';
import { boundedString } from '../domain/bounds';
import { catalogueCodeSchema } from '../domain/catalogue';
import { componentsSchema, dossierItemSchema, draftSchema, feeSchema, methodTermsSchema, regulationBaselineSchema, regulationSchema } from '../domain/dossier';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import type { FilingMethod } from '../domain/vocabulary';

export const draftFieldsSchema = draftSchema.pick({
  docType: true,
  title: true,
  draftingAgency: true,
  submittedToGovernment: true,
});
export type DraftFields = z.infer<typeof draftFieldsSchema>;

export const regulationFieldsSchema = regulationSchema
  .pick({ kind: true, change: true, nationalCode: true, name: true, article: true, field: true, level: true, baseline: true })
  .extend({ components: componentsSchema });
export type RegulationFields = z.infer<typeof regulationFieldsSchema>;


export const ENTRY_LIMITS = {
  /** Long amending titles run to a few hundred characters; a thousand leaves room and keeps lists readable. */
  titleChars: 1000,
  nameChars: 500,
  shortTextChars: 300,
  itemChars: 2000,
  /** Copies of one dossier item: at least one, and never dozens. */
  copies: { min: 1, max: 50 },
  /** Working days: statutory limits run to weeks or a few months, never years. */
  timeLimitDays: { max: 365 },
  /** Đồng: the largest fees are in the billions. */
  feeAmount: { max: 1_000_000_000_000 },
} as const;

const limited = boundedString;
const required = (max: number) => limited(max).refine((value) => value.trim().length > 0, { message: 'không được để trống' });
const number = z.number({ message: 'phải là một số' }).refine(Number.isFinite, { message: 'phải là một số' });

export const draftEntrySchema = draftFieldsSchema.extend({
  title: required(ENTRY_LIMITS.titleChars),
  draftingAgency: required(ENTRY_LIMITS.shortTextChars),
});

/** How many of a dossier item's documents are originals, or certified copies. */
const copyCount = number
  .int({ message: 'phải là số nguyên' })
  .nonnegative({ message: 'không được âm' })
  .max(ENTRY_LIMITS.copies.max, { message: `không quá ${ENTRY_LIMITS.copies.max} bản` });

/** A time limit in days (the procedure's, a method's, or the one before the draft), where the field is given. */
const timeLimitDaysEntry = number
  .nonnegative({ message: 'không được âm' })
  .max(ENTRY_LIMITS.timeLimitDays.max, { message: `không quá ${ENTRY_LIMITS.timeLimitDays.max} ngày` })
  .optional();

/** Business conditions of one regulation: a handful, never hundreds. */
const BUSINESS_CONDITIONS_MAX = 200;

/** A filing method's own time limit and fee (the procedure's where it leaves one out). */
const methodTermEntrySchema = methodTermsSchema.extend({
  timeLimitDays: timeLimitDaysEntry,
  fee: number
    .nonnegative({ message: 'không được âm' })
    .max(ENTRY_LIMITS.feeAmount.max, { message: 'lớn quá mức hợp lý' })
    .optional(),
});

/** Terms per method, each method at most once. */
function onePerMethod<T extends z.ZodType<{ method: FilingMethod }>>(terms: T) {
  return z.array(terms).superRefine((list, ctx) => {
    list.forEach(({ method }, index) => {
      if (list.findIndex((other) => other.method === method) !== index) {
        ctx.addIssue({ code: 'custom', path: [index, 'method'], message: `cách thức “${vocabularyMessages.vi.method[method]}” đã có thời hạn, phí riêng ở dòng trên` });
      }
    });
  });
}

const baselineEntrySchema = regulationBaselineSchema.extend({
  timeLimitDays: timeLimitDaysEntry,
  businessConditions: number
    .int({ message: 'phải là số nguyên' })
    .nonnegative({ message: 'không được âm' })
    .max(BUSINESS_CONDITIONS_MAX, { message: `không quá ${BUSINESS_CONDITIONS_MAX} điều kiện` })
    .optional(),
  methodTerms: onePerMethod(methodTermEntrySchema.omit({ fee: true })).optional(),
});

export const regulationEntrySchema = regulationFieldsSchema
  .extend({
  baseline: baselineEntrySchema.optional(),
  nationalCode: catalogueCodeSchema.optional(),
  name: required(ENTRY_LIMITS.nameChars),
  article: limited(ENTRY_LIMITS.shortTextChars).optional(),
  field: limited(ENTRY_LIMITS.shortTextChars).optional(),
  components: componentsSchema.extend({
    steps: z.array(limited(ENTRY_LIMITS.itemChars)).optional(),
    dossier: z
      .array(
        dossierItemSchema
          .extend({
            item: limited(ENTRY_LIMITS.itemChars),
            copies: number
              .int({ message: 'phải là số nguyên' })
              .min(ENTRY_LIMITS.copies.min, { message: `ít nhất ${ENTRY_LIMITS.copies.min} bản` })
              .max(ENTRY_LIMITS.copies.max, { message: `không quá ${ENTRY_LIMITS.copies.max} bản` }),
            originals: copyCount.optional(),
            certifiedCopies: copyCount.optional(),
          })
          // Only when the item says what its count is made of: an item without them has its own count's rules alone.
          .refine((entry) => (entry.originals === undefined && entry.certifiedCopies === undefined) || (entry.originals ?? 0) + (entry.certifiedCopies ?? 0) <= entry.copies, {
            path: ['copies'],
            message: 'ít hơn số bản chính và bản sao chứng thực cộng lại',
          }),
      )
      .optional(),
    timeLimitDays: timeLimitDaysEntry,
    agency: limited(ENTRY_LIMITS.shortTextChars).optional(),
    result: limited(ENTRY_LIMITS.itemChars).optional(),
    forms: z.array(limited(ENTRY_LIMITS.itemChars)).optional(),
    conditions: z.array(limited(ENTRY_LIMITS.itemChars)).optional(),
    fees: z
      .array(
        feeSchema.extend({
          name: limited(ENTRY_LIMITS.itemChars),
          amount: number
            .nonnegative({ message: 'không được âm' })
            .max(ENTRY_LIMITS.feeAmount.max, { message: 'lớn quá mức hợp lý' }),
        }),
      )
      .optional(),
    methodTerms: onePerMethod(methodTermEntrySchema).optional(),
  }),
  })
  // The figures before the draft describe a regulation that exists today: a new one has none to give.
  .refine((fields) => fields.change !== 'new' || fields.baseline === undefined || Object.values(fields.baseline).every((value) => value === undefined), {
    path: ['baseline'],
    message: 'thủ tục/quy định mới chưa có số liệu trước khi ban hành: chỉ nêu cho quy định được sửa đổi, thay thế hoặc bãi bỏ',
  });
