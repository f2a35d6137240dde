// The `test` every e2e spec imports (lint-checked): Playwright's, with a watch over every screen the test shows.
// Whatever a Vietnamese screen showed of FORBIDDEN_ON_VIETNAMESE_SCREENS (screenWords.ts), or a badge cut short,
// fails the test after it ran, listing each text and the address it was on.
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { FORBIDDEN_ON_VIETNAMESE_SCREENS, screenWatch, type ScreenFinding } from './screenWords';

export { expect };
export type { Browser, Download, Locator, Page } from '@playwright/test';

const RULES = FORBIDDEN_ON_VIETNAMESE_SCREENS.map(({ pattern, why, where }) => ({ source: pattern.source, flags: pattern.flags, why, where: where?.source ?? null }));

type Watch = { findings: Map<string, ScreenFinding>; contexts: BrowserContext[] };
let current: Watch | null = null;

/** Watches the screens of a context the test opened itself (`browser.newContext()`, `browser.newPage()`'s context). */
export async function watchScreens(context: BrowserContext): Promise<void> {
  const watch = current;
  if (!watch) throw new Error('watchScreens outside a test');
  watch.contexts.push(context);
  await context.exposeBinding('__reportScreenFindings', (_source, findings: ScreenFinding[]) => {
    for (const finding of findings) watch.findings.set(`${finding.why}\u0000${finding.text}`, finding);
  });
  await context.addInitScript(screenWatch, RULES);
}

export const test = base.extend<{ screenWords: void }>({
  screenWords: [
    async ({ context }, use) => {
      const watch: Watch = { findings: new Map(), contexts: [] };
      current = watch;
      await watchScreens(context);
      await use();
      // What is on screen at the end, in case its last change came after the last frame the watch saw.
      for (const page of watch.contexts.flatMap((each) => each.pages())) {
        const findings = await page
          .evaluate(() => (window as unknown as { __scanScreenWords?: () => ScreenFinding[] }).__scanScreenWords?.() ?? [])
          .catch(() => []);
        for (const finding of findings) watch.findings.set(`${finding.why}\u0000${finding.text}`, finding);
      }
      current = null;
      const seen = [...watch.findings.values()].map(({ why, text, hash }) => `${why}: «${text}» on ${hash || '/'}`);
      expect(seen, 'Vietnamese screens showed codes, English or cut badges').toEqual([]);
    },
    { auto: true },
  ],
});
