// Loaded into the team server by `npm run bench:team` with BENCH_TEAM_STATEMENTS=1 (node --import): the server's
// event-loop delay over each round. SIGUSR2 writes the delay seen since the last signal to the file named by
// BENCH_TEAM_EVENT_LOOP_FILE (JSON, milliseconds) and starts counting afresh.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import process from 'node:process';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (nanoseconds) => Number((nanoseconds / 1e6).toFixed(1));
process.on('SIGUSR2', () => {
  const seen = { mean: ms(histogram.mean), p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  writeFileSync(process.env.BENCH_TEAM_EVENT_LOOP_FILE, JSON.stringify(seen));
  histogram.reset();
});
