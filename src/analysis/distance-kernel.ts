import type { Csr } from './twin-graph.js';

/**
 * Bit-parallel multi-source breadth-first search (MS-BFS, Then et al., VLDB 2015): 32 × `words`
 * sources walk the graph together, one bit each in per-node bitsets, so one pass over an edge
 * serves every source of the batch. Only nodes reached at the previous level push along their
 * edges, and never into a node every source of the batch has reached; sources numbered close
 * together (breadth-first order) share most levels, which keeps the passes few.
 *
 * Leaves can be folded away beforehand: `leaves[v]` counts degree-1 nodes hanging on core node v
 * and left out of `csr`. A leaf's distances are its parent's plus one, so every pair involving
 * leaves is counted from its parents' pair: (s,t) at d stands for (s,t) at d, (s,leaf of t) and
 * (leaf of s,t) at d+1, and (leaf of s,leaf of t) at d+2 (Σ over sources comes from byte tables).
 */

/** One slice of an all-pairs distance count: which sources, in which graph. */
export interface DistanceTask {
  readonly csr: Csr;
  /** Sources, as node numbers of `csr`; each stands also for its folded leaves. */
  readonly sources: Int32Array;
  /** Leaves folded into each node; absent when none were. */
  readonly leaves?: Int32Array;
  /** 32-bit words per node bitset: 32 × words sources run together. */
  readonly words?: number;
  /**
   * Hands out batch numbers (batch b is sources [b × 32 × words, (b+1) × 32 × words)); the count
   * stops at the first number past the end. Threads sharing one counter share the work. Default: 0, 1, 2, ...
   */
  readonly claimBatch?: () => number;
}

/** How many ordered pairs (source side first) lie at each distance, and the largest distance seen. */
export interface DistanceCounts {
  histogram: Float64Array;
  maxDistance: number;
}

const BYTE_TABLE = 256;

/** Counts ordered pairs by shortest-path distance from every source of the task (pairs x≠y only). */
export function countDistances(task: DistanceTask): DistanceCounts {
  const words = task.words ?? 16;
  const { csr, sources } = task;
  const leaves = task.leaves ?? new Int32Array(csr.n);
  const state = newSearchState(csr.n, words);
  const counts: DistanceCounts = { histogram: new Float64Array(csr.n + 3), maxDistance: 0 };
  const batchSize = 32 * words;
  let next = 0;
  const claim = task.claimBatch ?? (() => next++);
  for (let start = claim() * batchSize; start < sources.length; start = claim() * batchSize) {
    const batch = sources.subarray(start, Math.min(start + batchSize, sources.length));
    runBatch(csr, leaves, batch, state, counts);
  }
  return counts;
}

interface SearchState {
  readonly words: number;
  readonly seen: Int32Array;
  readonly frontier: Int32Array;
  readonly next: Int32Array;
  readonly active: Int32Array;
  readonly touched: Int32Array;
  readonly marked: Uint8Array;
  /** Sources of the batch that have reached each node; a node reached by all takes no more pushes. */
  readonly reachedBy: Int32Array;
  /** Per word and byte position, the sum of leaf counts of the sources whose bits a byte holds. */
  readonly leafSums: Int32Array;
  /** Per word, the bits of sources that have leaves. */
  readonly withLeaves: Int32Array;
}

function newSearchState(n: number, words: number): SearchState {
  return {
    words,
    seen: new Int32Array(n * words),
    frontier: new Int32Array(n * words),
    next: new Int32Array(n * words),
    active: new Int32Array(n),
    touched: new Int32Array(n),
    marked: new Uint8Array(n),
    reachedBy: new Int32Array(n),
    leafSums: new Int32Array(words * 4 * BYTE_TABLE),
    withLeaves: new Int32Array(words),
  };
}

/** Runs one batch to exhaustion, adding its pairs to `counts`, and leaves the state clean. */
function runBatch(
  csr: Csr,
  leaves: Int32Array,
  batch: Int32Array,
  state: SearchState,
  counts: DistanceCounts,
): void {
  const { words, seen, frontier, active, reachedBy } = state;
  prepareLeafTables(leaves, batch, state);
  const histogram = counts.histogram;
  for (let i = 0; i < batch.length; i++) {
    const s = batch[i]!;
    const slot = s * words + (i >>> 5);
    seen[slot]! |= 1 << (i & 31);
    frontier[slot]! |= 1 << (i & 31);
    reachedBy[s]!++;
    const c = leaves[s]!;
    histogram[1]! += 2 * c;
    histogram[2]! += c * c - c;
    if (c > 0) counts.maxDistance = Math.max(counts.maxDistance, c > 1 ? 2 : 1);
  }
  let activeCount = uniqueSources(batch, active);
  for (let level = 1; activeCount > 0; level++) {
    const touchedCount = pushFrontier(csr, state, activeCount, batch.length);
    activeCount = settleLevel(leaves, state, touchedCount, level, counts);
  }
  seen.fill(0);
  reachedBy.fill(0);
}

/** Copies the batch's distinct source nodes into `active`; returns how many. */
function uniqueSources(batch: Int32Array, active: Int32Array): number {
  const distinct = new Set(batch);
  let k = 0;
  for (const s of distinct) active[k++] = s;
  return k;
}

/** Fills the byte tables that turn a word of source bits into the sum of those sources' leaves. */
function prepareLeafTables(leaves: Int32Array, batch: Int32Array, state: SearchState): void {
  const { leafSums, withLeaves } = state;
  leafSums.fill(0);
  withLeaves.fill(0);
  for (let i = 0; i < batch.length; i++) if (leaves[batch[i]!]! > 0) withLeaves[i >>> 5]! |= 1 << (i & 31);
  for (let table = 0; table < state.words * 4; table++) {
    const base = table * BYTE_TABLE;
    for (let byte = 1; byte < BYTE_TABLE; byte++) {
      const low = 31 - Math.clz32(byte & -byte);
      const source = batch[table * 8 + low];
      leafSums[base + byte] =
        leafSums[base + (byte & (byte - 1))]! + (source === undefined ? 0 : leaves[source]!);
    }
  }
}

/** ORs every active node's frontier bits into its neighbours' `next`; returns the number touched. */
function pushFrontier(csr: Csr, state: SearchState, activeCount: number, batchLength: number): number {
  const { words, frontier, next, active, touched, marked, reachedBy } = state;
  const { offsets, neighbors } = csr;
  let touchedCount = 0;
  for (let i = 0; i < activeCount; i++) {
    const u = active[i]!;
    const ub = u * words;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const v = neighbors[e]!;
      if (reachedBy[v] === batchLength) continue;
      if (marked[v] === 0) {
        marked[v] = 1;
        touched[touchedCount++] = v;
      }
      const vb = v * words;
      for (let w = 0; w < words; w++) next[vb + w]! |= frontier[ub + w]!;
    }
    frontier.fill(0, ub, ub + words);
  }
  return touchedCount;
}

/** Keeps the bits new at this level, counts their pairs, and makes their nodes the next frontier. */
function settleLevel(
  leaves: Int32Array,
  state: SearchState,
  touchedCount: number,
  level: number,
  counts: DistanceCounts,
): number {
  const { words, seen, frontier, next, active, touched, marked, reachedBy, leafSums, withLeaves } = state;
  let atLevel = 0;
  let atNext = 0;
  let atNextNext = 0;
  let farthest = 0;
  let activeCount = 0;
  for (let i = 0; i < touchedCount; i++) {
    const v = touched[i]!;
    marked[v] = 0;
    const c = leaves[v]!;
    const vb = v * words;
    let reached = 0;
    let reachedNow = 0;
    for (let w = 0; w < words; w++) {
      const fresh = next[vb + w]! & ~seen[vb + w]!;
      next[vb + w] = 0;
      if (fresh === 0) continue;
      reached = 1;
      seen[vb + w]! |= fresh;
      frontier[vb + w] = fresh;
      const p = popcount(fresh);
      const t = w * 4 * BYTE_TABLE;
      const q =
        leafSums[t + (fresh & 255)]! +
        leafSums[t + BYTE_TABLE + ((fresh >>> 8) & 255)]! +
        leafSums[t + 2 * BYTE_TABLE + ((fresh >>> 16) & 255)]! +
        leafSums[t + 3 * BYTE_TABLE + (fresh >>> 24)]!;
      reachedNow += p;
      atLevel += p;
      atNext += c * p + q;
      atNextNext += c * q;
      const reach = (c > 0 ? 1 : 0) + ((fresh & withLeaves[w]!) !== 0 ? 1 : 0);
      if (reach > farthest) farthest = reach;
    }
    if (reached === 0) continue;
    reachedBy[v]! += reachedNow;
    active[activeCount++] = v;
  }
  const histogram = counts.histogram;
  histogram[level]! += atLevel;
  histogram[level + 1]! += atNext;
  histogram[level + 2]! += atNextNext;
  if (activeCount > 0) counts.maxDistance = Math.max(counts.maxDistance, level + farthest);
  return activeCount;
}

/** Number of set bits in a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
