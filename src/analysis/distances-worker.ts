/**
 * The one file of src/analysis that touches Node: it runs the all-pairs distance count on worker
 * threads. Imported, it exports `distanceStatsParallel`; started as a worker, it counts one slice.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { countDistances, type DistanceCounts } from './distance-kernel.js';
import { allSources, distanceStatsForPlan, planDistances, statsFromCounts, type DistanceStats } from './distances.js';
import type { Csr } from './twin-graph.js';

const WORKER_TAG = 'twinning-distance-slice';
const WORDS = 8;
const BATCH = 32 * WORDS;

interface SliceMessage {
  tag: typeof WORKER_TAG;
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  leaves: Int32Array;
  sources: Int32Array;
}

/** Exact diameter, mean and median distance of the largest component, sources shared among worker threads. */
export async function distanceStatsParallel(csr: Csr, threads = Math.min(2, availableParallelism())): Promise<DistanceStats> {
  const plan = planDistances(csr);
  const sources = allSources(plan);
  if (threads <= 1 || sources.length <= BATCH) return distanceStatsForPlan(plan);
  const slices = interleaveBatches(sources, threads);
  const { core, leaves } = plan;
  const parts = await Promise.all(
    slices.map((slice) => runSlice({ tag: WORKER_TAG, n: core.n, offsets: core.offsets, neighbors: core.neighbors, leaves, sources: slice })),
  );
  return statsFromCounts(plan.componentSize, parts);
}

/** Deals batches of consecutive sources round-robin, so every thread gets a similar share of the graph. */
function interleaveBatches(sources: Int32Array, threads: number): Int32Array[] {
  const slices: number[][] = Array.from({ length: threads }, () => []);
  for (let start = 0, k = 0; start < sources.length; start += BATCH, k++) {
    slices[k % threads]!.push(...sources.subarray(start, start + BATCH));
  }
  return slices.map((slice) => Int32Array.from(slice));
}

/** Starts one worker on a slice and resolves with its counts. */
function runSlice(message: SliceMessage): Promise<DistanceCounts> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(message);
    worker.once('message', (counts: DistanceCounts) => {
      resolve(counts);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`distance worker stopped with exit code ${code}`));
    });
  });
}

/**
 * Starts this file as a worker. Run from TypeScript source (tests, `tsx` scripts), the worker
 * first registers tsx itself, since tsx's `--import` hook does not reach worker threads on Node 20.
 */
function startWorker(message: SliceMessage): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(import.meta.url), { workerData: message });
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(boot, { eval: true, workerData: message });
}

function isSliceMessage(data: unknown): data is SliceMessage {
  return typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === WORKER_TAG;
}

if (!isMainThread && parentPort && isSliceMessage(workerData)) {
  const { n, offsets, neighbors, leaves, sources } = workerData;
  const counts = countDistances({ csr: { n, offsets, neighbors }, leaves, sources, words: WORDS });
  parentPort.postMessage(counts, [counts.histogram.buffer]);
}
