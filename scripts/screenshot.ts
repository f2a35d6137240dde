// Development aid: screenshots of the running web host, to look at the UI as an officer would.
// Usage: tsx scripts/screenshot.ts URL OUT.png [hashRoute] [width] [height]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';

const [url = '', out = '/tmp/shot.png', route = '', width = '1440', height = '900'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
if (route) await page.evaluate((hash) => (window.location.hash = hash), route);
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
