import { randomInt, type Rng } from '../random.js';

/**
 * A regression tree as flat arrays: node k splits on `feature[k]` (row value ≤ `threshold[k]` goes to
 * `left[k]`, else to `right[k]`), or is a leaf (`feature[k]` = −1) adding `value[k]` to the score.
 */
export interface BoostedTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** How the trees are grown; every choice is fixed by these numbers and the generator. */
export interface BoostOptions {
  trees: number;
  maxDepth: number;
  learningRate: number;
  /** L2 on leaf values (the λ of the Newton step −G / (H + λ)). */
  l2: number;
  /** A split leaves at least this much hessian on each side. */
  minChildWeight: number;
  /** Candidate thresholds per feature (quantiles of the training values). */
  bins: number;
  /** The share of groups each tree is grown on (sampled with the generator). */
  subsample: number;
}

/** The score of one row (its `width` features from `base` in `rows`) under a tree. */
export function treeScore(tree: BoostedTree, rows: Float64Array, base: number): number {
  let k = 0;
  let f = tree.feature[0]!;
  while (f >= 0) {
    k = rows[base + f]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
    f = tree.feature[k]!;
  }
  return tree.value[k]!;
}

/** The sum of the trees' scores of every row of `rows` (rows of `width` features). */
export function scoreTrees(trees: readonly BoostedTree[], rows: Float64Array, width: number): Float64Array {
  const n = rows.length / width;
  const out = new Float64Array(n);
  for (const tree of trees) for (let i = 0; i < n; i++) out[i]! += treeScore(tree, rows, i * width);
  return out;
}

/**
 * Split points per feature: up to `bins − 1` quantiles of the values (midpoints between distinct values, so a
 * threshold never sits on a value seen in training).
 */
export function binEdges(rows: Float64Array, width: number, bins: number): Float64Array[] {
  const n = rows.length / width;
  const edges: Float64Array[] = [];
  const column = new Float64Array(n);
  for (let j = 0; j < width; j++) {
    for (let i = 0; i < n; i++) column[i] = rows[i * width + j]!;
    const sorted = column.slice().sort();
    const distinct: number[] = [];
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
    const cuts: number[] = [];
    if (distinct.length <= bins) {
      for (let k = 0; k + 1 < distinct.length; k++) cuts.push((distinct[k]! + distinct[k + 1]!) / 2);
    } else {
      for (let b = 1; b < bins; b++) {
        const v = sorted[Math.floor((b * n) / bins)]!;
        const at = lowerBound(distinct, v);
        if (at + 1 < distinct.length) {
          const cut = (distinct[at]! + distinct[at + 1]!) / 2;
          if (cuts.length === 0 || cut > cuts[cuts.length - 1]!) cuts.push(cut);
        }
      }
    }
    edges.push(Float64Array.from(cuts));
  }
  return edges;
}

function lowerBound(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bin of each value: the first edge it does not exceed (the last bin past every edge). */
function binRows(rows: Float64Array, width: number, edges: readonly Float64Array[]): Uint8Array {
  const n = rows.length / width;
  const out = new Uint8Array(n * width);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < width; j++) {
      const e = edges[j]!;
      const v = rows[i * width + j]!;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      out[i * width + j] = lo;
    }
  return out;
}

/**
 * Gradient-boosted trees for a listwise softmax: `rows` hold groups of `group` rows each, the first of a group
 * the link to find and the others sampled non-links of the same query. Each tree is a Newton step on the mean
 * softmax cross-entropy of the groups (gradient p − y, hessian p(1 − p)), grown level by level on histograms of
 * binned values. The generator fixes the groups each tree sees, so the same rows and seed give the same trees.
 */
export function fitBoostedTrees(
  rows: Float64Array,
  width: number,
  group: number,
  options: BoostOptions,
  rng: Rng,
): BoostedTree[] {
  if (options.bins > 256) throw new RangeError('at most 256 bins');
  const n = rows.length / width;
  const groups = n / group;
  const edges = binEdges(rows, width, options.bins);
  const binned = binRows(rows, width, edges);
  const scores = new Float64Array(n);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: BoostedTree[] = [];
  const bins = options.bins;
  for (let t = 0; t < options.trees; t++) {
    // Softmax per group: gradient and hessian of each row.
    for (let g = 0; g < groups; g++) {
      const base = g * group;
      let top = -Infinity;
      for (let r = 0; r < group; r++) top = Math.max(top, scores[base + r]!);
      let total = 0;
      for (let r = 0; r < group; r++) total += Math.exp(scores[base + r]! - top);
      for (let r = 0; r < group; r++) {
        const p = Math.exp(scores[base + r]! - top) / total;
        grad[base + r] = p - (r === 0 ? 1 : 0);
        hess[base + r] = Math.max(p * (1 - p), 1e-12);
      }
    }
    // The groups this tree is grown on.
    const chosen: number[] = [];
    for (let g = 0; g < groups; g++) if (options.subsample >= 1 || rng() < options.subsample) chosen.push(g);
    if (chosen.length === 0) chosen.push(randomInt(rng, groups));
    const members = new Int32Array(chosen.length * group);
    let m = 0;
    for (const g of chosen) for (let r = 0; r < group; r++) members[m++] = g * group + r;

    const tree: BoostedTree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const newNode = (): number => {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      return tree.feature.length - 1;
    };
    // Each pending node with its rows as a range of `members` and, once known, its histograms.
    type Pending = { node: number; from: number; to: number; hist?: Float64Array };
    const histogram = (from: number, to: number): Float64Array => {
      // G of feature j, bin b at [2 * (j * bins + b)], H beside it.
      const hist = new Float64Array(2 * width * bins);
      for (let k = from; k < to; k++) {
        const i = members[k]!;
        const gi = grad[i]!;
        const hi = hess[i]!;
        const b = i * width;
        for (let j = 0; j < width; j++) {
          const cell = 2 * (j * bins + binned[b + j]!);
          hist[cell]! += gi;
          hist[cell + 1]! += hi;
        }
      }
      return hist;
    };
    let level: Pending[] = [{ node: newNode(), from: 0, to: m }];
    const scratch = new Int32Array(members.length);
    for (let depth = 0; depth <= options.maxDepth && level.length > 0; depth++) {
      const next: Pending[] = [];
      for (const pending of level) {
        const { node, from, to } = pending;
        let G = 0;
        let H = 0;
        for (let k = from; k < to; k++) {
          G += grad[members[k]!]!;
          H += hess[members[k]!]!;
        }
        tree.value[node] = (-options.learningRate * G) / (H + options.l2);
        if (depth === options.maxDepth || H < 2 * options.minChildWeight) continue;
        const hist = pending.hist ?? histogram(from, to);
        const parent = (G * G) / (H + options.l2);
        let best = 1e-9;
        let bestFeature = -1;
        let bestBin = -1;
        for (let j = 0; j < width; j++) {
          const cuts = edges[j]!.length;
          let gl = 0;
          let hl = 0;
          for (let b = 0; b < cuts; b++) {
            gl += hist[2 * (j * bins + b)]!;
            hl += hist[2 * (j * bins + b) + 1]!;
            const hr = H - hl;
            if (hl < options.minChildWeight || hr < options.minChildWeight) continue;
            const gr = G - gl;
            const gain = (gl * gl) / (hl + options.l2) + (gr * gr) / (hr + options.l2) - parent;
            if (gain > best) {
              best = gain;
              bestFeature = j;
              bestBin = b;
            }
          }
        }
        if (bestFeature < 0) continue;
        // Partition the node's rows: bin ≤ bestBin to the left, stably.
        let l = from;
        let r = 0;
        for (let k = from; k < to; k++) {
          const i = members[k]!;
          if (binned[i * width + bestFeature]! <= bestBin) members[l++] = i;
          else scratch[r++] = i;
        }
        members.set(scratch.subarray(0, r), l);
        tree.feature[node] = bestFeature;
        tree.threshold[node] = edges[bestFeature]![bestBin]!;
        const left: Pending = { node: newNode(), from, to: l };
        const right: Pending = { node: newNode(), from: l, to };
        tree.left[node] = left.node;
        tree.right[node] = right.node;
        if (depth + 1 < options.maxDepth) {
          // The smaller child's histogram is counted, the larger's is the parent's less it.
          const [small, large] = l - from <= to - l ? [left, right] : [right, left];
          small.hist = histogram(small.from, small.to);
          large.hist = hist.map((v, c) => v - small.hist![c]!);
        }
        next.push(left, right);
      }
      level = next;
    }
    for (let i = 0; i < n; i++) scores[i]! += treeScore(tree, rows, i * width);
    trees.push(tree);
  }
  return trees;
}
