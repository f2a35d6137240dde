// The desktop shell: one sandboxed window on the built renderer, the API over IPC, nothing remote.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { DatabaseUnusableError } from '../../db/port';
import { openBackend, type Backend } from '../app';
import { defaultDataDir, resolveDatabasePath } from '../dataPaths';
import { CONTENT_SECURITY_POLICY } from '../transports/contentSecurity';
import { saveDownload } from '../transports/saveDownload';
import { createOfflineWork, jsonOfflineCopiesFile, offlineWorkControl, type OfflineWork } from '../transports/offlineWork';
import { jsonSettingsFile, openUnitServerClient, routedTransport, type UnitServerClient } from '../transports/unitServerClient';
import { isUnitServerMethod } from '../../shared/contract/unitServerApi';
import { IPC_CHANNEL, SAVE_CHANNEL, UNIT_SERVER_CHANNEL } from './ipcChannel';
import { safeStorageSecretStore } from './safeStorageSecrets';
import { allowedExternalLink, isRendererUrl } from './navigationPolicy';

const rendererIndex = join(__dirname, '../renderer/index.html');

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Bàn thẩm định TTHC',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would otherwise open a link through a path that skips the window-open handler's review.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // The app never leaves its own page: links open in the system browser, navigation elsewhere is refused.
  window.webContents.setWindowOpenHandler(({ url }) => {
    const external = allowedExternalLink(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  const stayHome = (event: Electron.Event, url: string) => {
    if (!isRendererUrl(url, rendererIndex)) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayHome);
  window.webContents.on('will-redirect', stayHome);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The renderer's beforeunload says a form holds unsaved work (leaveGuard.tsx); Electron shows no prompt of its own,
  // so ask here. Leaving loses nothing typed: the form's copy on this machine is restored when it opens again.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Có thay đổi chưa lưu',
      message: 'Có thay đổi chưa lưu',
      detail: 'Bạn đã sửa nội dung nhưng chưa lưu. Nếu đóng, thay đổi được giữ trên máy này và sẽ được khôi phục khi mở lại biểu mẫu.',
      buttons: ['Ở lại', 'Đóng'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // preventDefault here overrides the page's refusal: the window closes (or reloads).
    if (choice === 1) event.preventDefault();
  });
  void window.loadFile(rendererIndex);
  return window;
}

function registerIpc(backend: Backend, unitServer: UnitServerClient, offlineWork: OfflineWork): void {
  // Signed in to the unit's team server, every call goes there; otherwise this machine's database answers, as always.
  const transport = routedTransport(backend, unitServer);
  // The connection's own calls, and offline work on a team draft (taken out into this machine's database, sent back).
  const control = offlineWorkControl(unitServer, offlineWork);
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isRendererUrl(event.senderFrame?.url, rendererIndex)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Nguồn gọi không hợp lệ.' } };
    }
    return transport.dispatch(typeof method === 'string' ? method : '', input);
  });
  ipcMain.handle(UNIT_SERVER_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isRendererUrl(event.senderFrame?.url, rendererIndex)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Nguồn gọi không hợp lệ.' } };
    }
    if (typeof method !== 'string' || !isUnitServerMethod(method)) return { ok: false, error: { code: 'not_found', message: 'Không có phương thức này.' } };
    return control(method, input);
  });
  // A large file is streamed to the path the officer picks instead of crossing IPC whole as base64.
  ipcMain.handle(SAVE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isRendererUrl(event.senderFrame?.url, rendererIndex)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Nguồn gọi không hợp lệ.' } };
    }
    const owner = BrowserWindow.fromWebContents(event.sender);
    return saveDownload(transport, typeof method === 'string' ? method : '', input, async (fileName) => {
      const options = { defaultPath: join(app.getPath('downloads'), fileName) };
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath;
    });
  });
}

app.setPath('userData', defaultDataDir());
app.enableSandbox();

/** A damaged file or one from a newer app is explained in one Vietnamese message box, then the app quits. */
async function openOrExplain(path: string): Promise<Backend | undefined> {
  try {
    return await openBackend(path);
  } catch (error) {
    if (!(error instanceof DatabaseUnusableError)) throw error;
    dialog.showErrorBox('Không mở được cơ sở dữ liệu', error.message);
    app.quit();
    return undefined;
  }
}

void app.whenReady().then(async () => {
  const backend = await openOrExplain(resolveDatabasePath(argument('--db')));
  if (!backend) return;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const userData = app.getPath('userData');
  const unitServer = await openUnitServerClient({
    settings: jsonSettingsFile(join(userData, 'unit-server.json')),
    secrets: safeStorageSecretStore(join(userData, 'unit-server-session.bin')),
  });
  const offlineWork = createOfflineWork({
    server: unitServer.dispatch,
    local: backend.dispatch,
    serverAddress: unitServer.address,
    copies: jsonOfflineCopiesFile(join(userData, 'offline-copies.json')),
  });
  registerIpc(backend, unitServer, offlineWork);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    unitServer.close();
    void backend.close();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
