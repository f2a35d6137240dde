// Runs sandboxed in the window: exposes three functions, which forward only contract method names (for saving, only
// the streamed downloads' names; for the unit server, only its connection's own calls).
import { contextBridge, ipcRenderer } from 'electron';
import { isApiMethod } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { isDownloadMethod } from '../../shared/contract/downloads';
import { isUnitServerMethod } from '../../shared/contract/unitServerApi';
import { IPC_CHANNEL, SAVE_CHANNEL, UNIT_SERVER_CHANNEL } from './ipcChannel';

contextBridge.exposeInMainWorld('tthcBridge', {
  invoke: (method: string, input: unknown): Promise<ApiResponse> =>
    isApiMethod(method)
      ? (ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<ApiResponse>)
      : Promise.resolve({ ok: false, error: { code: 'not_found', message: `Không có phương thức "${method}".` } }),
  save: (method: string, input: unknown): Promise<ApiResponse> =>
    isDownloadMethod(method)
      ? (ipcRenderer.invoke(SAVE_CHANNEL, method, input) as Promise<ApiResponse>)
      : Promise.resolve({ ok: false, error: { code: 'not_found', message: `Không có tệp tải về "${method}".` } }),
  unitServer: (method: string, input: unknown): Promise<ApiResponse> =>
    isUnitServerMethod(method)
      ? (ipcRenderer.invoke(UNIT_SERVER_CHANNEL, method, input) as Promise<ApiResponse>)
      : Promise.resolve({ ok: false, error: { code: 'not_found', message: `Không có phương thức "${method}".` } }),
});
