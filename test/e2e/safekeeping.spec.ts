// Issue 8: a deleted regulation goes to the draft's trash and comes back; backups, restore and the database check
// in Cài đặt.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { civilStatusDossier } from '../fixtures/civilStatusDossier';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');
const dossier = civilStatusDossier();
const DRAFT = dossier.drafts[0]!.id;
const MARRIAGE = String(dossier.drafts[0]!.regulations[1]!.id);

test('a deleted regulation waits in the trash and comes back; a backup is taken, checked and restored', async ({ page }, testInfo) => {
  const databasePath = temporaryDatabase('safekeeping.sqlite');
  const file = join(dirname(databasePath), 'd.json');
  writeFileSync(file, JSON.stringify(dossier));
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', file], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), MARRIAGE);
    await page.getByTestId('save-bar').getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    const trash = page.getByTestId('trash');
    await expect(trash).toContainText('Đăng ký kết hôn');
    await expect(trash).toContainText('Cán bộ kiểm thử');
    await expect(page.getByRole('tab', { name: /kinh doanh \(2\)/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('draft-trash.png'), fullPage: true });
    await trash.getByRole('button', { name: 'Khôi phục' }).click();
    await expect(trash).toBeHidden();
    await expect(page.getByRole('tab', { name: /kinh doanh \(3\)/ })).toBeVisible();

    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect(page.getByTestId('backup-list')).toContainText('Sao lưu thủ công');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await expect(page.getByTestId('verify-result')).toContainText('Lịch sử xử lý nguyên vẹn (2 bước)');
    await page.screenshot({ path: testInfo.outputPath('settings-safekeeping.png'), fullPage: true });

    // A regulation added after the backup is gone once the backup is restored; the replaced database is kept.
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}`), DRAFT);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), MARRIAGE);
    await page.getByTestId('save-bar').getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await expect(page.getByTestId('trash')).toContainText('Đăng ký kết hôn');
    await page.evaluate(() => (window.location.hash = '#/settings'));
    const manual = page.getByTestId('backup-list').getByRole('row', { name: /Sao lưu thủ công/ });
    await manual.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục' }).click();
    await expect(page.getByTestId('backup-list')).toContainText('Trước khi khôi phục');
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}`), DRAFT);
    await expect(page.getByRole('tab', { name: /kinh doanh \(3\)/ })).toBeVisible();
    await expect(page.getByTestId('trash')).toBeHidden();
  } finally {
    await host.stop();
  }
});
