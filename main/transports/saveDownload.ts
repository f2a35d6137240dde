// The desktop window's way to a large file: the main process asks where to save it, then streams the download there
// (written beside the target and renamed once whole), so the bytes never cross IPC as base64. Free of Electron so it
// is tested here; main/electron/main.ts supplies the save dialog.
import type { Backend } from '../app';
import type { ApiResponse } from '../../shared/contract/client';
import { streamFileAtomically } from './cliSupport';

/** Asks the officer where to save `fileName`; undefined when they cancel. */
export type ChooseSavePath = (fileName: string) => Promise<string | undefined>;

/** The answer the window gets: where the file went, or `savedTo: null` when the officer cancelled the dialog. */
export type SavedDownload = { fileName: string; savedTo: string | null };

export async function saveDownload(backend: Pick<Backend, 'download'>, method: string, input: unknown, choose: ChooseSavePath): Promise<ApiResponse> {
  const opened = await backend.download(method, input);
  if (!opened.ok) return opened;
  const { fileName, writeTo } = opened.value;
  const path = await choose(fileName);
  if (path === undefined) return { ok: true, value: { fileName, savedTo: null } satisfies SavedDownload };
  try {
    await streamFileAtomically(path, writeTo);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    return { ok: false, error: { code: 'internal', message: `Không ghi được tệp vào ${path}${reason}; không có tệp dở dang nào được để lại.` } };
  }
  return { ok: true, value: { fileName, savedTo: path } satisfies SavedDownload };
}
