// Issue 21, item 5: the desktop app as a client of its unit's team server, with the window's bridge played by this
// test (Electron cannot start here): its calls reach the same Electron-free code the main process runs
// (main/transports/unitServerClient.ts: routedTransport over this machine's host and the unit server client), against a
// real `tthc serve --team` over HTTPS. The officer connects in Cài đặt → «Máy chủ của đơn vị», compares and accepts
// the self-signed certificate's fingerprint, signs in and sees the unit's drafts; signing out brings this machine's back.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResponse } from '../../shared/contract/client';
import type { UnitServerMethod } from '../../shared/contract/unitServerApi';
import { jsonSettingsFile, memorySecretStore, openUnitServerClient, routedTransport, type UnitServerClient } from '../../main/transports/unitServerClient';
import { expect, test } from './test';
import { LAN, startDraftingUnit, teamServerMissing, type RunningTeamServer } from './teamServer';
import { startHost, temporaryDatabase, type RunningHost } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ mode: 'serial' });

const missing = teamServerMissing();
test.skip(missing !== null, missing ?? '');

const SERVER_DRAFT = 'Nghị định về kinh doanh xăng dầu';
let server: RunningTeamServer;
let host: RunningHost;
let client: UnitServerClient;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ server } = await startDraftingUnit({ officers: [LAN], drafts: [{ docType: 'nghi_dinh', title: SERVER_DRAFT }] }));
  host = await startHost(temporaryDatabase());
  client = await openUnitServerClient({ settings: jsonSettingsFile(join(mkdtempSync(join(tmpdir(), 'tthc-desktop-')), 'unit-server.json')), secrets: memorySecretStore() });
});

test.afterAll(async () => {
  client?.close();
  await host?.stop();
  await server?.stop();
});

/** The certificate the server presents, read here independently of the code under test. */
function serverFingerprint(origin: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(new X509Certificate(socket.getPeerCertificate().raw).fingerprint256);
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

test('connects to the unit server by fingerprint, works there as the signed-in officer, and signs out back to this machine', async ({ page }, testInfo) => {
  // This machine's host answers local calls (its per-run token), as the desktop app's own back end would.
  const local = routedTransport(
    {
      dispatch: async (method, input) => {
        const answer = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tthc-token': host.token }, body: JSON.stringify(input ?? {}) });
        return (await answer.json()) as ApiResponse;
      },
      download: async () => ({ ok: false, error: { code: 'not_found', message: 'Không dùng trong kiểm thử này.' } }),
    },
    client,
  );
  await page.exposeBinding('__desktopInvoke', (_source, method: string, input: unknown) => local.dispatch(method, input));
  await page.exposeBinding('__desktopUnitServer', (_source, method: string, input: unknown) => client.control(method as UnitServerMethod, input));
  await page.addInitScript(() => {
    const call = (name: string) => (method: string, input: unknown) => (window as unknown as Record<string, (m: string, i: unknown) => Promise<unknown>>)[name]!(method, input);
    Object.assign(window, { tthcBridge: { invoke: call('__desktopInvoke'), save: call('__desktopInvoke'), unitServer: call('__desktopUnitServer') } });
  });

  await page.goto(`${host.origin}/#/`);
  await expect(page.getByText('Chưa có dự thảo nào. Hãy tạo dự thảo đầu tiên hoặc nhập hồ sơ.')).toBeVisible();
  await page.goto(`${host.origin}/#/settings`);
  const section = page.getByTestId('unit-server');
  await expect(section.getByRole('heading', { name: 'Máy chủ của đơn vị' })).toBeVisible();
  await section.getByLabel('Địa chỉ máy chủ').fill(server.origin);
  await section.getByRole('button', { name: 'Kết nối' }).click();
  const certificate = page.getByTestId('unit-certificate');
  await expect(certificate).toContainText(await serverFingerprint(server.origin));
  await page.screenshot({ path: testInfo.outputPath('certificate.png') });
  await certificate.getByRole('button', { name: 'Dấu vân tay trùng khớp, tin cậy chứng chỉ này' }).click();

  await section.getByLabel('Tên đăng nhập').fill('lan');
  await section.getByLabel('Mật khẩu').fill(server.passwords.lan!);
  await section.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(section).toContainText('với tư cách Trần Thị Lan (Bộ Công Thương)');
  await page.screenshot({ path: testInfo.outputPath('signed-in.png') });

  // The unit's drafts, from the server, in the local window.
  await page.goto(`${host.origin}/#/`);
  await expect(page.getByText(SERVER_DRAFT)).toBeVisible();

  await page.goto(`${host.origin}/#/settings`);
  await section.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(section.getByLabel('Tên đăng nhập')).toBeVisible();
  await page.goto(`${host.origin}/#/`);
  await expect(page.getByText('Chưa có dự thảo nào. Hãy tạo dự thảo đầu tiên hoặc nhập hồ sơ.')).toBeVisible();
  await expect(page.getByText(SERVER_DRAFT)).toHaveCount(0);
});
