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
  /**
   * `softmax` (the default): the cross-entropy of each group's softmax. `lambda`: LambdaRank's pairwise gradients,
   * each pair (the link, a sampled non-partner) weighted by how much swapping them changes the link's discounted
   * gain 1 / log2(1 + rank), ranks estimated over all candidates from the group's (`rankScale` each).
   */
  loss?: 'softmax' | 'lambda';
  /** For `lambda`: how many candidates each sampled non-partner stands for (candidates / non-partners sampled). */
  rankScale?: number;
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

/**
 * An oblivious tree in heap order (node k's children are 2k + 1 and 2k + 2): level d splits every node on
 * `splits[d]` (feature, threshold), `values[d]` are the values of that level's nodes left to right.
 */
export function obliviousTree(
  splits: readonly (readonly [number, number])[],
  values: readonly number[][],
): BoostedTree {
  const tree: BoostedTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  values.forEach((level, d) =>
    level.forEach((v) => {
      const k = tree.feature.length;
      const split = splits[d];
      tree.feature.push(split ? split[0] : -1);
      tree.threshold.push(split ? split[1] : 0);
      tree.left.push(split ? 2 * k + 1 : -1);
      tree.right.push(split ? 2 * k + 2 : -1);
      tree.value.push(v);
    }),
  );
  return tree;
}

/**
 * Oblivious trees packed for scoring: tree t has `depth[t]` levels, level d compares feature
 * `feature[at[t] + d]` with `threshold[at[t] + d]`, and the leaf whose index is the comparisons' bits (1 = right)
 * holds `leaf[leafAt[t] + index]`.
 */
interface PackedTrees {
  depth: Int32Array;
  at: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  leafAt: Int32Array;
  leaf: Float64Array;
}

const packedCache = new WeakMap<readonly BoostedTree[], PackedTrees | null>();

/** The levels of an oblivious tree in heap order ([feature, threshold] per level), or undefined for another tree. */
function obliviousLevels(tree: BoostedTree): [number, number][] | undefined {
  const levels: [number, number][] = [];
  let start = 0;
  let width = 1;
  while (start < tree.feature.length) {
    const f = tree.feature[start]!;
    for (let k = start; k < start + width; k++) {
      if (k >= tree.feature.length || tree.feature[k] !== f) return undefined;
      if (
        f >= 0 &&
        (tree.threshold[k] !== tree.threshold[start] ||
          tree.left[k] !== 2 * k + 1 ||
          tree.right[k] !== 2 * k + 2)
      )
        return undefined;
    }
    if (f < 0) return start + width === tree.feature.length ? levels : undefined;
    levels.push([f, tree.threshold[start]!]);
    start += width;
    width *= 2;
  }
  return undefined;
}

function pack(trees: readonly BoostedTree[]): PackedTrees | null {
  const cached = packedCache.get(trees);
  if (cached !== undefined) return cached;
  const levels = trees.map(obliviousLevels);
  let packed: PackedTrees | null = null;
  if (levels.every((l) => l !== undefined)) {
    const all = levels as [number, number][][];
    packed = {
      depth: Int32Array.from(all, (l) => l.length),
      at: new Int32Array(trees.length),
      feature: Int32Array.from(all.flat(), ([f]) => f),
      threshold: Float64Array.from(all.flat(), ([, t]) => t),
      leafAt: new Int32Array(trees.length),
      leaf: new Float64Array(all.reduce((s, l) => s + 2 ** l.length, 0)),
    };
    let at = 0;
    let leafAt = 0;
    trees.forEach((tree, t) => {
      const d = all[t]!.length;
      packed!.at[t] = at;
      packed!.leafAt[t] = leafAt;
      packed!.leaf.set(tree.value.slice(2 ** d - 1), leafAt);
      at += d;
      leafAt += 2 ** d;
    });
  }
  packedCache.set(trees, packed);
  return packed;
}

/** The sum of the trees' scores of every row of `rows` (rows of `width` features). */
export function scoreTrees(trees: readonly BoostedTree[], rows: Float64Array, width: number): Float64Array {
  const n = rows.length / width;
  const out = new Float64Array(n);
  const packed = pack(trees);
  if (!packed) {
    for (const tree of trees) for (let i = 0; i < n; i++) out[i]! += treeScore(tree, rows, i * width);
    return out;
  }
  const { depth, at, feature, threshold, leafAt, leaf } = packed;
  // Row by row, every tree: a row's features stay in cache, where a tree at a time read all the rows per tree.
  for (let i = 0; i < n; i++) {
    const base = i * width;
    let sum = 0;
    for (let t = 0; t < depth.length; t++) {
      const levels = depth[t]!;
      const from = at[t]!;
      let index = 0;
      // Right (1) unless the value is at most the threshold, as in treeScore (so NaN goes right there too).
      for (let d = 0; d < levels; d++)
        index = (index << 1) | (Number(rows[base + feature[from + d]!]! <= threshold[from + d]!) ^ 1);
      sum += leaf[leafAt[t]! + index]!;
    }
    out[i] = sum;
  }
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
 * `offsets` (one per row, for the softmax) are added to the rows' scores in training only: a sampled non-partner
 * that stands for m candidates counts log m, so that each group's softmax estimates the one over every candidate.
 */
export function fitBoostedTrees(
  rows: Float64Array,
  width: number,
  group: number,
  options: BoostOptions,
  rng: Rng,
  offsets?: Float64Array,
): BoostedTree[] {
  if (offsets && offsets.length !== rows.length / width)
    throw new RangeError(`${offsets.length} offsets for ${rows.length / width} rows`);
  if (options.bins > 256) throw new RangeError('at most 256 bins');
  const n = rows.length / width;
  const groups = n / group;
  const edges = binEdges(rows, width, options.bins);
  const binned = binRows(rows, width, edges);
  // Each row's starting score: its offset (the log of how many candidates it stands for), or none.
  const scores = offsets ? offsets.slice() : new Float64Array(n);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: BoostedTree[] = [];
  const bins = options.bins;
  const values: number[][] = [];
  for (let t = 0; t < options.trees; t++) {
    if (options.loss === 'lambda') lambdaGradients(scores, grad, hess, group, options.rankScale ?? 1);
    // Softmax per group: gradient and hessian of each row.
    else
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

    // An oblivious tree: every node of a level splits on the same feature and threshold, so that a row's leaf is
    // the bits of its comparisons and scoring a query's 20,000 candidates needs no branch per node.
    type Pending = { from: number; to: number; hist: Float64Array; value: number };
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
    const totals = (from: number, to: number): [number, number] => {
      let G = 0;
      let H = 0;
      for (let k = from; k < to; k++) {
        G += grad[members[k]!]!;
        H += hess[members[k]!]!;
      }
      return [G, H];
    };
    const newton = (G: number, H: number, fallback: number): number =>
      H > 0 ? (-options.learningRate * G) / (H + options.l2) : fallback;
    const [G0, H0] = totals(0, m);
    let level: Pending[] = [{ from: 0, to: m, hist: histogram(0, m), value: newton(G0, H0, 0) }];
    const splits: [number, number][] = [];
    const scratch = new Int32Array(members.length);
    for (let depth = 0; depth < options.maxDepth; depth++) {
      let best = 1e-9;
      let bestFeature = -1;
      let bestBin = -1;
      const sums = level.map(({ from, to }) => totals(from, to));
      for (let j = 0; j < width; j++) {
        const cuts = edges[j]!.length;
        const gl = new Float64Array(level.length);
        const hl = new Float64Array(level.length);
        for (let b = 0; b < cuts; b++) {
          let gain = 0;
          for (let v = 0; v < level.length; v++) {
            const hist = level[v]!.hist;
            gl[v]! += hist[2 * (j * bins + b)]!;
            hl[v]! += hist[2 * (j * bins + b) + 1]!;
            const [G, H] = sums[v]!;
            const hr = H - hl[v]!;
            if (hl[v]! < options.minChildWeight || hr < options.minChildWeight) continue;
            const gr = G - gl[v]!;
            gain +=
              (gl[v]! * gl[v]!) / (hl[v]! + options.l2) +
              (gr * gr) / (hr + options.l2) -
              (G * G) / (H + options.l2);
          }
          if (gain > best) {
            best = gain;
            bestFeature = j;
            bestBin = b;
          }
        }
      }
      if (bestFeature < 0) break;
      splits.push([bestFeature, bestBin]);
      const next: Pending[] = [];
      for (const node of level) {
        const { from, to, hist } = node;
        // Partition the node's rows: bin ≤ bestBin to the left, stably.
        let l = from;
        let r = 0;
        for (let k = from; k < to; k++) {
          const i = members[k]!;
          if (binned[i * width + bestFeature]! <= bestBin) members[l++] = i;
          else scratch[r++] = i;
        }
        members.set(scratch.subarray(0, r), l);
        const [gl, hl] = totals(from, l);
        const [gr, hr] = totals(l, to);
        const last = depth + 1 === options.maxDepth;
        // The smaller child's histogram is counted, the larger's is the parent's less it.
        const leftSmaller = l - from <= to - l;
        const small = last ? new Float64Array(0) : leftSmaller ? histogram(from, l) : histogram(l, to);
        const large = last ? small : hist.map((x, c) => x - small[c]!);
        const [leftHist, rightHist] = leftSmaller ? [small, large] : [large, small];
        next.push(
          { from, to: l, hist: leftHist, value: newton(gl, hl, node.value) },
          { from: l, to, hist: rightHist, value: newton(gr, hr, node.value) },
        );
      }
      // Keep the values of the level split, then go on with the children.
      values.push(level.map((v) => v.value));
      level = next;
    }
    values.push(level.map((v) => v.value));
    const tree = obliviousTree(
      splits.map(([j, b]) => [j, edges[j]![b]!]),
      values,
    );
    values.length = 0;
    for (let i = 0; i < n; i++) scores[i]! += treeScore(tree, rows, i * width);
    trees.push(tree);
  }
  return trees;
}

/** The discounted gain of the link at an estimated rank (1 = first). */
function gainAt(rank: number): number {
  return 1 / Math.log2(1 + rank);
}

/**
 * LambdaRank's gradients for groups whose first row is the link to find: for each pair of the link and a sampled
 * non-partner j, ρ = σ(s_j − s_0) weighted by |gain(r_0) − gain(r_j)| pushes the link up and j down; ranks are
 * estimated over every candidate, each sampled non-partner above standing for `scale` of them.
 */
function lambdaGradients(
  scores: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
  group: number,
  scale: number,
): void {
  const groups = scores.length / group;
  const order = new Int32Array(group - 1);
  for (let g = 0; g < groups; g++) {
    const base = g * group;
    const s0 = scores[base]!;
    for (let r = 1; r < group; r++) order[r - 1] = r;
    // Non-partners by score, highest first (ties by row, so the same scores give the same ranks).
    order.sort((x, y) => scores[base + y]! - scores[base + x]! || x - y);
    // A non-partner tied with the link counts above it, so that even a group of equal scores has pairs to push.
    let above = 0;
    for (let r = 1; r < group; r++) if (scores[base + r]! >= s0) above++;
    const gain0 = gainAt(1 + scale * above);
    let g0 = 0;
    let h0 = 0;
    for (let k = 0; k < order.length; k++) {
      const j = base + order[k]!;
      const sj = scores[j]!;
      const rank = 1 + scale * k + (s0 > sj ? 1 : 0);
      const delta = Math.abs(gain0 - gainAt(rank));
      const rho = 1 / (1 + Math.exp(s0 - sj));
      const lambda = rho * delta;
      const h = Math.max(rho * (1 - rho) * delta, 1e-12);
      g0 -= lambda;
      h0 += h;
      grad[j] = lambda;
      hess[j] = h;
    }
    grad[base] = g0;
    hess[base] = Math.max(h0, 1e-12);
  }
}
