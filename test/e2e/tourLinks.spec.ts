// Found on the new officer's tour of issue 20 at 1366×768: a link opened in a new tab lands on the page it names, and
// the draft list shows each status whole.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REVIEWED_IDS, REVIEWED_NAMES, REVIEWED_TITLE, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { FLOW_TITLE, workflowDossier } from '../fixtures/workflowDossier';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

/** The reviewed decree and a draft with the longest status, «Đã có ý kiến thẩm định». */
async function tourHost() {
  const databasePath = temporaryDatabase('tour.sqlite');
  const appraised = join(dirname(databasePath), 'appraised.json');
  writeFileSync(appraised, JSON.stringify(workflowDossier({ status: 'appraised' })));
  for (const file of [writeReviewedDossier(dirname(databasePath)), appraised]) {
    const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', file], { encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
  }
  return startHost(databasePath);
}

test('a procedure opened with Ctrl+click shows in a new tab; the list’s status pills are whole at 1366×768', async ({ page, context }) => {
  const host = await tourHost();
  try {
    await page.goto(host.url);
    for (const [title, status] of [[REVIEWED_TITLE, 'Đã có ý kiến thẩm tra'], [FLOW_TITLE, 'Đã có ý kiến thẩm định']] as const) {
      const pill = page.getByRole('row').filter({ hasText: title }).getByText(status, { exact: true });
      await expect(pill).toBeVisible();
      // Whole: the pill's text fits its box (before: 120 px for 147, «ĐÃ CÓ Ý KIẾN TH…»).
      expect(await pill.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
    }

    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    const link = page.getByRole('link', { name: REVIEWED_NAMES[1], exact: true });
    await expect(link).toHaveAttribute('href', `#/regulations/${REVIEWED_IDS.badge}`);
    const opened = context.waitForEvent('page');
    await link.click({ modifiers: ['Control'] });
    const tab = await opened;
    // Before: the link pointed at /regulations/<id>, outside the app, and the new tab stayed blank.
    await expect(tab.getByLabel('Tên thủ tục/quy định')).toHaveValue(REVIEWED_NAMES[1]);
    // The first tab stays where it was.
    await expect(page.getByRole('heading', { name: REVIEWED_TITLE })).toBeVisible();
  } finally {
    await host.stop();
  }
});
