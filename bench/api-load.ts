/**
 * Benchmark for issue 4: the HTTP API under loopback load (autocannon), beside a bare Fastify hello-world
 * measured in the same run. Search as you type and locality detail, on SQLite (one instance) and on
 * PostgreSQL (two instances on one database, load split between them), with the read cache on (warm) and
 * off. Prints figures; never passes or fails on time.
 * Run: npx tsx bench/api-load.ts   (BENCH_SECONDS=10 by default; BENCH_ONLY=sqlite or postgres for one;
 * BENCH_PG_URL to change the PostgreSQL server)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/store/database.js';
import { ensurePostgresDatabase, prepareBenchData, type BenchData } from './api-dataset.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 10;
const SQLITE_URL = process.env.BENCH_SQLITE_PATH ?? '/tmp/twinning-bench-api/registry.sqlite';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/twinning_bench_api';
const server = fileURLToPath(new URL('./api-server.ts', import.meta.url));

/** A reproducible pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The requests of each workload: names typed letter by letter, and localities that have partners. */
async function workloads(url: string): Promise<{ search: string[]; detail: string[] }> {
  const database = openDatabase(url);
  try {
    const names = await database.db.selectFrom('locality_names').select('name').orderBy('id').execute();
    const keys = await database.db
      .selectFrom('localities as l')
      .select('l.key')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('links')
            .select('id')
            .where((eb) => eb.or([eb('a_id', '=', eb.ref('l.id')), eb('b_id', '=', eb.ref('l.id'))])),
        ),
      )
      .orderBy('l.id')
      .execute();
    const next = random(2026);
    const pick = <T>(list: readonly T[], n: number): T[] =>
      Array.from({ length: n }, () => list[Math.floor(next() * list.length)]!);
    const search = pick(names, 300).flatMap(({ name }) => {
      const chars = [...name];
      return chars
        .slice(0, Math.min(chars.length, 10))
        .map((_, i) => `/v1/localities?q=${encodeURIComponent(chars.slice(0, i + 1).join(''))}&limit=10`)
        .filter((path) => !/q=(%20)*&/.test(path));
    });
    const detail = pick(keys, 500).map(({ key }) => `/v1/localities/${key}`);
    return { search, detail };
  } finally {
    await database.close();
  }
}

/** Starts a server child and waits for it to listen. */
function start(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', server, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
}

/** Cycles through the paths on one port with autocannon for some seconds. */
function cannon(
  port: number,
  paths: readonly string[],
  seconds: number,
  connections: number,
): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
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
 * Loads every port at once (connections shared out) after a warm-up (every path once, then a few seconds
 * of load); sums throughput, takes the worst p50 and p99 of the instances.
 */
async function load(ports: number[], paths: readonly string[]): Promise<Figures> {
  const each = Math.max(1, Math.floor(CONNECTIONS / ports.length));
  await visitAll(ports, paths);
  await Promise.all(ports.map((p) => cannon(p, paths, WARMUP_SECONDS, each)));
  const results = await Promise.all(ports.map((p) => cannon(p, paths, SECONDS, each)));
  return {
    requestsPerSecond: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

const rows: string[] = [];
/** One line of the table: the API's figures beside the hello-world's measured just before them. */
function report(setup: string, workload: string, f: Figures, hello: Figures): void {
  const ratio = `${((f.requestsPerSecond / hello.requestsPerSecond) * 100).toFixed(0)}%`;
  const line = `| ${setup} | ${workload} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${hello.requestsPerSecond.toFixed(0)} | ${ratio} | ${f.non2xx + f.errors} |`;
  rows.push(line);
  console.log(line);
}

/**
 * Each figure is paired with a hello-world figure measured just before it on the same ports' neighbours, so
 * that the ratio compares like with like on a machine whose other load comes and goes.
 */
async function runSetup(
  name: string,
  url: string,
  instances: number,
  data: BenchData,
  basePort: number,
): Promise<void> {
  const { search, detail } = await workloads(url);
  console.log(
    `\n${name}: ${data.localities} localities, ${data.names} names, ${data.links} links; ${search.length} search paths, ${detail.length} detail paths`,
  );
  const apiPorts = Array.from({ length: instances }, (_, i) => basePort + i);
  const helloPorts = apiPorts.map((p) => p + 5);
  const hellos = await Promise.all(helloPorts.map((p) => start(['hello', String(p)])));
  for (const cacheEntries of ['10000', '0']) {
    const label = `${name}, ${instances} instance${instances > 1 ? 's' : ''}, read cache ${cacheEntries === '0' ? 'off' : 'on (warm)'}`;
    const apis: ChildProcess[] = [];
    for (const p of apiPorts) apis.push(await start(['api', String(p), url, cacheEntries]));
    for (const [workload, paths] of [
      ['search as you type', search],
      ['locality detail', detail],
    ] as const) {
      const hello = await load(helloPorts, ['/']);
      report(label, workload, await load(apiPorts, paths), hello);
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
console.log('| Setup | Workload | req/s | p50 ms | p99 ms | hello-world req/s | of hello-world | errors |');
console.log('|---|---|---|---|---|---|---|---|');
const only = process.env.BENCH_ONLY;
if (only !== 'postgres') {
  const sqliteData = await prepareBenchData(SQLITE_URL, console.log);
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
  const pgData = await prepareBenchData(PG_URL, console.log);
  await runSetup('PostgreSQL', PG_URL, 2, pgData, 18_090);
}
console.log(`\n${rows.length} figures.`);
