// Issue 11, UI at scale: scrolling the draft list renders only what changes. A row scrolled out of view hands its
// elements to the row scrolled in (updated in place), so a screen of scrolling creates and removes no row elements;
// removing and creating every row on every screen was what made each step a long task at 10.000 drafts.
import { expect, test } from './test';
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { generateDossier } from '../../bench/dataset';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

test('scrolling the draft list screen by screen reuses its row elements, each row showing its own draft', async ({ page }) => {
  const databasePath = temporaryDatabase('scroll.sqlite');
  const file = join(dirname(databasePath), 'drafts.json');
  writeFileSync(file, JSON.stringify(generateDossier(400, 1)));
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', file], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    await page.goto(host.url);
    const list = page.getByTestId('draft-list');
    await expect(list.locator('.virtual-row').first()).toContainText('Dự thảo số');
    const churn = await list.evaluate(async (element) => {
      const rows = element.firstElementChild!;
      let created = 0;
      let removed = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          created += record.addedNodes.length;
          removed += record.removedNodes.length;
        }
      }).observe(rows, { childList: true });
      for (let screen = 0; screen < 6; screen += 1) {
        element.scrollTop += element.clientHeight;
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
      }
      return { created, removed, rows: rows.children.length };
    });
    expect(churn).toEqual({ created: 0, removed: 0, rows: churn.rows });
    // Updated in place, each row still shows the draft at its position: the titles in view are all different.
    await expect(list.locator('.virtual-row').last()).toContainText('Dự thảo số');
    const titles = await list.locator('.virtual-row [role="cell"]:first-child').allTextContents();
    expect(new Set(titles).size).toBe(titles.length);
  } finally {
    await host.stop();
  }
});
