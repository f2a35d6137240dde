import { z } from 'zod';
import { label } from '../domain/bounds';

/** A generated file travels as base64 so that IPC and HTTP carry it alike; the UI turns it into a download. */
export const exportedFileSchema = z.object({
  fileName: z.string().min(1),
  mimeType: z.string().min(1),
  base64: z.string(),
  /** What the officer should know about the file before sending it ("chưa có người ký"), in Vietnamese. */
  notices: z.array(z.string()).optional(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/**
 * What a command line or a button can set for one export of a signed document, leaving its saved particulars as
 * they are: the signer (one of the agency's signers, by id or name), the number and the date (YYYY-MM-DD).
 */
export const documentOverridesSchema = z
  .object({ signer: label().optional(), number: label().optional(), date: z.string().max(10).optional() })
  .optional();
export type DocumentOverrides = NonNullable<z.infer<typeof documentOverridesSchema>>;
