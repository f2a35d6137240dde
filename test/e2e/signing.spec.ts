// "Ký số" on the review letter: the officer picks a PKCS#12 file and types its password in the browser; the web host
// (the app's own process on this machine) signs the PDF, and the download is a PAdES signature `tthc verify-signature`
// finds whole and chained to the officer's CA. A letter printed for another person than the certificate's holder is
// signed only once the officer confirms it.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { writeReviewedDossier, REVIEWED_TITLE } from '../fixtures/reviewedDossier';
import { makeTestPki, requireSigningTools } from '../fixtures/signingPki';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test('the review letter is signed with a certificate file and downloads signed, once the officer confirms signing another’s letter', async ({ page, request }) => {
  test.skip(!requireSigningTools(), 'openssl, softhsm2, opensc or pdfsig missing');
  // Two round trips through the host's PDF export and signing (asked, then confirmed): beyond 2 minutes under CI load.
  test.slow();
  const databasePath = temporaryDatabase('signing.sqlite');
  const folder = dirname(databasePath);
  const pki = makeTestPki(folder);
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(folder)], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    const profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };
    expect((await request.post(`${host.origin}/api/saveProfile`, { data: profile, headers: { 'x-tthc-token': host.token } })).ok()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByLabel('Số, ký hiệu').fill('05/VPCP-KSTT');
    await page.getByLabel('Kính gửi (mỗi nơi một dòng)').fill('Bộ Giao thông vận tải');
    await page.getByLabel('Nơi nhận (mỗi nơi một dòng, không ghi dòng “Lưu”)').fill('Như trên');
    // Printed for the reviewer, signed with Nguyễn Văn An's certificate: the app asks first, as tthc sign warns.
    await page.getByLabel('Chức vụ người ký').fill('CỤC TRƯỞNG');
    await page.getByLabel('Họ và tên người ký').fill('Trần Văn Bình');
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));

    await page.getByRole('button', { name: 'Ký số', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ký số văn bản (PDF)' });
    await expect(dialog.getByText('không ký trong trình duyệt', { exact: false })).toBeVisible();
    // No token is set up for this host: the dialog says so rather than offering a PIN field that cannot work.
    await dialog.getByText('Token cắm vào máy chạy ứng dụng').click();
    await expect(dialog.getByText('chưa được cài đặt token', { exact: false })).toBeVisible();
    await dialog.getByText('Tệp chứng thư số (.p12, .pfx)').click();
    await dialog.locator('input[type=file]').first().setInputFiles(pki.officerPkcs12);
    await dialog.getByLabel('Mật khẩu của tệp').fill(pki.officerPassword);
    await page.screenshot({ path: join(process.env.TTHC_E2E_SCREENSHOT_DIR ?? folder, 'sign-dialog.png') });

    // The export and the check run on the host, slowly under load: the answer is awaited before the dialog is read.
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/signPdf'));
    await dialog.getByRole('button', { name: 'Ký và tải về' }).click();
    expect((await answered).ok()).toBe(true);
    const warning = dialog.getByRole('alert').filter({ hasText: 'Chứng thư số không phải của người ký văn bản' });
    await expect(warning).toContainText('Văn bản ghi người ký là «Trần Văn Bình» nhưng chứng thư số đã chọn là của «Nguyễn Văn An»');
    await page.screenshot({ path: join(process.env.TTHC_E2E_SCREENSHOT_DIR ?? folder, 'sign-dialog-other-signer.png') });
    // Asked before anything is signed: nothing was downloaded.
    expect(downloads).toEqual([]);

    const started = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Vẫn ký bằng chứng thư của Nguyễn Văn An' }).click();
    const file = await started;
    expect(file.suggestedFilename()).toMatch(/\(đã ký số\)\.pdf$/);
    const saved = join(folder, 'signed.pdf');
    await file.saveAs(saved);
    await expect(page.getByText('Đã ký số: Nguyễn Văn An', { exact: false })).toBeVisible();
    // The app's own check, as an officer receiving the file would run it (poppler's pdfsig agrees with it on what
    // the same signing code writes: main/signing/signPdf.test.ts).
    const verified = spawnSync(process.execPath, [CLI, 'verify-signature', saved, '--ca', pki.rootCertificateFile], { encoding: 'utf8' });
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Nguyễn Văn An');
  } finally {
    await host.stop();
  }
});
