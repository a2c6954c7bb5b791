/**
 * Benchmark for issues 10 and 12: the search's word index copied into memory (store/name-memory-index.ts) on a
 * registry (default: a world registry made for the run in a temporary folder; or a SQLite file or postgres:// URL
 * given), built as the API builds it, on a worker thread, against a baseline in the same run: the same build on
 * the main thread. Prints the build's time both ways and the event loop's worst delay meanwhile (what a request
 * waits), fromData's time, the heap and ArrayBuffers the index holds, and the per-query time of 20,000 typed
 * prefixes (a seeded sample of names) from memory against the SQL search, with how many answers differ.
 * Run: node --expose-gc --import tsx bench/name-index-copy.ts [database]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { seededRng } from '../src/core/random.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { readCopyInWorker } from '../src/store/copies/read-in-worker.js';
import { openDatabase } from '../src/store/database.js';
import { readNameIndexData } from '../src/store/name-index-data.js';
import { searchNameIndex, type NameQuery } from '../src/store/name-index.repository.js';
import { NameMemoryIndex } from '../src/store/name-memory-index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx');
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Runs `work` while a 5 ms timer watches the event loop; its time and the loop's worst delay past the timer. */
async function watched<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return { value, ms, stallMs };
}

let dir: string | undefined;
let url = process.argv[2];
if (!url) {
  dir = mkdtempSync(path.join(tmpdir(), 'twinning-name-index-'));
  url = path.join(dir, 'world.sqlite');
  await (await openRegistry(url, undefined, { dataset: 'world' })).database.close();
}
const database = openDatabase(url);
try {
  console.log(`Load average at start: ${load()}; database ${database.location}`);
  await readCopyInWorker(url, 'names'); // a first thread: the files it loads are in the page cache after
  const here = await watched(() => readNameIndexData(database.db));
  const there = await watched(() => readCopyInWorker(url, 'names'));
  console.log(
    `build on the main thread (baseline): ${here.ms.toFixed(0)} ms, event loop's worst delay ${here.stallMs.toFixed(0)} ms`,
  );
  console.log(
    `build on a worker thread:            ${there.ms.toFixed(0)} ms, event loop's worst delay ${there.stallMs.toFixed(0)} ms (${(there.stallMs / here.stallMs).toFixed(3)}x)`,
  );
  const rounds = 1000;
  let started = performance.now();
  for (let i = 0; i < rounds; i++) NameMemoryIndex.fromData(there.value);
  console.log(`fromData: ${((performance.now() - started) / rounds).toFixed(4)} ms`);
  let bytes = 0;
  const count = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    // A string: one byte a character when all are Latin-1 (as V8 keeps it), else two.
    else if (typeof value === 'string')
      bytes += [...value].some((c) => c.charCodeAt(0) > 0xff) ? 2 * value.length : value.length;
    else if (value && typeof value === 'object') Object.values(value).forEach(count);
  };
  count(there.value);

  // Measured on an index built on this thread: buffers moved from a thread that has ended are not counted in
  // process.memoryUsage() (they were allocated by the worker's allocator), though they are the same size.
  here.value.data = undefined as never;
  there.value = undefined as never;
  gc();
  const before = process.memoryUsage();
  const index = await NameMemoryIndex.load(database.db);
  gc();
  const after = process.memoryUsage();
  console.log(
    `the index of ${index.size} word rows holds ${mb(after.heapUsed - before.heapUsed)} of heap and ${mb(after.arrayBuffers - before.arrayBuffers)} of ArrayBuffers (its typed arrays and strings: ${mb(bytes)})`,
  );

  const names = await database.db.selectFrom('locality_names').select('name').orderBy('id').execute();
  const rng = seededRng(42);
  const countries = ['DE', 'FR', 'US', 'GB', 'IT', 'PL'];
  const queries: NameQuery[] = Array.from({ length: 20_000 }, () => {
    const chars = [...names[Math.floor(rng() * names.length)]!.name];
    const text = chars.slice(0, 1 + Math.floor(rng() * chars.length)).join('');
    const r = rng();
    if (r < 0.1) return { text, limit: 10, country: countries[Math.floor(rng() * countries.length)]! };
    return r < 0.15 ? { text, limit: 10, kind: 'city' } : { text, limit: 10 };
  });
  started = performance.now();
  let differ = 0;
  const sqlSample = queries.slice(0, 2000);
  for (const query of sqlSample) {
    const fromSql = await searchNameIndex(database.db, query);
    if (JSON.stringify(fromSql) !== JSON.stringify(index.search(query))) differ++;
  }
  const sqlMs = (performance.now() - started) / sqlSample.length;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    started = performance.now();
    for (const query of queries) index.search(query);
    times.push((performance.now() - started) / queries.length);
  }
  const memoryMs = times.sort((x, y) => x - y)[2]!;
  console.log(
    `per query: from memory ${(memoryMs * 1000).toFixed(1)} µs (median of 5 passes over ${queries.length}), SQL ${(sqlMs * 1000).toFixed(1)} µs (the first ${sqlSample.length}): ${(sqlMs / memoryMs).toFixed(1)}x; answers differing from SQL: ${differ} of ${sqlSample.length}`,
  );
  console.log(`Load average at end: ${load()}`);
} finally {
  await database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
