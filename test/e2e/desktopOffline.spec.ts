// Issue 21 item 6 from the desktop app: Lan, signed in to her unit's team server from the desktop window, takes a team
// draft out to work offline with «Mang về làm việc ngoại tuyến», edits the copy in this machine's database, and sends it
// back with «Gửi lại máy chủ». The window's bridge is played by this test (Electron cannot start here): its calls reach
// the same Electron-free code the main process runs (routedTransport, the unit server client, offlineWorkControl over
// offlineWork), against a real `tthc serve --team` over HTTPS and this machine's own `tthc serve`. Hoa, in her browser,
// sees meanwhile who holds the draft and since when, and still reads it; what both changed comes back as a conflict
// Lan accepts in the import's conflict view.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResponse } from '../../shared/contract/client';
import type { UnitServerMethod } from '../../shared/contract/unitServerApi';
import { createOfflineWork, jsonOfflineCopiesFile, offlineWorkControl } from '../../main/transports/offlineWork';
import { jsonSettingsFile, memorySecretStore, openUnitServerClient, routedTransport, type UnitServerClient } from '../../main/transports/unitServerClient';
import { expect, test, watchScreens, type Page } from './test';
import { signInOnPage, startDraftingUnit, teamServerMissing, type RunningTeamServer } from './teamServer';
import { startHost, temporaryDatabase, type RunningHost } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ mode: 'serial' });

const missing = teamServerMissing();
test.skip(missing !== null, missing ?? '');

const SHOTS_ROOT = '/work/shots';
const SHOTS = `${SHOTS_ROOT}/team`;
const TITLE = 'Thông tư về kiểm tra chất lượng hàng hóa nhập khẩu';
const UNIT = 'Bộ Công Thương';

let server: RunningTeamServer;
let host: RunningHost;
let client: UnitServerClient;
let draftId: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  let drafts: { id: string }[];
  ({ server, drafts } = await startDraftingUnit({ drafts: [{ docType: 'thong_tu', title: TITLE, procedure: { name: 'Cấp giấy xác nhận kiểm tra chất lượng' } }] }));
  draftId = drafts[0]!.id;
  // Lan's own machine: a drafter of the ministry, signed in to the unit's server.
  host = await startHost(temporaryDatabase(), { profile: { agency: UNIT, role: 'drafter', officerName: 'Trần Thị Lan' } });
  client = await openUnitServerClient({ settings: jsonSettingsFile(join(mkdtempSync(join(tmpdir(), 'tthc-desktop-')), 'unit-server.json')), secrets: memorySecretStore() });
  const offered = await client.control('connectUnitServer', { address: server.origin });
  if (!offered.ok) throw new Error(offered.error.message);
  const fingerprint = (offered.value as { certificate: { fingerprint: string } }).certificate.fingerprint;
  await client.control('acceptUnitCertificate', { address: server.origin, fingerprint });
  const signedIn = await client.control('signInToUnitServer', { login: 'lan', password: server.passwords.lan! });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
});

test.afterAll(async () => {
  client?.close();
  await host?.stop();
  await server?.stop();
});

/** The desktop window's bridge, as main/electron/main.ts wires it, over this machine's host and the unit server client. */
async function desktopWindow(page: Page): Promise<void> {
  const local = async (method: string, input: unknown): Promise<ApiResponse> => {
    const answer = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tthc-token': host.token }, body: JSON.stringify(input ?? {}) });
    return (await answer.json()) as ApiResponse;
  };
  const notHere = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const transport = routedTransport({ dispatch: local, download: notHere }, client);
  const offline = createOfflineWork({
    server: client.dispatch,
    local,
    serverAddress: client.address,
    copies: jsonOfflineCopiesFile(join(mkdtempSync(join(tmpdir(), 'tthc-offline-copies-')), 'offline-copies.json')),
  });
  const control = offlineWorkControl(client, offline);
  await page.exposeBinding('__desktopInvoke', (_source, method: string, input: unknown) => transport.dispatch(method, input));
  await page.exposeBinding('__desktopUnitServer', (_source, method: string, input: unknown) => control(method as UnitServerMethod, input));
  await page.addInitScript(() => {
    const call = (name: string) => (method: string, input: unknown) => (window as unknown as Record<string, (m: string, i: unknown) => Promise<unknown>>)[name]!(method, input);
    Object.assign(window, { tthcBridge: { invoke: call('__desktopInvoke'), save: call('__desktopInvoke'), unitServer: call('__desktopUnitServer') } });
  });
}

async function renameDraft(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Sửa', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên dự thảo').fill(title);
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('takes a team draft out from the desktop app, edits it on this machine while others see it held, and sends it back', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const keepShots = existsSync(SHOTS_ROOT);
  if (keepShots) mkdirSync(SHOTS, { recursive: true });
  const shoot = async (on: Page, name: string) => {
    await on.screenshot({ path: testInfo.outputPath(name) });
    if (keepShots) await on.screenshot({ path: `${SHOTS}/${name}` });
  };
  await desktopWindow(page);
  await page.goto(`${host.origin}/#/drafts/${draftId}`);
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: 'Mang về làm việc ngoại tuyến' }).click();

  // The window now works on this machine's copy, and says so.
  const here = page.getByTestId('offline-copy-here');
  await expect(here).toContainText(`Bản ngoại tuyến — mang về từ máy chủ ${server.origin} lúc`);
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cấp giấy xác nhận kiểm tra chất lượng' })).toBeVisible();
  await shoot(page, 'desktop-offline-copy.png');
  await renameDraft(page, `${TITLE} (sửa ngoại tuyến)`);

  // Hoa, in her browser on the server: who holds it and since when; she still reads it as it was.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true, locale: 'vi-VN' });
  await watchScreens(context);
  const hoa = await context.newPage();
  await signInOnPage(hoa, server, 'hoa');
  await hoa.evaluate((hash) => (window.location.hash = hash), `#/drafts/${draftId}`);
  await expect(hoa.getByTestId('offline-copy-notice')).toContainText('Dự thảo này đang được «Trần Thị Lan» mang về làm việc ngoại tuyến từ');
  await expect(hoa.getByRole('heading', { name: TITLE })).toBeVisible();
  await shoot(hoa, 'desktop-offline-held.png');

  // The administrator releases it and Hoa adds a word to the title meanwhile: both changed it.
  const quantri = await server.signedIn('quantri');
  await quantri.call('releaseOfflineCopy', { draftId });
  await quantri.dispose();
  await hoa.reload();
  await expect(hoa.getByTestId('offline-copy-notice')).toHaveCount(0);
  await renameDraft(hoa, `${TITLE} (bản của Hoa)`);

  // Sent back: the window works on the server again, and lists the title changed on both sides to accept or reject.
  await here.getByRole('button', { name: 'Gửi lại máy chủ' }).click();
  const sent = page.getByTestId('sent-back-notice');
  await expect(sent).toContainText('Đã gửi lại máy chủ.');
  await expect(sent).toContainText('Bản ngoại tuyến và bản trên máy chủ đều đã sửa những chỗ này kể từ khi mang về.');
  const conflict = sent.getByTestId('conflict');
  await expect(conflict).toContainText('bản ngoại tuyến của «Trần Thị Lan» và bản trên máy chủ đều đã sửa');
  await expect(conflict).toContainText(`${TITLE} (sửa ngoại tuyến)`);
  await expect(conflict).toContainText(`${TITLE} (bản của Hoa)`);
  await shoot(page, 'desktop-offline-sent-back.png');
  await conflict.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(sent.getByTestId('conflict')).toHaveCount(0);

  // Hoa sees Lan's edit on the server.
  await hoa.reload();
  await expect(hoa.getByRole('heading', { name: `${TITLE} (sửa ngoại tuyến)` })).toBeVisible();
  await context.close();
});
