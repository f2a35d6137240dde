// The UI at scale, in Debian's Chromium through Playwright against the real web host: opening a draft of 1.000
// regulations (first render after its data arrives), scrolling the whole draft list end to end (long tasks seen by a
// PerformanceObserver), and the page's JS heap (CDP Performance.getMetrics). Needs the built UI (npm run build:renderer).
//   npx tsx bench/ui.ts [drafts]      (run.ts calls measureUi after the server rows)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';
import { startHost } from '../test/e2e/webHost';
import { LARGE_DRAFT_ID } from './dataset';
import type { ResultRow } from './run';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type PageProbe = { longTasks: number[]; firstRowsAt: number | null; costRowsAt: number | null; inputAt: number | null };
declare global {
  interface Window {
    __probe: PageProbe;
  }
}

/** Installed before any page script: every long task, and the moment the draft page's first regulation row appears. */
function installProbe(): void {
  const probe: PageProbe = { longTasks: [], firstRowsAt: null, costRowsAt: null, inputAt: null };
  // The moment of the officer's last press (a click or a key), which the timed steps below count from.
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, () => (probe.inputAt = performance.now()), true);
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (probe.firstRowsAt === null && document.querySelector('[data-testid="draft-regulations"] tbody tr[data-index]')) probe.firstRowsAt = performance.now();
    // Tổng hợp chi phí is shown when its drafts' rows are in the DOM and the frame holding them is drawn.
    if (probe.costRowsAt === null && document.querySelector('[data-testid="cost-summary-drafts"] tbody tr')) {
      probe.costRowsAt = -1;
      requestAnimationFrame(() => setTimeout(() => (probe.costRowsAt = performance.now())));
    }
  }).observe(document, { childList: true, subtree: true });
}

export async function measureUi(drafts: number): Promise<ResultRow[]> {
  const size = `${drafts.toLocaleString('vi-VN')} dự thảo / ${(drafts * 10).toLocaleString('vi-VN')} TTHC`;
  const dir = mkdtempSync(join(tmpdir(), 'tthc-bench-ui-'));
  const database = join(dir, 'ui.sqlite');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/worker.ts'), database, 'import', 'app', '1', String(drafts)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const host = await startHost(database);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(installProbe);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(host.url);
    await page.getByTestId('draft-list').locator('.virtual-row').first().waitFor({ timeout: 120_000 });
    // The draft of 1.000 regulations: from the end of getDraft's response to the first rows in the DOM.
    // Opened as a user does, by its row: the two per-draft drafts are stored last, so they head the list.
    await page.getByTestId('draft-list').locator('.virtual-row').nth(1).click();
    if (!page.url().includes(LARGE_DRAFT_ID)) throw new Error(`the second row is not the draft of 1.000 regulations: ${page.url()}`);
    await page.waitForFunction(() => window.__probe.firstRowsAt !== null, undefined, { timeout: 120_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: join(tmpdir(), 'tthc-bench-ui.png') });
      throw error;
    });
    const open = await page.evaluate(() => {
      const response = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/getDraft')) as PerformanceResourceTiming;
      return { renderMs: window.__probe.firstRowsAt! - response.responseEnd, longest: Math.max(0, ...window.__probe.longTasks), rows: document.querySelectorAll('tr').length };
    });

    // The draft list, scrolled a screen at a time to the very end, each page loaded on the way.
    await page.goBack();
    await page.getByTestId('draft-list').locator('.virtual-row').first().waitFor();
    const scroll = await page.evaluate(async () => {
      window.__probe.longTasks = [];
      const list = document.querySelector<HTMLElement>('[data-testid="draft-list"]')!;
      const start = performance.now();
      while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
        list.scrollTop += list.clientHeight;
        await new Promise((done) => requestAnimationFrame(done));
      }
      // Until the last screen's rows have their data (no "loading" row left in view).
      while (Array.from(list.querySelectorAll('.virtual-row')).some((row) => row.textContent === 'Đang tải…' || row.textContent === 'Loading…')) await new Promise((done) => requestAnimationFrame(done));
      await new Promise((done) => setTimeout(done, 200));
      return { ms: performance.now() - start, longTasks: window.__probe.longTasks.length, longest: Math.max(0, ...window.__probe.longTasks) };
    });
    // Tổng hợp chi phí (issue 20 item 7): from the end of getCostRollup's answer to its rows drawn, against the API's own time.
    await page.getByRole('link', { name: 'Tổng hợp chi phí' }).click();
    await page.waitForFunction(() => (window.__probe.costRowsAt ?? -1) > 0, undefined, { timeout: 120_000 });
    const cost = await page.evaluate(() => {
      const response = performance.getEntriesByType('resource').findLast((entry) => entry.name.includes('/api/getCostRollup')) as PerformanceResourceTiming;
      return { renderMs: window.__probe.costRowsAt! - response.responseEnd, apiMs: response.responseEnd - response.startTime, rows: document.querySelectorAll('[data-testid="cost-summary-drafts"] tbody tr').length };
    });
    // Switching to English and back on the 1.000-draft list (issue 20 defect 10: 821 ms), and saving the profile in
    // Cài đặt (530 ms): from the click to the frame drawn once the new words (the saved notice) are in the DOM.
    await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
    await page.getByTestId('draft-list').locator('.virtual-row').first().waitFor();
    /** From the last press to the frame drawn once `condition` (page-side JS) holds. */
    const sincePress = (condition: string) =>
      page.evaluate(async (source) => {
        const reached = new Function(`return ${source}`) as () => boolean;
        while (!reached()) await new Promise((next) => requestAnimationFrame(next));
        await new Promise((next) => requestAnimationFrame(() => setTimeout(next)));
        return performance.now() - window.__probe.inputAt!;
      }, condition);
    await page.getByText('English', { exact: true }).click();
    const englishMs = await sincePress(`document.documentElement.lang === 'en' && document.body.textContent.includes('Draft documents')`);
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('link', { name: 'Cài đặt' }).waitFor();
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const officer = page.getByLabel('Họ và tên cán bộ');
    await officer.fill('Cán bộ đo thời gian');
    await officer.press('Control+s');
    const profileMs = await sincePress(`document.body.textContent.includes('Đã lưu cơ quan và vai trò')`);

    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const heapMb = (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;

    const uiRow = (operation: string, ms: number, rowSize = size): ResultRow => ({
      operation,
      size: rowSize,
      appMs: Number(ms.toFixed(1)),
      rawMs: null,
      ratio: null,
      peakRssMb: Math.round(heapMb),
    });
    return [
      uiRow(`UI: mở dự thảo 1.000 TTHC, vẽ lần đầu sau khi có dữ liệu (${open.rows} dòng trong DOM)`, open.renderMs),
      uiRow('UI: mở dự thảo 1.000 TTHC, long task dài nhất', open.longest),
      uiRow(`UI: cuộn hết danh sách dự thảo (${scroll.longTasks} long task)`, scroll.ms),
      uiRow('UI: cuộn danh sách dự thảo, long task dài nhất', scroll.longest),
      {
        ...uiRow(`UI: Tổng hợp chi phí, vẽ sau khi có dữ liệu (${cost.rows} dòng; rawMs = thời gian API)`, cost.renderMs),
        rawMs: Number(cost.apiMs.toFixed(1)),
        ratio: Number((cost.renderMs / cost.apiMs).toFixed(2)),
      },
      uiRow('UI: đổi sang tiếng Anh (danh sách dự thảo)', englishMs),
      uiRow('UI: lưu cơ quan và vai trò (Cài đặt)', profileMs),
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await measureUi(Number(process.argv[2] ?? 10_000)));
}
