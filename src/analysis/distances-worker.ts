/**
 * Runs the all-pairs distance count on worker threads (with distance-thread.ts, the thread's program, the files of
 * src/analysis that touch Node). Each worker loads only the search kernel (distance-kernel.ts); the workers take
 * batches of sources from one shared counter until none is left, so a worker that starts late does less.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerSource } from '../threads/worker-source.js';
import type { DistanceCounts } from './distance-kernel.js';
import {
  allSources,
  distanceStatsForPlan,
  planDistances,
  statsFromCounts,
  type DistanceStats,
} from './distances.js';
import { summariseNetwork, type SummaryResult } from './summary.js';
import type { Csr, TwinGraph } from './twin-graph.js';

const WORDS = 16;
const BATCH = 32 * WORDS;

/** What every worker is given: the core graph, folded leaves, all sources, and the shared batch counter. */
export interface DistanceJob {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  leaves: Int32Array;
  sources: Int32Array;
  words: number;
  counter: SharedArrayBuffer;
}

/** Exact diameter, mean and median distance of the largest component, counted on worker threads. */
export async function distanceStatsParallel(
  csr: Csr,
  threads = Math.min(2, availableParallelism()),
): Promise<DistanceStats> {
  if (threads <= 1 || csr.n <= BATCH) return distanceStatsForPlan(planDistances(csr));
  const workers = Array.from({ length: threads }, startWorker);
  try {
    const plan = planDistances(csr);
    const { core, leaves } = plan;
    const counter = new SharedArrayBuffer(4);
    const { n, offsets, neighbors } = core;
    const job: DistanceJob = {
      n,
      offsets,
      neighbors,
      leaves,
      sources: allSources(plan),
      words: WORDS,
      counter,
    };
    const parts = await Promise.all(workers.map((worker) => runJob(worker, job)));
    return statsFromCounts(plan.componentSize, parts);
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/** The whole network summary, with the all-pairs distances counted on worker threads. */
export async function summariseNetworkParallel(graph: TwinGraph, threads?: number): Promise<SummaryResult> {
  const start = performance.now();
  const distances = await distanceStatsParallel(graph, threads);
  const elapsed = performance.now() - start;
  const result = summariseNetwork(graph, { distances });
  return {
    summary: result.summary,
    timingsMs: { ...result.timingsMs, 'distances (all pairs, parallel)': elapsed },
  };
}

/** Sends the job to a started worker and resolves with its counts. */
function runJob(worker: Worker, job: DistanceJob): Promise<DistanceCounts> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`distance worker stopped with exit code ${code}`)));
    worker.postMessage(job);
  });
}

/** Starts a worker early, so that it loads the kernel while this thread prepares the graph. */
function startWorker(): Worker {
  return new Worker(workerSource(new URL('./distance-thread.js', import.meta.url)), { eval: true });
}
