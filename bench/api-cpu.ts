/**
 * Server CPU time per request, a figure the shared machine's load inflates less than throughput does: a bare
 * Fastify hello-world and the cold locality detail or the cold search as you type (read cache off, distinct
 * localities or typed texts drawn as bench/api-workloads.ts draws them) on SQLite, each server started once
 * from a build and loaded in turns for some rounds; the CPU a server spent (user + system, from /proc) over the
 * requests it answered. On a quiet machine the servers are CPU-bound, so hello's CPU over the workload's is
 * close to the throughput ratio bench/api-load.ts reports. Several builds may be compared in one run (say,
 * main's built in another folder). Prints figures; never passes or fails on time. Linux only (/proc).
 * Run: npm run build && npx tsx bench/api-cpu.ts [build-folder ...]   (the repository's own by default;
 * BENCH_WORKLOAD=detail (default), search or both; BENCH_SECONDS=4 a measurement, BENCH_ROUNDS=5,
 * BENCH_SQLITE_PATH for the database, made as api-load.ts makes it)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { prepareWorldData } from './api-dataset.js';
import { workloads } from './api-workloads.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SQLITE_URL = process.env.BENCH_SQLITE_PATH ?? '/tmp/twinning-bench-api/world.sqlite';
const WARMUP_PATHS = 2000;
const WORKLOAD = process.env.BENCH_WORKLOAD ?? 'detail';
if (!['detail', 'search', 'both'].includes(WORKLOAD))
  throw new Error('BENCH_WORKLOAD: detail, search or both');
const WORKLOADS = WORKLOAD === 'both' ? (['detail', 'search'] as const) : [WORKLOAD as 'detail' | 'search'];
const builds = process.argv.slice(2);
if (builds.length === 0) builds.push(fileURLToPath(new URL('..', import.meta.url)));

/** CPU time (user + system) a process has spent, in microseconds (clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** Starts a server of a build (dist/bench/api-server.js) and waits for it to listen. */
function start(build: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(build, 'dist/bench/api-server.js'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited with ${code}`)));
  });
}

interface Measure {
  rps: number;
  p99: number;
  micros: number;
}

/** A second of warm-up, then the measured load: CPU per request and throughput. */
async function measure(
  child: ChildProcess,
  port: number,
  warmup: () => string,
  next: () => string,
): Promise<Measure> {
  const load = (duration: number, path: () => string) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 10,
      duration,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
    });
  await load(1, warmup);
  const before = cpuMicros(child.pid!);
  const result = await load(SECONDS, next);
  if (result.non2xx + result.errors > 0) throw new Error(`${result.non2xx + result.errors} failed requests`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    micros: (cpuMicros(child.pid!) - before) / result.requests.total,
  };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await prepareWorldData(SQLITE_URL, console.log);
const paths = await workloads(SQLITE_URL, 20_000, Infinity);
/** A workload's warm-up paths (the JIT and SQLite's page cache warm up) and, apart from them, its measured ones. */
function pathsOf(workload: 'detail' | 'search'): { warmup: () => string; next: () => string } {
  const list = paths[workload];
  let warm = 0;
  let cursor = 0;
  return {
    warmup: () => list[warm++ % WARMUP_PATHS]!,
    next: () => list[WARMUP_PATHS + (cursor++ % (list.length - WARMUP_PATHS))]!,
  };
}
console.log(
  `${SECONDS} s a measurement, ${ROUNDS} rounds, 10 connections; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const hello = await start(builds[0]!, ['hello', '18175']);
const apis: ChildProcess[] = [];
for (const [i, build] of builds.entries())
  apis.push(await start(build, ['api', String(18170 + i), SQLITE_URL, '0']));
const runs = WORKLOADS.flatMap((workload) =>
  builds.map((build, i) => ({
    workload,
    build,
    i,
    ...pathsOf(workload),
    micros: [] as number[],
    ratio: [] as number[],
    p99: [] as number[],
  })),
);
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of runs) {
      const h = await measure(
        hello,
        18175,
        () => '/',
        () => '/',
      );
      const d = await measure(apis[run.i]!, 18170 + run.i, run.warmup, run.next);
      run.micros.push(d.micros);
      run.ratio.push(h.micros / d.micros);
      run.p99.push(d.p99);
      console.log(
        `round ${round + 1}, ${run.build}: hello-world ${h.micros.toFixed(1)} µs a request (${h.rps.toFixed(0)} req/s), cold ${run.workload} ${d.micros.toFixed(1)} µs (${d.rps.toFixed(0)} req/s, p99 ${d.p99} ms); load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
  }
} finally {
  hello.kill('SIGTERM');
  apis.forEach((api) => api.kill('SIGTERM'));
}
console.log(
  "\n| build | workload | CPU µs a request (median) | hello-world CPU over the workload's (median) | p99 ms (median) |",
);
console.log('|---|---|---|---|---|');
for (const run of runs) {
  console.log(
    `| ${run.build} | cold ${run.workload} | ${median(run.micros).toFixed(1)} | ${(median(run.ratio) * 100).toFixed(0)}% | ${median(run.p99)} |`,
  );
}
console.log(
  `load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
