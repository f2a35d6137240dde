// Issue 20, defect 15: a draft created by mistake can be deleted while still in drafting; it waits in the draft list's
// trash with its procedures and comes back whole.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { civilStatusDossier } from '../fixtures/civilStatusDossier';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');
const dossier = civilStatusDossier();
const DRAFT = dossier.drafts[0]!;

test.use({ viewport: { width: 1366, height: 768 } });

test('a draft in drafting is deleted into the trash and restored with its procedures', async ({ page }, testInfo) => {
  const databasePath = temporaryDatabase('draft-trash.sqlite');
  const file = join(dirname(databasePath), 'd.json');
  writeFileSync(file, JSON.stringify(dossier));
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', file], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    await page.goto(host.url);
    const row = page.getByRole('row').filter({ hasText: DRAFT.title });
    await row.click();
    await page.getByRole('button', { name: 'Xóa dự thảo' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(`${DRAFT.regulations.length} TTHC/QĐKD`);
    await page.screenshot({ path: testInfo.outputPath('draft-delete-confirm.png') });
    await confirm.getByRole('button', { name: 'Xóa dự thảo' }).click();

    await expect(page.getByTestId('draft-count')).toContainText('0');
    await expect(row).toHaveCount(0);
    await page.getByRole('button', { name: 'Thùng rác (1)' }).click();
    const trash = page.getByTestId('draft-trash');
    await expect(trash).toContainText(DRAFT.title);
    await expect(trash).toContainText('Cán bộ kiểm thử');
    await page.screenshot({ path: testInfo.outputPath('draft-trash.png') });
    await trash.getByRole('button', { name: 'Khôi phục' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('button', { name: /Thùng rác/ })).toBeHidden();
    await row.click();
    await expect(page.getByRole('tab', { name: `Thủ tục hành chính và quy định kinh doanh (${DRAFT.regulations.length})` })).toBeVisible();
  } finally {
    await host.stop();
  }
});
