// The national TTHC database as the baseline: import published records into the local catalogue, find one by code or
// folded text, compare a regulation with the record it amends, and export an issued draft's publication list.
import { z } from 'zod';
import { label } from '../domain/bounds';
import { catalogueProcedureSchema } from '../domain/catalogue';
import { isoDate, uuid } from '../domain/dossier';
import { DIFF_STATUSES } from '../domain/roundDiff';
import { COMPONENT_KEYS } from '../domain/vocabulary';
import { documentOverridesSchema, exportedFileSchema } from './files';
import { page } from './recordsApi';

export const catalogueImportReportSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type CatalogueImportReport = z.infer<typeof catalogueImportReportSchema>;

export const componentDiffSchema = z.object({
  key: z.enum(COMPONENT_KEYS),
  status: z.enum(DIFF_STATUSES),
  before: z.array(z.string()),
  after: z.array(z.string()),
});

export const catalogueComparisonSchema = z.object({
  /** Null when the regulation names no code, or the catalogue does not hold it. */
  procedure: catalogueProcedureSchema.nullable(),
  /** Per component of Điều 8: the catalogue record (before) against the draft (after). Empty without a record. */
  components: z.array(componentDiffSchema),
});
export type CatalogueComparison = z.infer<typeof catalogueComparisonSchema>;

export const PUBLICATION_FORMATS = ['docx', 'xlsx'] as const;

export const catalogueApi = {
  importCatalogue: { input: z.object({ catalogue: z.unknown() }), output: catalogueImportReportSchema },
  /** The same import from an XLSX laid out as docs/tthc-catalogue.md says: every row read first, all or nothing. */
  importCatalogueWorkbook: {
    input: z.object({ fileBase64: z.string().min(1, { message: 'chưa chọn tệp' }).max(60_000_000, { message: 'tệp quá lớn' }) }),
    output: catalogueImportReportSchema,
  },
  searchCatalogue: {
    input: z.object({ text: z.string().max(500), ...page }),
    output: z.object({ total: z.number().int(), items: z.array(catalogueProcedureSchema) }),
  },
  getCatalogueProcedure: { input: z.object({ code: z.string().max(60) }), output: catalogueProcedureSchema },
  compareWithCatalogue: { input: z.object({ regulationId: uuid }), output: catalogueComparisonSchema },
  /**
   * DOCX: the Quyết định công bố with its annex (Phần I the list, Phần II each procedure's content); XLSX: the list.
   * `issuedNumber` is the issued document's own number ("17/2024/NĐ-CP"), which the decision cites.
   */
  exportPublicationList: {
    input: z.object({
      draftId: uuid,
      format: z.enum(PUBLICATION_FORMATS),
      overrides: documentOverridesSchema,
      issuedNumber: label().optional(),
      /** The day the issued document takes effect, which the decision's Điều 2 gives (`tthc publication --effective-date`). */
      effectiveDate: isoDate.optional(),
    }),
    output: exportedFileSchema,
  },
} as const;
