import { sampleIndices, seededRng } from './random.js';
import type { Csr } from './twin-graph.js';

/** Betweenness centrality of every node, and how it was obtained. */
export interface Betweenness {
  /**
   * Per node: the share of shortest paths between other pairs that pass through it, normalised as
   * networkx does for undirected graphs (divided by (n−1)(n−2)/2 unordered pairs).
   */
  scores: Float64Array;
  exact: boolean;
  /** Sources the searches started from: n when exact, the sample size otherwise. */
  sources: number;
  /** Seed of the source sample; absent when exact. */
  seed?: number;
}

/** Options for betweenness: above `budget` edge visits (n × 2m), sample sources instead. */
export interface BetweennessOptions {
  budget?: number;
  seed?: number;
}

const DEFAULT_BUDGET = 2e8;

/** Exact betweenness (Brandes 2001) when n × 2m is within the budget, otherwise sampled with a stated sample size. */
export function betweenness(csr: Csr, options: BetweennessOptions = {}): Betweenness {
  const edgeVisits = csr.n * csr.neighbors.length;
  const budget = options.budget ?? DEFAULT_BUDGET;
  if (edgeVisits <= budget) return exactBetweenness(csr);
  const size = Math.max(1, Math.floor(budget / Math.max(1, csr.neighbors.length)));
  return sampledBetweenness(csr, size, options.seed ?? 1);
}

/** Exact betweenness, one breadth-first search from every node. */
export function exactBetweenness(csr: Csr): Betweenness {
  const sources = Int32Array.from({ length: csr.n }, (_, i) => i);
  return { scores: accumulate(csr, sources, 1), exact: true, sources: csr.n };
}

/** Betweenness estimated from `size` sources drawn with a seeded generator, scaled by n / size as networkx does. */
export function sampledBetweenness(csr: Csr, size: number, seed: number): Betweenness {
  const sources = sampleIndices(csr.n, size, seededRng(seed));
  return {
    scores: accumulate(csr, sources, csr.n / sources.length),
    exact: false,
    sources: sources.length,
    seed,
  };
}

/** Brandes's dependency accumulation from the given sources, normalised and scaled. */
function accumulate(csr: Csr, sources: Int32Array, scale: number): Float64Array {
  const { n, offsets, neighbors } = csr;
  const scores = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    distance[s] = 0;
    paths[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = neighbors[e]!;
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v]! + 1) paths[w]! += paths[v]!;
      }
    }
    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i]!;
      const share = (1 + dependency[w]!) / paths[w]!;
      for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
        const v = neighbors[e]!;
        if (distance[v] === distance[w]! - 1) dependency[v]! += paths[v]! * share;
      }
      if (w !== s) scores[w]! += dependency[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
    }
  }
  const norm = n > 2 ? scale / ((n - 1) * (n - 2)) : 0;
  for (let v = 0; v < n; v++) scores[v]! *= norm;
  return scores;
}
