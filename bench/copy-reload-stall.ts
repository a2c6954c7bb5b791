/**
 * Benchmark for issue 12: how long `/health` waits while a `twinning serve` process loads its copies in memory
 * (the search's word index, what a locality's detail reads) on the world's data: first at start, then again after
 * another process's write to the registry. The server runs from the source of this checkout, or of another one
 * given as the baseline (`BENCH_ROOT=/path/to/checkout`), on a copy of the SQLite registry given; /health is asked
 * every 20 ms. Prints /health p50/p99/max in each phase, the count of answers slower than 100 ms, and the server's
 * resident memory (its threads included) at the phase's end and its peak in the phase.
 * Run: npx tsx bench/copy-reload-stall.ts <world.sqlite>   (BENCH_STALL_SECONDS=20: the length of each phase)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/database.js';

const source = process.argv[2];
if (!source || !existsSync(source))
  throw new Error('give the SQLite registry to copy (twinning init --db FILE)');
const root = process.env.BENCH_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_STALL_SECONDS ?? 20);
const PORT = 18_351;
const base = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The server's highest resident memory in MB since the phase began, sampled every 100 ms. */
let peakMb = 0;

/** Asks /health every 20 ms for `ms`; the latency of each answer. */
async function probeHealth(ms: number): Promise<number[]> {
  peakMb = 0;
  const latencies: number[] = [];
  for (const end = performance.now() + ms; performance.now() < end;) {
    const at = performance.now();
    await (await fetch(`${base}/health`)).text();
    latencies.push(performance.now() - at);
    await sleep(20);
  }
  return latencies;
}

/** The server's resident memory (its threads included) in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function describe(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(1);
  const slow = values.filter((v) => v > 100).length;
  const rss = `server RSS at the end ${rssMb(server.pid!).toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB`;
  return `n=${values.length} p50=${at(0.5)} ms p99=${at(0.99)} ms max=${sorted.at(-1)!.toFixed(1)} ms; over 100 ms: ${slow}; ${rss}`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'twinning-stall-'));
const db = path.join(dir, 'world.sqlite');
copyFileSync(source, db);
if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${db}-wal`);
console.log(`Load average at start: ${load()}; server from ${root}`);
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'serve', '--port', String(PORT), '--log-level', 'warn'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TWINNING_READ_CACHE_ENTRIES: '0' } },
);
const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(server.pid!) || 0)), 100);
try {
  for (let i = 0; !(await fetch(`${base}/health`).catch(() => undefined))?.ok; i++) {
    if (i > 600) throw new Error('the server did not start');
    await sleep(50);
  }
  console.log(
    `from listening, while the copies load:   /health ${describe(await probeHealth(seconds * 1000))}`,
  );
  const other = openDatabase(db);
  await other.db
    .updateTable('localities')
    .set((eb) => ({ population: eb.ref('population') }))
    .where('id', '=', (eb) => eb.selectFrom('localities').select((e) => e.fn.min('id').as('id')))
    .execute();
  await other.close();
  await (await fetch(`${base}/v1/localities?q=ber&limit=5`)).text(); // a read that asks the change watch
  console.log(
    `after another process's write (reload): /health ${describe(await probeHealth(seconds * 1000))}`,
  );
  console.log(`Load average at end: ${load()}`);
} finally {
  clearInterval(sampler);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
