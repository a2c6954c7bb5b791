/**
 * Where a cold API request's time goes: one API server on SQLite (read cache off) profiled while it serves,
 * loaded with distinct search-as-you-type paths and then locality-detail paths (bench/api-workloads.ts), each
 * in its own server process; the profile's self time is summed by where the code lives (our own files by
 * name, packages by name, Node's internals apart). Prints figures; never passes or fails on time.
 * Run: npx tsx bench/api-profile.ts   (BENCH_SECONDS=8 by default; BENCH_SQLITE_PATH for the database)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { prepareWorldData } from './api-dataset.js';
import { workloads } from './api-workloads.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SQLITE_URL = process.env.BENCH_SQLITE_PATH ?? '/tmp/twinning-bench-api/world.sqlite';
const PORT = 18_070;
const server = fileURLToPath(new URL('./api-server.ts', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, one of our files, Node, or the engine (GC, native code). */
function placeOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (url === '')
    return functionName === '(garbage collector)' ? '(garbage collector)' : `(${functionName || 'native'})`;
  if (url.startsWith('node:')) return 'node: internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src|bench)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

/** Runs one server under --cpu-prof, loads it with the paths, and sums its profile's self time by place. */
async function profile(label: string, paths: readonly string[]): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'twinning-profile-')), 'api.cpuprofile');
  const child = spawn(process.execPath, ['--import', 'tsx', server, 'api', String(PORT), SQLITE_URL, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_PROFILE: file },
  });
  await new Promise<void>((resolve) =>
    child.stdout.on('data', (c: Buffer) => c.includes('ready') && resolve()),
  );
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: 10,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  });
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
  const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    const us = prof.timeDeltas[i] ?? 0;
    const place = placeOf(node.callFrame);
    self.set(place, (self.get(place) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} (${place})`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    total += us;
  });
  const requests = result.requests.total;
  console.log(
    `\n${label}: ${requests} requests (${Math.min(requests, paths.length)} distinct) in ${SECONDS} s, ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms; busy CPU ${(total / 1000).toFixed(0)} ms = ${(total / requests).toFixed(0)} µs a request; load ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log('| where | µs a request | share |');
  console.log('|---|---|---|');
  for (const [place, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`| ${place} | ${(us / requests).toFixed(1)} | ${((us / total) * 100).toFixed(1)}% |`);
  }
  console.log('\n| function (where) | µs a request |\n|---|---|');
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`| ${fn} | ${(us / requests).toFixed(1)} |`);
  }
}

await prepareWorldData(SQLITE_URL, console.log);
const { search, detail } = await workloads(SQLITE_URL, 20_000, Infinity);
await profile('Cold search as you type', search);
await profile('Cold locality detail', detail);
