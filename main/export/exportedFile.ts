// Packs rendered bytes into the shape the API returns for every download, under a name the officer can keep.
import type { ExportedFile } from '../../shared/contract/files';

// Here, not beside the renderers: naming a file type must not load the export libraries (exceljs, docx).
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type FileFormat = 'docx' | 'pdf' | 'xlsx';

const MIME_TYPES: Record<FileFormat, string> = {
  docx: DOCX_MIME,
  pdf: 'application/pdf',
  xlsx: XLSX_MIME,
};

/** Keeps Vietnamese letters (every current system saves them) but drops what Windows forbids in a file name. */
export function exportFileName(title: string, format: FileFormat): string {
  const base = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/[\s.]+$/u, '');
  return `${base || 'tep'}.${format}`;
}

export function toExportedFile(title: string, format: FileFormat, bytes: Uint8Array): ExportedFile {
  return { fileName: exportFileName(title, format), mimeType: MIME_TYPES[format], base64: Buffer.from(bytes).toString('base64') };
}

/** Said beside a document that went out with nobody chosen to sign it. */
export const UNSIGNED_NOTICE = 'Văn bản chưa có người ký: chọn người ký (--signer, hoặc người ký mặc định của cơ quan) trước khi gửi.';

export function withSignatureNotice(file: ExportedFile, signer: string): ExportedFile {
  return signer.trim() ? file : { ...file, notices: [...(file.notices ?? []), UNSIGNED_NOTICE] };
}
