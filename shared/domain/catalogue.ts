// The `tthc-catalogue` file: published procedure records of the national TTHC database (CSDL quốc gia về TTHC), the
// baseline an amended, replaced or abolished regulation starts from. These schemas are the single source of the JSON
// Schema published at docs/tthc-catalogue.schema.json.
import { z } from 'zod';
import './zodVietnamese';
import { boundedNumber, MAXIMA, prose } from './bounds';
import type { Components, MethodTerms } from './dossier';
import { isoDate, isoDateTime } from './dossier';
import { feesDeclared } from './methodTerms';
import { unitOfText } from './timeLimits';
import { FILING_METHODS, LEVELS, type FilingMethod, type TimeLimitUnit } from './vocabulary';

export const CATALOGUE_FORMAT = 'tthc-catalogue';
export const CATALOGUE_VERSION = 1;

/** `1.001193`, `2.001263`, or a local variant `1.001612.000.00.00.H01` (the province's code at the end). */
export const CATALOGUE_CODE_PATTERN = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/;

const text = prose();
const required = prose().trim().min(1, { message: 'không được để trống' });
const count = z.number({ message: 'phải là một số' }).int({ message: 'phải là số nguyên' }).nonnegative({ message: 'không được âm' });
const amount = boundedNumber(MAXIMA.amount);

export const catalogueCodeSchema = z
  .string()
  .regex(CATALOGUE_CODE_PATTERN, { message: 'mã TTHC phải có dạng 1.001193 hoặc 1.001612.000.00.00.H01' });

export const catalogueFeeSchema = z.object({ name: required, amount, note: text.optional() });
export type CatalogueFee = z.infer<typeof catalogueFeeSchema>;

/** One way of filing (Cách thức thực hiện): each carries its own time limit and fees in the national database. */
export const catalogueMethodSchema = z.object({
  method: z.enum(FILING_METHODS),
  timeLimitDays: boundedNumber(MAXIMA.timeLimitDays).optional(),
  /** The time limit as published, when it is not a plain number of working days ("Ngay trong ngày làm việc"). */
  timeLimitText: text.optional(),
  fees: z.array(catalogueFeeSchema).default([]),
  description: text.optional(),
});

export const catalogueDossierItemSchema = z.object({
  item: required,
  originals: count,
  copies: count,
  /** The form (mẫu đơn, tờ khai) the item is filed on, when there is one. */
  form: text.optional(),
  /** Must be digitised (số hóa) when received. */
  digitise: z.boolean().default(false),
});

export const catalogueResultSchema = z.object({ name: required, digitise: z.boolean().default(false) });

export const catalogueLegalBasisSchema = z.object({
  /** Số, ký hiệu: `60/2014/QH13`. */
  number: required,
  title: required,
  issuedAt: isoDate.optional(),
  issuer: text.optional(),
});

export const catalogueProcedureSchema = z.object({
  code: catalogueCodeSchema,
  name: required,
  /** Quyết định công bố: `1872/QĐ-BTP`. */
  publicationDecision: required,
  publishedAt: isoDate.optional(),
  field: required,
  level: z.enum(LEVELS),
  /** Loại thủ tục as published (e.g. "TTHC được luân chuyển"). */
  type: text.optional(),
  steps: z.array(text).default([]),
  methods: z.array(catalogueMethodSchema).default([]),
  dossier: z.array(catalogueDossierItemSchema).default([]),
  subjects: z.array(text).default([]),
  agencies: z.object({
    deciding: text.optional(),
    implementing: required,
    coordinating: z.array(text).default([]),
  }),
  results: z.array(catalogueResultSchema).default([]),
  legalBasis: z.array(catalogueLegalBasisSchema).default([]),
  conditions: z.array(text).default([]),
  /** Who is exempt from fees or pays less (đối tượng miễn, giảm phí, lệ phí). */
  feeExemptions: z.array(text).default([]),
});
export type CatalogueProcedure = z.infer<typeof catalogueProcedureSchema>;

export const catalogueFileSchema = z
  .object({
    format: z.literal(CATALOGUE_FORMAT, { message: `phải là "${CATALOGUE_FORMAT}"` }),
    version: z.literal(CATALOGUE_VERSION, { message: `chỉ hỗ trợ phiên bản ${CATALOGUE_VERSION}` }),
    exportedAt: isoDateTime.optional(),
    source: text.optional(),
    procedures: z.array(catalogueProcedureSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.procedures.forEach((procedure, index) => {
      const first = seen.get(procedure.code);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['procedures', index, 'code'], message: `mã ${procedure.code} đã có ở procedures[${first}]` });
      } else seen.set(procedure.code, index);
    });
  });
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

const distinct = <T>(values: readonly T[], key: (value: T) => string): T[] => {
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = key(value);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

/**
 * The catalogue record as the components of Điều 8, so that it can seed a regulation and be compared with one.
 * The procedure's own time limit is the first method's that states one (the published methods nearly always agree)
 * and its fees are gathered across methods; each method keeps its own time limit and fee in `methodTerms`. A dossier
 * item counts its originals and copies together and says how many are originals.
 */
export function componentsFromCatalogue(procedure: CatalogueProcedure): Components {
  const timed = procedure.methods.find((method) => method.timeLimitDays !== undefined);
  const timeLimit = timed?.timeLimitDays;
  const timeLimitUnit = unitOfText(timed?.timeLimitText);
  const forms = distinct(
    procedure.dossier.flatMap((entry) => (entry.form?.trim() ? [entry.form.trim()] : [])),
    (form) => form,
  );
  const fees = distinct(
    procedure.methods.flatMap((method) => method.fees),
    (fee) => `${fee.name}|${fee.amount}`,
  );
  return {
    steps: [...procedure.steps],
    methods: distinct<FilingMethod>(procedure.methods.map((method) => method.method), (method) => method),
    dossier: procedure.dossier.map((entry) => ({ item: entry.item, copies: entry.originals + entry.copies, ...(entry.originals > 0 ? { originals: entry.originals } : {}) })),
    // Working days go without a unit, as every record before the unit meant them.
    ...(timeLimit === undefined ? {} : { timeLimitDays: timeLimit, ...(timeLimitUnit === 'calendar' ? { timeLimitUnit } : {}) }),
    subjects: [...procedure.subjects],
    agency: procedure.agencies.implementing,
    ...(procedure.results.length > 0 ? { result: procedure.results.map((result) => result.name).join('; ') } : {}),
    forms,
    conditions: [...procedure.conditions],
    fees: fees.map((fee) => ({ name: fee.name, amount: fee.amount })),
    methodTerms: procedure.methods.map((method) => termsOfCatalogueMethod(method, timeLimit, timeLimitUnit)),
  };
}

/**
 * A published method's own time limit (in the unit its text says) and what its fees add up to. A time limit the
 * same as the procedure's is not the method's own: the method follows the procedure's, so that an officer who
 * changes the procedure's time limit changes it for every method that had no other (typed once, counted everywhere).
 */
function termsOfCatalogueMethod(method: CatalogueProcedure['methods'][number], procedureLimit: number | undefined, procedureUnit: TimeLimitUnit): MethodTerms {
  const unit = unitOfText(method.timeLimitText);
  const ownLimit = method.timeLimitDays !== undefined && (method.timeLimitDays !== procedureLimit || unit !== procedureUnit);
  return {
    method: method.method,
    ...(ownLimit ? { timeLimitDays: method.timeLimitDays, ...(unit === 'calendar' ? { timeLimitUnit: unit } : {}) } : {}),
    ...(method.fees.length === 0 ? {} : { fee: feesDeclared(method) }),
  };
}

/** The fields of a new regulation started from a catalogue record: what the draft amends, replaces or abolishes. */
export function regulationFromCatalogue(procedure: CatalogueProcedure, change: 'amended' | 'replaced' | 'abolished' = 'amended') {
  const components = componentsFromCatalogue(procedure);
  return {
    kind: 'tthc' as const,
    change,
    nationalCode: procedure.code,
    name: procedure.name,
    field: procedure.field,
    level: procedure.level,
    components,
    // The published record is the procedure as it stands: its time limit is the one the draft's is measured from.
    ...(components.timeLimitDays === undefined ? {} : { baseline: { timeLimitDays: components.timeLimitDays, ...(components.timeLimitUnit ? { timeLimitUnit: components.timeLimitUnit } : {}) } }),
  };
}
