// Saves bytes as a file the officer downloads: a Blob URL on an invisible link, which works under the strict
// Content-Security-Policy in the browser and in the desktop window alike.
import type { ExportedFile } from '../../../shared/contract/api';
import { i18next } from '../i18n';
import { showNotice } from './notices';

/** A file the desktop app's main process already wrote where the officer chose (`savedTo: null`: they cancelled). */
export type SavedFile = { fileName: string; savedTo: string | null };

/** A file the API returned (base64 bytes, its name and its type), one the browser already holds as a Blob, or one saved. */
export type DownloadableFile = ExportedFile | { fileName: string; blob: Blob } | SavedFile;

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the URL by now; revoking later rather than at once keeps slow downloads safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  // The page cannot learn the folder; it can say which file to look for and where browsers put it.
  showNotice('success', { title: i18next.t('saved.title'), message: i18next.t('saved.where', { name: fileName }), autoClose: 8000 });
}

export function fileBlob(file: ExportedFile): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: file.mimeType });
}

export function downloadFile(file: DownloadableFile): void {
  if ('savedTo' in file) {
    if (file.savedTo !== null) showNotice('success', { title: i18next.t('saved.title'), message: i18next.t('saved.at', { path: file.savedTo }), autoClose: 8000 });
    return;
  }
  saveBlob('blob' in file ? file.blob : fileBlob(file), file.fileName);
}
