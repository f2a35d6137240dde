// Regulation lists as XLSX: export a draft's regulations or search results; import regulations into a draft from a
// workbook in two calls, a preview (columns, guessed mapping, every row with its problems) and an all-or-nothing commit.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { IMPORT_FIELDS, importMappingSchema } from '../domain/regulationImport';
import { CHANGES, LEVELS, REGULATION_KINDS } from '../domain/vocabulary';
import { exportedFileSchema } from './files';
import { regulationFiltersSchema } from './regulationFilters';

/** Base64 of the workbook; 60 MB of text is about 45 MB of file, far beyond any list of procedures. */
const workbookBase64 = z.string().min(1, { message: 'chưa chọn tệp' }).max(60_000_000, { message: 'tệp quá lớn' });

export const importPreviewRowSchema = z.object({
  rowNumber: z.number().int(),
  name: z.string(),
  kind: z.enum(REGULATION_KINDS),
  change: z.enum(CHANGES),
  level: z.enum(LEVELS).optional(),
  article: z.string().optional(),
  problems: z.array(z.object({ column: z.string(), field: z.enum(IMPORT_FIELDS), message: z.string() })),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importPreviewSchema = z.object({
  sheetName: z.string(),
  headers: z.array(z.object({ column: z.number().int(), letter: z.string(), text: z.string() })),
  /** What the header titles suggest. */
  suggested: importMappingSchema,
  /** The mapping the rows below were read with: the one given, else the suggestion. */
  mapping: importMappingSchema,
  mappingProblems: z.array(z.string()),
  rows: z.array(importPreviewRowSchema),
  /** Rows without any problem; the commit needs every row valid and no mapping problem. */
  validRows: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const spreadsheetsApi = {
  exportRegulationList: {
    input: z.union([z.strictObject({ draftId: uuid }), z.strictObject({ search: z.string().max(500), filters: regulationFiltersSchema.prefault({}) })]),
    output: exportedFileSchema,
  },
  previewRegulationImport: {
    input: z.object({ draftId: uuid, fileBase64: workbookBase64, mapping: importMappingSchema.optional() }),
    output: importPreviewSchema,
  },
  /** Reads the file again with the mapping and writes every row, or none when any row or the mapping has a problem. */
  commitRegulationImport: {
    input: z.object({ draftId: uuid, fileBase64: workbookBase64, mapping: importMappingSchema }),
    output: z.object({ added: z.number().int(), regulationIds: z.array(uuid) }),
  },
} as const;
