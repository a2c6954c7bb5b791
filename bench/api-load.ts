/**
 * Benchmark for issues 4 and 15: the HTTP API under loopback load (autocannon), beside a bare Fastify
 * hello-world measured in the same run, on the world snapshot's data (data/world/registry.jsonl.gz, as a fresh
 * start loads it). Cold first: read cache off, every measured request a path not sent before: names drawn with
 * a fixed seed from every name (any language, historical) typed letter by letter, and every locality equally
 * likely for detail. Warm second: read cache on, every path read once before measuring. SQLite with one
 * instance; PostgreSQL with two instances on one database, the load split between them. Prints figures; never
 * passes or fails on time. The servers run from the build (dist/), as `npm start` runs the server: it builds first.
 * From TypeScript source under tsx instead, esbuild's `__name` wrappers cost a cold request measurably (cold
 * search 41-44% of the hello-world from source against 51% built, 2026-11-30).
 * Run: npx tsx bench/api-load.ts   (BENCH_SECONDS=10 by default; BENCH_ONLY=sqlite or postgres for one;
 * BENCH_PG_URL and BENCH_SQLITE_PATH to change the databases; BENCH_NAMES names drawn, 20,000 by default;
 * BENCH_NO_BUILD=1 to use the dist/ already built; BENCH_FROM_SOURCE=1 to run the servers under tsx)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ensurePostgresDatabase, prepareWorldData, type BenchData } from './api-dataset.js';
import { workloads } from './api-workloads.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
/** Names drawn for search as you type (each typed letter by letter); paths set apart for the cold warm-up; paths of the warm runs. */
const NAMES = Number(process.env.BENCH_NAMES ?? 20_000);
const WARMUP_PATHS = 2000;
const WARM_PATHS = 2500;
const CONNECTIONS = 10;
const SQLITE_URL = process.env.BENCH_SQLITE_PATH ?? '/tmp/twinning-bench-api/world.sqlite';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/twinning_bench_api_world';
const server = fileURLToPath(new URL('./api-server.ts', import.meta.url));
const builtServer = fileURLToPath(new URL('../dist/bench/api-server.js', import.meta.url));
const FROM_SOURCE = process.env.BENCH_FROM_SOURCE === '1';
if (!FROM_SOURCE && process.env.BENCH_NO_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/** Starts a server child and waits for it to listen. */
function start(args: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    FROM_SOURCE ? ['--import', 'tsx', server, ...args] : [builtServer, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited with ${code}`)));
  });
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.removeAllListeners('exit');
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests sent, and how many paths there were to send: more requests than paths means some were repeated. */
  requests: number;
  paths: number;
}

/**
 * Sends paths to one port with autocannon for some seconds, taking them in turn from a shared cursor (so that
 * instances loaded at once never send the same path), starting over only when all were sent.
 */
function cannon(
  port: number,
  paths: readonly string[],
  cursor: { next: number },
  seconds: number,
  connections: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[cursor.next++ % paths.length]! }) },
    ],
  });
}

/** Requests every path once on every port (filling a read cache), a few at a time. */
async function visitAll(ports: number[], paths: readonly string[]): Promise<void> {
  for (const port of ports) {
    for (let i = 0; i < paths.length; i += 8) {
      await Promise.all(
        paths.slice(i, i + 8).map((p) => fetch(`http://127.0.0.1:${port}${p}`).then((r) => r.arrayBuffer())),
      );
    }
  }
}

/**
 * Loads every port at once (connections shared out) and sums throughput, taking the worst p50 and p99 of the
 * instances. Cold: a few seconds of load on paths set apart for it (the JIT and SQLite's page cache warm up;
 * no measured path is among them), then every measured request is a path not requested before. Warm: every
 * path once on every instance (filling the read cache), a few seconds of load, then the same paths measured.
 */
async function load(ports: number[], paths: readonly string[], mode: 'cold' | 'warm'): Promise<Figures> {
  const each = Math.max(1, Math.floor(CONNECTIONS / ports.length));
  const warmup = mode === 'cold' ? paths.slice(0, WARMUP_PATHS) : paths;
  const measured = mode === 'cold' ? paths.slice(WARMUP_PATHS) : paths;
  if (mode === 'warm') await visitAll(ports, paths);
  const warmupCursor = { next: 0 };
  await Promise.all(ports.map((p) => cannon(p, warmup, warmupCursor, WARMUP_SECONDS, each)));
  const cursor = { next: 0 };
  const results = await Promise.all(ports.map((p) => cannon(p, measured, cursor, SECONDS, each)));
  return {
    requestsPerSecond: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    requests: cursor.next,
    paths: measured.length,
  };
}

const rows: string[] = [];
/** One line of the table: the API's figures beside the hello-world's measured just before them. */
function report(setup: string, workload: string, f: Figures, hello: Figures): void {
  const ratio = `${((f.requestsPerSecond / hello.requestsPerSecond) * 100).toFixed(0)}%`;
  const repeated = f.requests > f.paths ? ` (${f.requests - f.paths} repeated)` : '';
  const line = `| ${setup} | ${workload} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${hello.requestsPerSecond.toFixed(0)} | ${ratio} | ${f.non2xx + f.errors} | ${f.requests}${repeated} | ${loadavg()[0]!.toFixed(2)} |`;
  rows.push(line);
  console.log(line);
}

/**
 * Each figure is paired with a hello-world figure measured just before it on the same ports' neighbours, so
 * that the ratio compares like with like on a machine whose other load comes and goes. Cold (read cache off,
 * distinct paths) first, then warm (read cache on, every path read once before measuring).
 */
async function runSetup(
  name: string,
  url: string,
  instances: number,
  data: BenchData,
  basePort: number,
): Promise<void> {
  const cold = await workloads(url, NAMES, Infinity);
  const warm = { search: cold.search.slice(0, WARM_PATHS), detail: cold.detail.slice(0, WARM_PATHS) };
  console.log(
    `\n${name}: ${data.localities} localities, ${data.names} names, ${data.links} links; cold: ${cold.search.length} search paths, ${cold.detail.length} detail paths (${WARMUP_PATHS} of each for the warm-up); warm: ${warm.search.length} and ${warm.detail.length}`,
  );
  const apiPorts = Array.from({ length: instances }, (_, i) => basePort + i);
  const helloPorts = apiPorts.map((p) => p + 5);
  const hellos = await Promise.all(helloPorts.map((p) => start(['hello', String(p)])));
  for (const mode of ['cold', 'warm'] as const) {
    const label = `${name}, ${instances} instance${instances > 1 ? 's' : ''}, ${mode === 'cold' ? 'cold (read cache off, distinct paths)' : 'read cache on (warm)'}`;
    const paths = mode === 'cold' ? cold : warm;
    const apis: ChildProcess[] = [];
    for (const p of apiPorts)
      apis.push(await start(['api', String(p), url, mode === 'cold' ? '0' : '10000']));
    for (const [workload, list] of [
      ['search as you type', paths.search],
      ['locality detail', paths.detail],
    ] as const) {
      const hello = await load(helloPorts, ['/'], 'warm');
      report(label, workload, await load(apiPorts, list, mode), hello);
    }
    await stop(apis);
  }
  await stop(hellos);
}

console.log(
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `autocannon: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s per figure, 127.0.0.1`,
);
console.log(
  '| Setup | Workload | req/s | p50 ms | p99 ms | hello-world req/s | of hello-world | errors | requests | load |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
const only = process.env.BENCH_ONLY;
if (only !== 'postgres') {
  const sqliteData = await prepareWorldData(SQLITE_URL, console.log);
  await runSetup('SQLite', SQLITE_URL, 1, sqliteData, 18_080);
}
let pgReady = only !== 'sqlite';
try {
  if (pgReady) await ensurePostgresDatabase(PG_URL);
} catch (error) {
  pgReady = false;
  console.log(`PostgreSQL at ${PG_URL} unreachable (${(error as Error).message}): skipped`);
}
if (pgReady) {
  const pgData = await prepareWorldData(PG_URL, console.log);
  await runSetup('PostgreSQL', PG_URL, 2, pgData, 18_090);
}
console.log(`\n${rows.length} figures.`);
