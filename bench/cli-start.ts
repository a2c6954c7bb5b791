/**
 * How long the CLI takes to start and answer, against a bare Node start in the same run: `node -e 0`,
 * `twinning --help`, `twinning locality coventry` and a cached `twinning stats summary`, the last two on the
 * world's data (the bundled dataset and every source in ../shared/data, imported with the import pipeline as
 * bench/api-dataset.ts does; the built file is kept in a temp dir and reused). Each is a cold process of
 * `node dist/src/cli/main.js` after `npm run build`, run several times, round-robin so that noise from other
 * work spreads over all of them; the median is reported with its ratio to `node -e 0`.
 *
 * Run: npx tsx bench/cli-start.ts   (BENCH_RUNS=9 by default; BENCH_WORLD_DB=path to keep the world elsewhere;
 * BENCH_NO_BUILD=1 to time the dist/ already built)
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareBenchData } from './api-dataset.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WORLD = process.env.BENCH_WORLD_DB ?? path.join(tmpdir(), 'twinning-bench-cli', 'world.sqlite');
const MAIN = path.join(repoRoot, 'dist/src/cli/main.js');

/** One timed cold process; fails loudly when the command does, so a broken command is never timed. */
function timeOnce(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (process.env.BENCH_NO_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}
const data = await prepareBenchData(WORLD, console.log);
console.log(`world: ${data.localities} localities, ${data.links} links (${data.description}) in ${WORLD}`);

const cases: { name: string; args: string[]; target?: number }[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'twinning --help', args: [MAIN, '--help'], target: 2.5 },
  { name: 'twinning locality coventry', args: [MAIN, '--db', WORLD, 'locality', 'coventry'], target: 4 },
  { name: 'twinning stats summary (cached)', args: [MAIN, '--db', WORLD, 'stats', 'summary'], target: 4 },
];
// Fills the analysis cache, so that every timed `stats summary` is a cached one.
timeOnce([MAIN, '--db', WORLD, 'stats', 'summary']);
const times = cases.map(() => [] as number[]);
for (let run = 0; run < RUNS; run++) cases.forEach((c, i) => times[i]!.push(timeOnce(c.args)));

const bare = median(times[0]!);
console.log(`\n${RUNS} cold runs each, median (min–max); Node ${process.version}`);
console.log('command                              median ms   ratio to node -e 0   target');
cases.forEach((c, i) => {
  const m = median(times[i]!);
  const range = `${Math.min(...times[i]!).toFixed(0)}–${Math.max(...times[i]!).toFixed(0)}`;
  console.log(
    `${c.name.padEnd(36)} ${m.toFixed(0).padStart(6)} (${range})`.padEnd(58) +
      `${(m / bare).toFixed(2)}×`.padStart(8) +
      (c.target ? `   ≤ ${c.target}×` : ''),
  );
});
