/**
 * The heavy-work threads' memory: two studies at once on the world's data (the soak's heaviest kind of work), each
 * on its own thread of a HeavyWorkPool, with the threads' young generation at V8's default and at the sizes given,
 * alternating in one run. Prints, per run, the wall time and the process's peak resident memory (sampled every
 * 50 ms; the threads' heaps are part of it). Figures, never pass/fail.
 * Run: npx tsx bench/heavy-memory.ts   (BENCH_HEAVY_DB=path of a SQLite registry made by `twinning init`, by default
 * the soak's; BENCH_HEAVY_STUDY=geography; BENCH_HEAVY_RUNS=40; BENCH_HEAVY_YOUNG=0,16,8 where 0 is V8's default;
 * BENCH_HEAVY_ROUNDS=2)
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { HeavyWorkPool } from '../src/api/heavy/pool.js';
import { partialDateFromJsDate } from '../src/core/partial-date.js';
import { parseNetworkQuery } from '../src/registry/network/query-text.js';
import { STUDY_NAMES, type StudyName } from '../src/registry/network/study-result.js';

const DB = process.env.BENCH_HEAVY_DB ?? '/tmp/twinning-bench-soak/world.sqlite';
const STUDY = (process.env.BENCH_HEAVY_STUDY ?? 'geography') as StudyName;
const RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 40);
const YOUNG = (process.env.BENCH_HEAVY_YOUNG ?? '0,16,8').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_HEAVY_ROUNDS ?? 2);

if (!existsSync(DB)) {
  console.log(`no registry at ${DB}: run \`npx tsx bench/soak.ts\` once, or give BENCH_HEAVY_DB`);
  process.exit(0);
}
if (!STUDY_NAMES.includes(STUDY)) throw new Error(`BENCH_HEAVY_STUDY: no study "${STUDY}"`);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const today = partialDateFromJsDate(new Date());
const query = parseNetworkQuery({}, (name) => name, undefined);
console.log(
  `${STUDY} with ${RUNS} runs, two at once; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log('| young generation | wall s | peak RSS MB |');
console.log('|---|---|---|');
let seed = Date.now() % 1_000_000; // fresh seeds: nothing answered from the analysis cache
for (let round = 0; round < ROUNDS; round++) {
  for (const young of YOUNG) {
    const pool = new HeavyWorkPool(DB, {
      threads: 2,
      queueLimit: 2,
      budgetMs: 3_600_000,
      heapMb: 256,
      youngMb: young === 0 ? undefined : young,
    });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const at = performance.now();
    const study = () =>
      pool.run({ type: 'study', study: STUDY, query, params: { repetitions: RUNS, seed: seed++ }, today });
    await Promise.all([study(), study()]);
    const seconds = (performance.now() - at) / 1000;
    clearInterval(sampler);
    await pool.close();
    console.log(`| ${young === 0 ? "V8's default" : `${young} MB`} | ${seconds.toFixed(1)} | ${mb(peak)} |`);
  }
}
console.log(
  `load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
