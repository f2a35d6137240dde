// Calls whose answer is a file too large to travel whole as base64 in one message (every draft's dossier, a list of
// 100.000 regulations): transports stream these to disk or over HTTP instead. Each takes its API method's own input
// contract; what is streamed is the same content the method answers.
import type { ApiMethod } from './api';
import { exportedFileSchema } from './files';

export const DOWNLOAD_METHODS = ['exportDossier', 'exportRegulationList'] as const satisfies readonly ApiMethod[];
export type DownloadMethod = (typeof DOWNLOAD_METHODS)[number];

export function isDownloadMethod(name: string): name is DownloadMethod {
  return (DOWNLOAD_METHODS as readonly string[]).includes(name);
}

/** What a download says about itself before its first byte. */
export const downloadHeadSchema = exportedFileSchema.omit({ base64: true });
