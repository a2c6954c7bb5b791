/**
 * Soak: the server under its heaviest load, as the reliability issue measured it. A `twinning serve` process
 * on the world's data (data/world/registry.jsonl.gz, loaded by `twinning init` into a temporary SQLite file on
 * first use) is given the heaviest study (geography with 500 null-model runs, a fresh seed so nothing is
 * cached) and 12 concurrent GeoJSON exports of every link, while /health is asked every 50 ms; before that,
 * /health is measured idle as the baseline. Prints /health p50/p99/max in both phases, the server's peak
 * resident memory (its threads included), and what the heavy requests got. Figures, never pass/fail.
 *
 * Run: npx tsx bench/soak.ts   (BENCH_SOAK_DB=path of the SQLite registry, made by `twinning init` on first use;
 * BENCH_SOAK_EXPORTS=12; BENCH_SOAK_RUNS=500)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/database.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DB = process.env.BENCH_SOAK_DB ?? '/tmp/twinning-bench-soak/world.sqlite';
const EXPORTS = Number(process.env.BENCH_SOAK_EXPORTS ?? 12);
const RUNS = Number(process.env.BENCH_SOAK_RUNS ?? 500);
const PORT = 18_321;
const base = `http://127.0.0.1:${PORT}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

const describe = (values: number[]) =>
  `n=${values.length} p50=${percentile(values, 0.5).toFixed(1)} ms p99=${percentile(values, 0.99).toFixed(1)} ms max=${Math.max(...values).toFixed(1)} ms`;

/** Asks /health every 50 ms until `until` resolves; the latency of each answer. */
async function probeHealth(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const at = performance.now();
    const response = await fetch(`${base}/health`);
    await response.text();
    latencies.push(performance.now() - at);
    await sleep(50);
  }
  return latencies;
}

const cli = (...args: string[]) =>
  [process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--db', DB, ...args]] as const;
if (!existsSync(DB)) {
  console.log(`loading the world snapshot into ${DB} (twinning init) …`);
  const [node, args] = cli('init');
  const init = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  if (init.status !== 0) throw new Error(`twinning init exited ${init.status}`);
}
{
  const database = openDatabase(DB);
  const count = async (table: 'localities' | 'links') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  console.log(
    `data: the world snapshot; ${await count('localities')} localities, ${await count('links')} links`,
  );
  await database.close();
}
const [node, serveArgs] = cli('serve', '--port', String(PORT), '--log-level', 'silent');
const server = spawn(node, serveArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TWINNING_RATE_LIMIT_MAX: '1000000', TWINNING_READ_CACHE_ENTRIES: '0' },
});
try {
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/health`).catch(() => undefined))?.ok) break;
    if (i > 600) throw new Error('the server did not start');
    await sleep(100);
  }
  const idle = await probeHealth(sleep(10_000));
  console.log(`idle    /health: ${describe(idle)}; server RSS ${rssMb(server.pid!).toFixed(0)} MB`);

  let peak = 0;
  const memory = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 200);
  const started = performance.now();
  const timed = async (url: string) => {
    const at = performance.now();
    const response = await fetch(`${base}${url}`);
    const body = await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - at, bytes: body.byteLength };
  };
  const heavy = Promise.all([
    timed(`/v1/analytics/geography?runs=${RUNS}&seed=${Date.now() % 1_000_000}`),
    ...Array.from({ length: EXPORTS }, () => timed('/v1/links?format=geojson')),
  ]);
  const loaded = await probeHealth(heavy);
  clearInterval(memory);
  const results = await heavy;
  console.log(`loaded  /health: ${describe(loaded)}; server peak RSS ${peak.toFixed(0)} MB`);
  console.log(`heavy work done in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  console.log(`  geography runs=${RUNS}: ${results[0]!.status} in ${(results[0]!.ms / 1000).toFixed(1)} s`);
  const exports = results.slice(1);
  const byStatus = new Map<number, number>();
  for (const r of exports) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  console.log(
    `  ${EXPORTS} GeoJSON exports: ${[...byStatus].map(([s, n]) => `${n}× ${s}`).join(', ')}; ` +
      `${(Math.max(...exports.map((r) => r.bytes)) / 1e6).toFixed(1)} MB each, slowest ${(Math.max(...exports.map((r) => r.ms)) / 1000).toFixed(1)} s`,
  );
} finally {
  server.kill('SIGTERM');
}
