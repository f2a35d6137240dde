import { z } from 'zod';

/** A generated file travels as base64 so that IPC and HTTP carry it alike; the UI turns it into a download. */
export const exportedFileSchema = z.object({ fileName: z.string().min(1), mimeType: z.string().min(1), base64: z.string() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;
