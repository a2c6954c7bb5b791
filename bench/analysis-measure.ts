/** Timed runs of the analysis code for the benchmark: the summary, breadth-first searches from a sample, path queries. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inducedSubgraph, largestComponentNodes, type Subgraph } from '../src/analysis/components.js';
import { countDistances } from '../src/analysis/distance-kernel.js';
import { searchOrder } from '../src/analysis/distances.js';
import { summariseNetworkParallel } from '../src/analysis/distances-worker.js';
import { bfsDistances, shortestChain } from '../src/analysis/paths.js';
import { sampleIndices, seededRng } from '../src/analysis/random.js';
import { summariseNetwork, type SummaryResult } from '../src/analysis/summary.js';
import type { TwinGraph } from '../src/analysis/twin-graph.js';

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds one call takes, with its result. */
export function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** Summary runs: every total, and the breakdown of the run with the median total. */
export interface SummaryTiming {
  totalsMs: number[];
  medianMs: number;
  result: SummaryResult;
}

function pickMedian(runs: { ms: number; value: SummaryResult }[]): SummaryTiming {
  const totalsMs = runs.map((run) => run.ms);
  const medianMs = median(totalsMs);
  const closest = runs.reduce((best, run) =>
    Math.abs(run.ms - medianMs) < Math.abs(best.ms - medianMs) ? run : best,
  );
  return { totalsMs, medianMs, result: closest.value };
}

/** The whole summary on this thread, `repeat` times. */
export function timeSummarySingle(graph: TwinGraph, repeat: number): SummaryTiming {
  return pickMedian(Array.from({ length: repeat }, () => timed(() => summariseNetwork(graph))));
}

/** The parallel summary function, from the TypeScript source or from a build of it. */
export type ParallelSummary = typeof summariseNetworkParallel;

/**
 * summariseNetworkParallel as `npm run build` would ship it: src/analysis compiled by tsc into `dir`
 * and loaded as plain JavaScript, so its workers load the kernel without tsx (which costs each ~0.3 s).
 */
export async function loadBuiltParallelSummary(dir: string): Promise<ParallelSummary> {
  const tsc = join(process.cwd(), 'node_modules', '.bin', 'tsc');
  const source = join(process.cwd(), 'src', 'analysis', 'distances-worker.ts');
  const flags = ['--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict'];
  execFileSync(tsc, [
    ...flags,
    '--skipLibCheck',
    '--types',
    'node',
    '--rootDir',
    'src',
    '--outDir',
    dir,
    source,
  ]);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const built = (await import(pathToFileURL(join(dir, 'analysis', 'distances-worker.js')).href)) as {
    summariseNetworkParallel: ParallelSummary;
  };
  return built.summariseNetworkParallel;
}

/** The whole summary with the all-pairs count on two worker threads, `repeat` times. */
export async function timeSummaryParallel(
  graph: TwinGraph,
  repeat: number,
  summarise: ParallelSummary = summariseNetworkParallel,
): Promise<SummaryTiming> {
  const runs: { ms: number; value: SummaryResult }[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const value = await summarise(graph, 2);
    runs.push({ ms: performance.now() - start, value });
  }
  return pickMedian(runs);
}

/** A fixed random sample of sources in the largest component, as node numbers of the graph. */
export function sampleSources(graph: TwinGraph, size: number, seed: number): Int32Array {
  const component = largestComponentNodes(graph);
  return sampleIndices(component.length, size, seededRng(seed)).map((i) => component[i]!);
}

/** Breadth-first searches from the sample: bit-parallel in one pass, and one plain search per source. */
export interface SampleTiming {
  bitParallelMs: number;
  plainMs: number;
  histogram: number[];
  distanceSums: number[];
}

/** Times both ways of searching from the sample over the largest component (bit-parallel: median of `repeat` runs). */
export function timeSampleSearches(graph: TwinGraph, sources: Int32Array, repeat: number): SampleTiming {
  const component = inducedSubgraph(graph, largestComponentNodes(graph));
  const ordered: Subgraph = inducedSubgraph(component, searchOrder(component));
  const localOf = new Map<number, number>();
  ordered.original.forEach((v, i) => localOf.set(component.original[v]!, i));
  const local = sources.map((v) => localOf.get(v)!);
  // Searched in node order (breadth-first order), the sampled sources share more levels.
  const inOrder = local.slice().sort();
  const runs = Array.from({ length: repeat }, () =>
    timed(() => countDistances({ csr: ordered, sources: inOrder, words: 8 })),
  );
  const plain = timed(() =>
    Array.from(local, (s) => bfsDistances(ordered, s).reduce((sum, d) => sum + d, 0)),
  );
  const counts = runs[0]!.value;
  const histogram = Array.from(counts.histogram.subarray(0, counts.maxDistance + 1));
  const bitParallelMs = median(runs.map((run) => run.ms));
  return { bitParallelMs, plainMs: plain.ms, histogram, distanceSums: plain.value };
}

/** Shortest-chain queries between random pairs of the largest component. */
export interface PathTiming {
  queries: number;
  firstMs: number;
  meanMs: number;
  p99Ms: number;
  maxMs: number;
  /** The slowest query when each is timed at its best of three rounds (a pause by the OS or the GC hits one round only). */
  maxBestOfThreeMs: number;
  meanLength: number;
}

/** Times `count` shortest-chain queries between seeded random pairs, in three rounds. */
export function timePathQueries(graph: TwinGraph, count: number, seed: number): PathTiming {
  const pool = sampleSources(graph, graph.n, seed);
  const rng = seededRng(seed + 1);
  const pick = (): string => graph.keys[pool[Math.floor(rng() * pool.length)]!]!;
  const pairs = Array.from({ length: count }, () => [pick(), pick()] as const);
  const rounds = [0, 1, 2].map(() => pairs.map(([from, to]) => timed(() => shortestChain(graph, from, to))));
  const times = rounds[0]!.map((run) => run.ms);
  const hops = rounds[0]!.reduce((sum, run) => sum + (run.value?.length ?? 1) - 1, 0);
  const best = pairs.map((_, q) => Math.min(...rounds.map((round) => round[q]!.ms)));
  const sorted = [...times].sort((a, b) => a - b);
  return {
    queries: count,
    firstMs: times[0]!,
    meanMs: times.reduce((sum, t) => sum + t, 0) / count,
    p99Ms: sorted[Math.floor(0.99 * (count - 1))]!,
    maxMs: sorted.at(-1)!,
    maxBestOfThreeMs: Math.max(...best),
    meanLength: hops / count,
  };
}
