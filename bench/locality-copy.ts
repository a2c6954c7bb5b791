/**
 * The locality-detail copy in memory (store/locality-memory-model.ts, issues 12 and 15): its heap, the time to
 * read its data (`readLocalityModelData`), to pass that data to another thread (a structured clone with its
 * buffers transferred, both ends timed together) and to wrap it (`fromData`), and the time to build one
 * locality's detail from it and `JSON.stringify` it, over every locality. With a baseline (the `src/` of
 * another tree, e.g. an archive of main), the baseline's copy is loaded in the same process and measured the
 * same way, every record of both is compared, and the detail loop alternates between the two (ratio).
 *   Run: node --expose-gc --import tsx bench/locality-copy.ts /tmp/world.sqlite [/tmp/main-archive]
 */
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { partialDateFromJsDate, type PartialDate } from '../src/core/partial-date.js';
import { localityDetailFromCopy } from '../src/registry/locality/detail.js';
import { openDatabase } from '../src/store/database.js';
import { readLocalityModelData } from '../src/store/locality-model-data.js';
import { LocalityMemoryModel } from '../src/store/locality-memory-model.js';

const [path, baselineDir] = process.argv.slice(2);
if (!path)
  throw new Error(
    'name the registry: node --expose-gc --import tsx bench/locality-copy.ts /tmp/world.sqlite',
  );
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run under node --expose-gc --import tsx');
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const database = openDatabase(path);
const today: PartialDate = partialDateFromJsDate(new Date());

/**
 * Heap and ArrayBuffer bytes a value made by `make` holds once garbage is collected, the time it took (wall, and
 * the process's CPU), and the longest the event loop went without a turn meanwhile (a 1 ms timer chain's gaps).
 */
async function held<T>(
  make: () => Promise<T>,
): Promise<{ value: T; heap: number; buffers: number; ms: number; cpu: number; hold: number }> {
  gc!();
  const before = process.memoryUsage();
  let last = performance.now();
  let hold = 0;
  let timer = setTimeout(function tick() {
    hold = Math.max(hold, performance.now() - last);
    last = performance.now();
    timer = setTimeout(tick, 1);
  }, 1);
  const t = performance.now();
  const cpuBefore = process.cpuUsage();
  const value = await make();
  const { user, system } = process.cpuUsage(cpuBefore);
  const ms = performance.now() - t;
  clearTimeout(timer);
  hold = Math.max(hold, performance.now() - last);
  gc!();
  const after = process.memoryUsage();
  const heap = after.heapUsed - before.heapUsed;
  return {
    value,
    heap,
    buffers: after.arrayBuffers - before.arrayBuffers,
    ms,
    cpu: (user + system) / 1000,
    hold,
  };
}

console.log(`load average at start: ${load()}`);
type Copy = { size: number; idOfKey(key: string): number | undefined };
type Detail = (copy: never, key: string, asOf: undefined, today: PartialDate) => unknown;
const copies: { name: string; copy: Copy; detail: Detail }[] = [];

if (baselineDir) {
  const model = (await import(`${baselineDir}/src/store/locality-memory-model.ts`)) as {
    LocalityMemoryModel: { load(db: unknown): Promise<Copy> };
  };
  const detail = (await import(`${baselineDir}/src/registry/locality/detail.ts`)) as {
    localityDetailFromCopy: Detail;
  };
  const base = await held(() => model.LocalityMemoryModel.load(database.db));
  console.log(
    `baseline: load ${base.ms.toFixed(0)} ms (CPU ${base.cpu.toFixed(0)} ms; event loop held up to ${base.hold.toFixed(0)} ms at a time), ` +
      `heap ${mb(base.heap)} MB + ArrayBuffers ${mb(base.buffers)} MB`,
  );
  copies.push({ name: 'baseline', copy: base.value, detail: detail.localityDetailFromCopy });
}

const times = { read: 0, clone: 0, wrap: 0 };
const ours = await held(async () => {
  let t = performance.now();
  const { data, transfer } = await readLocalityModelData(database.db);
  times.read = performance.now() - t;
  t = performance.now();
  const received = structuredClone(data, { transfer });
  times.clone = performance.now() - t;
  t = performance.now();
  const model = LocalityMemoryModel.fromData(received);
  times.wrap = performance.now() - t;
  return model;
});
console.log(
  `this tree: readLocalityModelData ${times.read.toFixed(0)} ms, structured clone with transfer ${times.clone.toFixed(1)} ms, ` +
    `fromData ${times.wrap.toFixed(2)} ms (all three: CPU ${ours.cpu.toFixed(0)} ms; event loop held up to ${ours.hold.toFixed(0)} ms at a time); ` +
    `heap ${mb(ours.heap)} MB + ArrayBuffers ${mb(ours.buffers)} MB`,
);
copies.push({ name: 'this tree', copy: ours.value, detail: localityDetailFromCopy as Detail });

const rows = await database.db.selectFrom('localities').select(['id', 'key']).orderBy('id').execute();
await database.close();

if (copies.length === 2) {
  const base = copies[0]!.copy as unknown as LocalityMemoryModel;
  const mine = ours.value;
  let differ = 0;
  for (const { id, key } of rows) {
    const links = mine.linksOf(id);
    const same =
      base.idOfKey(key) === mine.idOfKey(key) &&
      isDeepStrictEqual(base.locality(id), mine.locality(id)) &&
      isDeepStrictEqual(base.linksOf(id), links) &&
      isDeepStrictEqual(base.citationsOf(id), mine.citationsOf(id)) &&
      links.every((l) => isDeepStrictEqual(base.statingByLink.get(l.id), mine.statingByLink.get(l.id)));
    if (!same) differ++;
  }
  console.log(`records compared over ${rows.length} localities: ${differ} differ`);
}

/** Each copy's least wall time for each locality's detail over the passes, in ms (its tail, beside the mean). */
const fastest = new Map<string, Float64Array>(
  copies.map((c) => [c.name, new Float64Array(rows.length).fill(Infinity)]),
);

/** Mean µs of CPU time (this process's, user and system) to build and stringify every locality's detail once. */
function pass({ name, copy, detail }: (typeof copies)[number]): number {
  const best = fastest.get(name)!;
  const t = process.cpuUsage();
  let bytes = 0;
  rows.forEach(({ key }, i) => {
    const start = performance.now();
    bytes += JSON.stringify(detail(copy as never, key, undefined, today)).length;
    best[i] = Math.min(best[i]!, performance.now() - start);
  });
  if (bytes === 0) throw new Error('no detail was built');
  const { user, system } = process.cpuUsage(t);
  return (user + system) / rows.length;
}

for (const c of copies) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const first = pass(c);
  gc();
  console.log(
    `${c.name}: first pass ${first.toFixed(1)} µs a detail; kept after it ${mb(process.memoryUsage().heapUsed - before)} MB`,
  );
}
const ROUNDS = 9;
const samples = new Map<string, number[]>(copies.map((c) => [c.name, []]));
for (let round = 0; round < ROUNDS; round++) for (const c of copies) samples.get(c.name)!.push(pass(c));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const [name, xs] of samples) {
  console.log(
    `${name}: ${median(xs).toFixed(1)} µs CPU a detail, median of ${ROUNDS} passes (least ${Math.min(...xs).toFixed(1)}; ` +
      `${xs.map((x) => x.toFixed(1)).join(', ')})`,
  );
}
if (copies.length === 2) {
  const [b, t] = [samples.get('baseline')!, samples.get('this tree')!];
  const ratio = (f: (xs: number[]) => number): string => `×${(f(t) / f(b)).toFixed(2)}`;
  console.log(`this tree / baseline: ${ratio(median)} (medians), ${ratio((xs) => Math.min(...xs))} (least)`);
}
for (const [name, best] of fastest) {
  const sorted = [...best].sort((a, b) => a - b);
  const at = (p: number): string => (sorted[Math.floor(p * (sorted.length - 1))]! * 1000).toFixed(0);
  console.log(
    `${name}: one detail's least wall time over the passes, µs: p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, ` +
      `p99.9 ${at(0.999)}, max ${at(1)}`,
  );
}
console.log(`load average at end: ${load()}`);
