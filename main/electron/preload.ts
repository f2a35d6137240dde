// Runs sandboxed in the window: exposes exactly one function, which forwards only contract method names.
import { contextBridge, ipcRenderer } from 'electron';
import { isApiMethod } from '../../shared/contract/api';
import type { ApiResponse } from '../../shared/contract/client';
import { IPC_CHANNEL } from './ipcChannel';

contextBridge.exposeInMainWorld('tthcBridge', {
  invoke: (method: string, input: unknown): Promise<ApiResponse> =>
    isApiMethod(method)
      ? (ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<ApiResponse>)
      : Promise.resolve({ ok: false, error: { code: 'not_found', message: `Không có phương thức "${method}".` } }),
});
