/**
 * A whole `twinning stats summary` process against the summary's own computation (issue 15), in one run: the
 * world's registry (data/world's snapshot, as `twinning init` loads it; kept in a temp dir and reused), the analysis
 * cache emptied before every whole run so that each computes (a cold summary). Timed round-robin, so that noise
 * from other work spreads over all of them:
 * - `node -e 0`, a bare start, for scale;
 * - the whole process: `node dist/src/cli/main.js --db <world> stats summary`, from spawn to exit;
 * - the computation alone, in this process on the same data: the graph built from the network input and the
 *   summary computed on it (`buildTwinGraph` + `summariseNetworkParallel`, worker threads included), as built;
 * - reading the network in this process (`loadNetworkInput`), for where the rest goes.
 * The median of each is reported with the ratio of the whole process to the computation, and the load average.
 *
 * Run: npx tsx bench/cli-summary.ts   (BENCH_RUNS=9 by default; BENCH_WORLD_DB=path to keep the world elsewhere;
 * BENCH_NO_BUILD=1 to time the dist/ already built)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type * as Graph from '../src/analysis/twin-graph.js';
import type * as Parallel from '../src/analysis/distances-worker.js';
import type * as Dates from '../src/core/partial-date.js';
import type * as Input from '../src/registry/network/input.js';
import type * as Registry from '../src/registry/open-registry.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WORLD =
  process.env.BENCH_WORLD_DB ?? path.join(tmpdir(), 'twinning-bench-cli', 'world-snapshot.sqlite');
const MAIN = path.join(repoRoot, 'dist/src/cli/main.js');
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Runs a process to its end; fails loudly when it fails, so that a broken command is never timed. */
function run(args: readonly string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const done = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (done.status !== 0) throw new Error(`node ${args.join(' ')} exited ${done.status}: ${done.stderr}`);
  return { ms, stdout: done.stdout };
}

/** Milliseconds an async call takes. */
async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The built module at a path under dist/src, imported as `npm run build` ships it. */
async function built<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, 'dist/src', file)).href)) as T;
}

if (process.env.BENCH_NO_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}
if (!existsSync(WORLD)) {
  mkdirSync(path.dirname(WORLD), { recursive: true });
  console.log(`loading the world snapshot into ${WORLD} (once)…`);
  run([MAIN, '--db', WORLD, 'init']);
}

const { openRegistry } = await built<typeof Registry>('registry/open-registry.js');
const { loadNetworkInput } = await built<typeof Input>('registry/network/input.js');
const { buildTwinGraph } = await built<typeof Graph>('analysis/twin-graph.js');
const { summariseNetworkParallel } = await built<typeof Parallel>('analysis/distances-worker.js');
const { partialDateFromJsDate } = await built<typeof Dates>('core/partial-date.js');

const { database } = await openRegistry(WORLD, undefined, { nameIndex: false });
const today = partialDateFromJsDate(new Date());
const network = await loadNetworkInput(database.db, {}, today);
console.log(
  `world: ${network.input.nodes.length} localities and ${network.input.edges.length} links in today's network (${WORLD})`,
);
const cache = new Database(WORLD);
const clearCache = (): void => void cache.prepare('DELETE FROM analysis_cache').run();

const startLoad = load();
const times = { bare: [] as number[], whole: [] as number[], compute: [] as number[], read: [] as number[] };
let printed = '';
for (let i = 0; i < RUNS; i++) {
  times.bare.push(run(['-e', '0']).ms);
  clearCache();
  const whole = run([MAIN, '--db', WORLD, 'stats', 'summary']);
  if (whole.stdout.includes('(cached result)')) throw new Error('the whole run answered from the cache');
  times.whole.push(whole.ms);
  printed = whole.stdout;
  times.compute.push(await time(() => summariseNetworkParallel(buildTwinGraph(network.input))));
  times.read.push(await time(() => loadNetworkInput(database.db, {}, today)));
}
const endLoad = load();
cache.close();
await database.close();

console.log(`\n${printed.split('\n')[0]}`);
console.log(`\n${RUNS} runs each, round-robin, median (min–max); Node ${process.version}`);
console.log(`load average ${startLoad} at the start, ${endLoad} at the end`);
const rows: [string, number[]][] = [
  ['node -e 0', times.bare],
  ['whole process: stats summary (cold)', times.whole],
  ['computation alone (graph + summary)', times.compute],
  ['reading the network (in process)', times.read],
];
const computation = median(times.compute);
for (const [name, values] of rows) {
  const m = median(values);
  const range = `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  console.log(
    `${name.padEnd(38)} ${m.toFixed(0).padStart(6)} ms (${range})`.padEnd(64) +
      `${(m / computation).toFixed(2)}× the computation`,
  );
}
console.log(
  `\nwhole / computation: ${(median(times.whole) / computation).toFixed(2)}× (target ≤ 3×); ` +
    `whole / node -e 0: ${(median(times.whole) / median(times.bare)).toFixed(2)}×`,
);
