import { inducedSubgraph, largestComponentNodes, type Subgraph } from './components.js';
import { countDistances, type DistanceCounts } from './distance-kernel.js';
import type { Csr } from './twin-graph.js';

/** Exact shortest-path statistics over the ordered pairs (s, t), s ≠ t, of the largest component. */
export interface DistanceStats {
  /** Nodes of the largest component. */
  nodes: number;
  /** Ordered pairs counted: nodes × (nodes − 1). */
  pairs: number;
  diameter: number;
  mean: number;
  /** Median over ordered pairs (the mean of the two middle values when their count is even). */
  median: number;
  /** `histogram[d]`: ordered pairs at distance d. */
  histogram: number[];
}

/** The largest component prepared for counting: leaves folded into their parents, nodes renumbered for locality. */
export interface DistancePlan {
  /** The core graph the searches walk. */
  readonly core: Csr;
  /** Leaves folded into each core node. */
  readonly leaves: Int32Array;
  /** Nodes of the largest component, leaves included. */
  readonly componentSize: number;
}

/** Prepares the largest component of a graph for an all-pairs distance count. */
export function planDistances(csr: Csr): DistancePlan {
  const component = inducedSubgraph(csr, largestComponentNodes(csr));
  const { core, leaves } = foldLeaves(component);
  const order = searchOrder(core);
  const renumbered = inducedSubgraph(core, order);
  return { core: renumbered, leaves: Int32Array.from(order, (v) => leaves[v]!), componentSize: component.n };
}

/** Removes degree-1 nodes (unless that would remove everything), counting them on their neighbour. */
function foldLeaves(component: Subgraph): { core: Subgraph; leaves: Int32Array } {
  const { n, offsets, neighbors } = component;
  const kept: number[] = [];
  for (let v = 0; v < n; v++) if (offsets[v + 1]! - offsets[v]! > 1) kept.push(v);
  if (kept.length === 0) return { core: component, leaves: new Int32Array(n) };
  const core = inducedSubgraph(component, Int32Array.from(kept));
  const local = new Int32Array(n).fill(-1);
  kept.forEach((v, i) => {
    local[v] = i;
  });
  const leaves = new Int32Array(kept.length);
  for (let v = 0; v < n; v++) if (local[v] === -1) leaves[local[neighbors[offsets[v]!]!]!]!++;
  return { core, leaves };
}

/**
 * Breadth-first order from the highest-degree node (then from each node not yet reached): nodes
 * numbered close together lie at similar depths near each other, so a batch of consecutive sources
 * reaches most nodes within a few levels of each other, and the bitsets they touch sit close in memory.
 */
export function searchOrder(csr: Csr): Int32Array {
  const { n, offsets, neighbors } = csr;
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  let hub = 0;
  for (let v = 1; v < n; v++) if (offsets[v + 1]! - offsets[v]! > offsets[hub + 1]! - offsets[hub]!) hub = v;
  let tail = 0;
  for (let k = -1; k < n; k++) {
    const root = k === -1 ? hub : k;
    if (n === 0 || placed[root] === 1) continue;
    placed[root] = 1;
    order[tail++] = root;
    for (let head = tail - 1; head < tail; head++) {
      const u = order[head]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = neighbors[e]!;
        if (placed[v] === 0) {
          placed[v] = 1;
          order[tail++] = v;
        }
      }
    }
  }
  return order;
}

/** All core nodes as sources, in order. */
export function allSources(plan: DistancePlan): Int32Array {
  return Int32Array.from({ length: plan.core.n }, (_, i) => i);
}

/** Exact diameter, mean and median distance of the largest component, on this thread. */
export function distanceStats(csr: Csr): DistanceStats {
  return distanceStatsForPlan(planDistances(csr));
}

/** Exact distance statistics of a prepared plan, on this thread. */
export function distanceStatsForPlan(plan: DistancePlan): DistanceStats {
  const counts = countDistances({ csr: plan.core, leaves: plan.leaves, sources: allSources(plan) });
  return statsFromCounts(plan.componentSize, [counts]);
}

/** Merges the counts of several slices of sources into the statistics. */
export function statsFromCounts(componentSize: number, parts: readonly DistanceCounts[]): DistanceStats {
  const length = Math.max(1, ...parts.map((part) => part.histogram.length));
  const merged = new Array<number>(length).fill(0);
  let diameter = 0;
  for (const part of parts) {
    part.histogram.forEach((count, d) => {
      merged[d]! += count;
    });
    diameter = Math.max(diameter, part.maxDistance);
  }
  merged[0] = 0;
  const histogram = merged.slice(0, diameter + 1);
  const pairs = histogram.reduce((sum, count) => sum + count, 0);
  const total = histogram.reduce((sum, count, d) => sum + d * count, 0);
  return {
    nodes: componentSize,
    pairs,
    diameter,
    mean: pairs === 0 ? 0 : total / pairs,
    median: histogramMedian(histogram, pairs),
    histogram,
  };
}

/** The median of a distance histogram holding `pairs` values. */
export function histogramMedian(histogram: readonly number[], pairs: number): number {
  if (pairs === 0) return 0;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (let d = 0; d < histogram.length; d++) {
      seen += histogram[d]!;
      if (seen > rank) return d;
    }
    return histogram.length - 1;
  };
  return pairs % 2 === 1 ? valueAt((pairs - 1) / 2) : (valueAt(pairs / 2 - 1) + valueAt(pairs / 2)) / 2;
}
