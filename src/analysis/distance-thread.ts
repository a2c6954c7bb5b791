/**
 * The program of a distance-counting worker thread (started by distances-worker.ts): it waits for the job, counts
 * distances over the batches of sources it claims from the shared counter, and posts its counts back.
 */
import { parentPort } from 'node:worker_threads';
import { countDistances } from './distance-kernel.js';
import type { DistanceJob } from './distances-worker.js';

parentPort!.once('message', ({ n, offsets, neighbors, leaves, sources, words, counter }: DistanceJob) => {
  const claims = new Int32Array(counter);
  const claimBatch = (): number => Atomics.add(claims, 0, 1);
  const counts = countDistances({ csr: { n, offsets, neighbors }, leaves, sources, words, claimBatch });
  // The histogram is a plain Float64Array of its own (never shared), so its buffer moves across.
  parentPort!.postMessage(counts, [counts.histogram.buffer as ArrayBuffer]);
});
