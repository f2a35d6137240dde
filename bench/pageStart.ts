// The page's start in Debian's Chromium: the longest task from navigation until the draft list is drawn, for one or
// two builds of the UI taken in turn (so that both see the same machine load), and where its CPU time goes.
//   npx tsx bench/pageStart.ts [rounds] [dirA] [dirB]     dirs default to dist/renderer
// With PROFILE=1 each load also records a CPU profile; the self time of the heaviest functions is printed per build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string; functionName?: string; lineNumber?: number } } };

/** The longest top-level task of the renderer's main thread, and what it ran (its direct children of 1 ms or more). */
function longestTask(path: string): { ts: number; dur: number; cpu: number; children: string } {
  const { traceEvents } = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] };
  // The page's main thread: the one that ran the page's scripts.
  const script = traceEvents.find((event) => event.name === 'EvaluateScript' || event.name === 'v8.evaluateModule' || event.name === 'FunctionCall')!;
  const own = traceEvents.filter((event) => event.pid === script.pid && event.tid === script.tid && event.ph === 'X');
  // By CPU time (tdur): under a load of 20–30 the wall time of one task varies several times over.
  const task = own.filter((event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask').reduce((a, b) => ((b.tdur ?? 0) > (a.tdur ?? 0) ? b : a));
  const inside = own.filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + task.dur! && (event.dur ?? 0) >= 1000);
  const words = inside.slice(0, 12).map((event) => `${event.name}${event.args?.data?.url ? ` ${event.args.data.url.split('/').pop()}` : ''}${event.args?.data?.functionName ? ` ${event.args.data.functionName}:${event.args.data.lineNumber}` : ''} ${Math.round(event.dur! / 1000)}`);
  return { ts: task.ts, dur: task.dur!, cpu: (task.tdur ?? 0) / 1000, children: words.join(' | ') };
}
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';
import { startHost, type RunningHost } from '../test/e2e/webHost';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const rounds = Number(process.argv[2] ?? 5);
const dirs = [process.argv[3], process.argv[4]].filter((dir): dir is string => dir !== undefined).map((dir) => resolve(dir));
if (dirs.length === 0) dirs.push(resolve('dist/renderer'));

const work = mkdtempSync(join(tmpdir(), 'tthc-page-start-'));
const hosts: RunningHost[] = [];
for (const [index, dir] of dirs.entries()) {
  process.env.TTHC_RENDERER_DIR = dir;
  hosts.push(await startHost(join(work, `db${index}.sqlite`)));
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const longest: number[][] = dirs.map(() => []);
const selfTimes: Array<Map<string, number>> = dirs.map(() => new Map());
const spans: number[][] = dirs.map(() => []);
const cpu: number[][] = dirs.map(() => []);
const children: string[][] = dirs.map(() => []);
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, host] of hosts.entries()) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.addInitScript(() => {
        const tasks: number[] = [];
        (window as unknown as { __tasks: number[] }).__tasks = tasks;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const cdp = await page.context().newCDPSession(page);
      if (process.env.PROFILE) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const tracePath = join(work, 'trace.json');
      await browser.startTracing(page, { path: tracePath, categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
      await page.goto(host.url);
      await page.getByRole('heading', { name: /Dự thảo/ }).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      longest[index]!.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __tasks: number[] }).__tasks)));
      await browser.stopTracing();
      cpu[index]!.push(Math.round(longestTask(tracePath).cpu));
      if (process.env.PROFILE) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
        const byId = new Map(profile.nodes.map((node) => [node.id, node]));
        const parent = new Map<number, number>();
        for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
        const keyOf = (node: Node) => `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
        // The longest task in the trace (a RunTask of the page's main thread); the profile samples inside it are counted.
        const timestamps: number[] = [];
        let clock = (profile as unknown as { startTime: number }).startTime;
        for (const delta of profile.timeDeltas) timestamps.push((clock += delta));
        const window = longestTask(tracePath);
        const best = { first: timestamps.findIndex((at) => at >= window.ts), last: timestamps.findLastIndex((at) => at <= window.ts + window.dur), span: window.dur };
        children[index]!.push(window.children);
        const { first, last } = best;
        spans[index]!.push(Math.round(best.span / 1000));
        profile.samples.forEach((id, sample) => {
          if (sample < first || sample > last) return;
          // Inclusive time: each function on the sampled stack once.
          const seen = new Set<string>();
          for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(byId.get(at)!));
          for (const key of seen) selfTimes[index]!.set(key, (selfTimes[index]!.get(key) ?? 0) + profile.timeDeltas[sample]! / 1000);
        });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const host of hosts) await host.stop();
  rmSync(work, { recursive: true, force: true });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [index, dir] of dirs.entries()) {
  console.log(`${dir}: longest task per load ${longest[index]!.join(', ')} ms; median ${median(longest[index]!)} ms`);
  console.log(`  its CPU time (the trace's longest task by thread time) ${cpu[index]!.join(', ')} ms; median ${median(cpu[index]!)} ms`);
  if (process.env.PROFILE) {
    console.log(`  longest task in the trace: ${spans[index]!.join(', ')} ms; it ran:\n    ${children[index]!.join('\n    ')}\n  its functions (inclusive, mean per load):`);
    const top = [...selfTimes[index]!.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60);
    for (const [key, ms] of top) console.log(`  ${(ms / rounds).toFixed(1).padStart(8)} ms  ${key}`);
  }
}
