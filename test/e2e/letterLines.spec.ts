// Issue 20, item 6: the letter preview breaks lines where the DOCX and the PDF do — a quoted component's items one per
// line, not run together.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REVIEWED_IDS, REVIEWED_TITLE, reviewedDossier } from '../fixtures/reviewedDossier';
import { callApi, startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');
const ITEMS = ['Giấy đề nghị cấp Giấy phép kinh doanh (01 bản)', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp (02 bản)'];

test.use({ viewport: { width: 1366, height: 768 } });

/** The reviewed decree, its first procedure's review opinion quoting the dossier, two items on two lines. */
function dossierWithQuote(folder: string): string {
  const dossier = structuredClone(reviewedDossier);
  const licence = dossier.drafts[0]!.regulations.find((regulation) => regulation.id === REVIEWED_IDS.licence)!;
  const review = licence.opinions.find((opinion) => opinion.stage === 'review')!;
  review.verdict = 'amend';
  review.components = ['dossier'];
  review.body = [
    { type: 'block-quote', component: 'dossier', children: [{ text: ITEMS.join('\n') }] },
    { type: 'paragraph', children: [{ text: 'Đề nghị bỏ bản sao Giấy chứng nhận đăng ký doanh nghiệp.' }] },
  ];
  review.text = `${ITEMS.join('\n')}\nĐề nghị bỏ bản sao Giấy chứng nhận đăng ký doanh nghiệp.`;
  const path = join(folder, 'quoted.json');
  writeFileSync(path, JSON.stringify(dossier));
  return path;
}

test('a quoted dossier prints one item per line in the preview, as in the DOCX and PDF', async ({ page, request }, testInfo) => {
  const databasePath = temporaryDatabase('letter-lines.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', dossierWithQuote(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    await callApi(request, host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByLabel('Số, ký hiệu').fill('05/VPCP-KSTT');
    await page.getByLabel('Chức vụ người ký').fill('Phó Chủ nhiệm');
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Sơn');
    const preview = page.getByTestId('letter-preview');
    for (const [index, item] of ITEMS.entries()) {
      const line = preview.locator('p').filter({ hasText: item });
      await expect(line).toHaveCount(1);
      await expect(line).not.toContainText(ITEMS[1 - index]!);
    }
    await preview.locator('p').filter({ hasText: ITEMS[0] }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('letter-quote-lines.png') });
  } finally {
    await host.stop();
  }
});
