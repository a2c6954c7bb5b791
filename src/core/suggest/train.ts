import { randomInt, seededRng, type Rng } from '../random.js';
import { candidateFeatures, FEATURE_COUNT, FEATURES } from './features.js';
import { areLinked, buildSuggestGraph, degreeOf, type SuggestPlace } from './graph.js';
import { averageModels, fitSeeds } from './average.js';
import { fitBoostedTrees, type BoostOptions } from './boost.js';
import { heuristicModel, scoreRows, type SuggestModel } from './model.js';

/** How a model is trained; every choice is fixed by these numbers and the seed. */
export interface TrainingOptions {
  seed: number;
  /** The share of links hidden from the feature graph to serve as the links to predict. */
  holdOut: number;
  /**
   * The share of places whose every link is hidden too, as places that join the network later: a new link
   * often goes to a place with no partner yet, which a hold-out of links alone seldom shows.
   */
  placeHoldOut: number;
  /** Non-partners sampled against each hidden link, uniformly among the query's candidates. */
  negatives: number;
  /** Of those, how many are drawn from the fallback heuristic's top candidates for the query (hard negatives). */
  hardNegatives: number;
  /** How many of the heuristic's top candidates the hard negatives are drawn from (the others from the rest). */
  hardPool: number;
  /**
   * Sampled-softmax correction: each sampled non-partner counts as the candidates it stands for (the log of
   * their number added to its score in training), so that a group's softmax estimates the one over every
   * candidate; without it the link competes with its sampled non-partners alone.
   */
  correction: boolean;
  /** Rounds of hold-out, each hiding other links, so that more links give examples. */
  rounds: number;
  /** At most this many query places (sampled with the seed) give training examples in a round. */
  maxQueries: number;
  /** `boosted`: gradient-boosted trees (the default); `logistic`: a linear model. */
  model: 'boosted' | 'logistic';
  /** The trees' settings, for `boosted`. */
  boost: BoostOptions;
  /**
   * For `boosted`: a linear model is fit to the same groups and added to the trees' score with this weight
   * (0: trees alone).
   */
  linearBlend: number;
  /** Epochs, step and L2 of the linear model, for `logistic`. */
  epochs: number;
  learningRate: number;
  l2: number;
  /** The linear model's step falls linearly to zero over its epochs (else it stays, and the last weights wander). */
  decay: boolean;
  /**
   * Models trained whole (their own hold-outs, groups and fit) with the seeds of `fitSeeds(seed, fits)`, their
   * scores averaged (`averageModels`), so that the model depends less on one seed's draws; 1: one model.
   */
  fits: number;
}

/** The defaults `twinning suggest --train` and the benchmark use. */
export const DEFAULT_TRAINING: TrainingOptions = {
  seed: 1,
  // About 28% of links hidden a round (12%, and every link of 10% of places): chosen on a validation split of
  // the training links (bench/suggest-validate.ts), against 61% hidden in one round.
  holdOut: 0.12,
  placeHoldOut: 0.1,
  negatives: 100,
  hardNegatives: 0,
  hardPool: 100,
  // Each uniform non-partner counts for the candidates it stands for: validation recall@10 0.0828 → 0.0861.
  correction: true,
  // Six rounds, with populations and seat levels among the features: validation recall@10 0.1173 → 0.1201,
  // MRR 0.0979 → 0.1069 against three (session 8).
  rounds: 6,
  maxQueries: 3000,
  model: 'boosted',
  boost: {
    trees: 200,
    // Six levels (64 leaves a tree) against five: validation recall@10 0.1209 → 0.1236 on the gap split and
    // 0.1303 → 0.1325 on the default one, MRR 0.1221 → 0.1236 and 0.1142 → 0.1161; seven levels gave no better
    // recall@10 and a lower MRR on both (session 13).
    maxDepth: 6,
    learningRate: 0.1,
    l2: 1,
    minChildWeight: 1,
    bins: 64,
    subsample: 0.7,
  },
  // Half a linear model fit to the same groups added to the trees: on the gap validation split recall@10
  // 0.1128 → 0.1165 and MRR 0.1147 → 0.1197 at six rounds (0.1123 → 0.1199 at three); on the default split at three
  // rounds 0.1315 → 0.1289, recall@50 0.2860 → 0.3023 (session 12). A weight of 1 or 2 gave a lower recall@10 on both.
  linearBlend: 0.5,
  epochs: 20,
  learningRate: 0.02,
  l2: 1e-4,
  // The linear model's step falling to zero: on the gap validation split at six rounds the linear model alone
  // 0.0856 → 0.1072 recall@10 (its last weights no longer wander), trees + half of it 0.1165 → 0.1209 (session 12).
  decay: true,
  fits: 1,
};

/** Shuffles an array in place with the generator (Fisher–Yates). */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Groups of feature rows to fit a model on: each block is a hidden link's row and its sampled non-partners'. */
export interface TrainingExamples {
  blocks: Float64Array[];
  /** Per block, each row's offset: 0 for the link, the log of how many candidates a non-partner stands for. */
  offsets: Float64Array[];
  /** Query places sampled over the rounds. */
  queries: number;
  links: number;
  places: number;
}

/**
 * Trains the finder's model to rank a hidden link above sampled non-partners of the same query (a softmax over
 * each group, or LambdaRank's pairs): a share of the links is hidden, features are computed on the rest, and each
 * hidden link seen from each end gives a group of its row and sampled non-partners' rows. Gradient-boosted trees
 * by default, or a linear model by Adam on mini-batches; the seed fixes the hold-out, the queries, the negatives,
 * the groups each tree sees and the batch order, so the same links and seed give the same model. With `fits` above
 * 1, that many models trained so from seeds derived from the seed, averaged into one.
 */
export function trainModel(
  places: readonly SuggestPlace[],
  edges: readonly (readonly [number, number])[],
  options: TrainingOptions = DEFAULT_TRAINING,
): { model: SuggestModel; examples: number; queries: number } {
  const fits = fitSeeds(options.seed, options.fits).map((seed) => {
    const single = { ...options, seed, fits: 1 };
    const examples = sampleExamples(places, edges, single);
    const count = examples.blocks.length;
    return { model: fitModel(examples, single), examples: count, queries: examples.queries };
  });
  return {
    model: averageModels(fits.map((f) => f.model)),
    examples: fits.reduce((s, f) => s + f.examples, 0),
    queries: fits.reduce((s, f) => s + f.queries, 0),
  };
}

/** The training groups of every round of hold-out, drawn with a generator seeded by `options.seed`. */
export function sampleExamples(
  places: readonly SuggestPlace[],
  edges: readonly (readonly [number, number])[],
  options: TrainingOptions,
): TrainingExamples {
  const rng = seededRng(options.seed);
  const blocks: Float64Array[] = [];
  const offsets: Float64Array[] = [];
  let queries = 0;
  for (let round = 0; round < options.rounds; round++)
    queries += sampleRound(places, edges, options, rng, blocks, offsets);
  return { blocks, offsets, queries, links: edges.length, places: places.length };
}

/**
 * Fits the model of `options.model` to sampled groups, with a generator seeded by `options.seed + 1` (so that
 * the same groups fit twice give the same model). The groups are left as they were.
 */
export function fitModel(examples: TrainingExamples, options: TrainingOptions): SuggestModel {
  const rng = seededRng(options.seed + 1);
  const group = 1 + options.negatives;
  const count = examples.blocks.length;
  const training = {
    seed: options.seed,
    holdOut: options.holdOut,
    negatives: options.negatives,
    placeHoldOut: options.placeHoldOut,
    hardNegatives: options.hardNegatives,
    ...(options.hardNegatives > 0 ? { hardPool: options.hardPool } : {}),
    ...(options.correction ? { correction: 'sampled softmax' } : {}),
    queries: examples.queries,
    rounds: options.rounds,
    examples: count,
    links: examples.links,
    places: examples.places,
  };
  if (options.model === 'boosted') {
    const rows = new Float64Array(count * group * FEATURE_COUNT);
    examples.blocks.forEach((block, i) => rows.set(block, i * group * FEATURE_COUNT));
    const offsets = options.correction ? new Float64Array(count * group) : undefined;
    if (offsets) examples.offsets.forEach((o, i) => offsets.set(o, i * group));
    // LambdaRank estimates ranks over every candidate: each sampled non-partner stands for this many places.
    const boost = { ...options.boost, rankScale: (examples.places - 1) / options.negatives };
    const trees = fitBoostedTrees(rows, FEATURE_COUNT, group, boost, rng, offsets).map((tree) => ({
      ...tree,
      value: tree.value.map(round),
    }));
    const { rankScale: _scale, ...settings } = boost;
    const blend = options.linearBlend;
    const linear = blend > 0 ? fitModel(examples, { ...options, model: 'logistic' }) : undefined;
    return {
      kind: 'boosted',
      features: [...FEATURES],
      trees,
      ...(linear?.kind === 'logistic'
        ? {
            linear: {
              means: linear.means,
              scales: linear.scales,
              weights: linear.weights.map((w) => round(w * blend)),
            },
          }
        : {}),
      training: { ...training, ...settings, ...(linear ? { linearBlend: blend } : {}) },
    };
  }
  const blocks = examples.blocks.map((block) => block.slice());
  const means = new Array<number>(FEATURE_COUNT).fill(0);
  const scales = new Array<number>(FEATURE_COUNT).fill(1);
  const rowCount = blocks.length * group;
  for (let j = 0; j < FEATURE_COUNT; j++) {
    let sum = 0;
    let sumSq = 0;
    for (const block of blocks)
      for (let k = 0; k < group; k++) {
        const v = block[k * FEATURE_COUNT + j]!;
        sum += v;
        sumSq += v * v;
      }
    means[j] = rowCount > 0 ? sum / rowCount : 0;
    const variance = rowCount > 0 ? sumSq / rowCount - means[j]! ** 2 : 0;
    scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  for (const block of blocks)
    for (let r = 0; r < group; r++)
      for (let j = 0; j < FEATURE_COUNT; j++)
        block[r * FEATURE_COUNT + j] = (block[r * FEATURE_COUNT + j]! - means[j]!) / scales[j]!;
  const offsets = options.correction ? examples.offsets : undefined;
  const weights = fitListwise(blocks, group, options, rng, offsets);
  return {
    kind: 'logistic',
    features: [...FEATURES],
    means: means.map(round),
    scales: scales.map(round),
    weights: weights.map(round),
    training,
  };
}

/**
 * Links split into held-out and kept (seeded): `linkShare` of the links in a shuffled order, and every link of
 * `placeShare` of the places (places that join later), are held out; the rest are kept.
 */
export function holdOutSplit<E extends readonly [number, number]>(
  places: readonly SuggestPlace[],
  edges: readonly E[],
  rng: Rng,
  linkShare: number,
  placeShare: number,
): { held: E[]; kept: E[] } {
  const order = shuffleInPlace(
    edges.map((_, i) => i),
    rng,
  );
  const late = new Set(
    shuffleInPlace(
      places.map((_, i) => i),
      rng,
    ).slice(0, Math.round(places.length * placeShare)),
  );
  const cut = Math.round(edges.length * linkShare);
  const held: E[] = [];
  const kept: E[] = [];
  order.forEach((i, position) => {
    const [a, b] = edges[i]!;
    (position < cut || late.has(a) || late.has(b) ? held : kept).push(edges[i]!);
  });
  return { held, kept };
}

/**
 * One round of examples: a share of the links (and every link of a share of places) hidden, features on the
 * rest, and for each hidden link seen from a query with partners left, a group of its row and sampled others'.
 * Returns how many query places it sampled.
 */
export function sampleRound(
  places: readonly SuggestPlace[],
  edges: readonly (readonly [number, number])[],
  options: TrainingOptions,
  rng: Rng,
  blocks: Float64Array[],
  offsets: Float64Array[] = [],
): number {
  const { held: hidden, kept } = holdOutSplit(places, edges, rng, options.holdOut, options.placeHoldOut);
  const graph = buildSuggestGraph(places, kept);
  const targetsOf = new Map<number, number[]>();
  for (const [a, b] of hidden) {
    if (a === b) continue;
    (targetsOf.get(a) ?? targetsOf.set(a, []).get(a)!).push(b);
    (targetsOf.get(b) ?? targetsOf.set(b, []).get(b)!).push(a);
  }
  const queries = shuffleInPlace(
    [...targetsOf.keys()].sort((x, y) => x - y),
    rng,
  ).slice(0, options.maxQueries);
  const n = places.length;
  const heuristic = heuristicModel();
  const group = 1 + options.negatives;
  for (const q of queries) {
    if (degreeOf(graph, q) === 0) continue;
    const rows = candidateFeatures(graph, q);
    const targets = new Set(targetsOf.get(q)!);
    const usable = (c: number): boolean => c !== q && !targets.has(c) && !areLinked(graph, q, c);
    const hardCount = options.hardNegatives > 0 ? Math.min(options.hardNegatives, options.negatives) : 0;
    const hard =
      hardCount > 0 ? topCandidates(scoreRows(heuristic, rows), options.hardPool).filter(usable) : [];
    const isHard = new Set(hard);
    // The candidates the draws stand for: the hard pool, and every other usable place.
    const others = n - 1 - degreeOf(graph, q) - targets.size - hard.length;
    const hardDraws = hard.length > 0 ? hardCount : 0;
    const hardOffset = hardDraws > 0 ? Math.log(hard.length / hardDraws) : 0;
    const otherOffset = Math.log(Math.max(1, others) / (options.negatives - hardDraws));
    for (const t of targets) {
      const block = new Float64Array(group * FEATURE_COUNT);
      const offset = new Float64Array(group);
      block.set(rows.subarray(t * FEATURE_COUNT, (t + 1) * FEATURE_COUNT), 0);
      for (let k = 1; k < group; k++) {
        let c: number;
        let guard = 0;
        const fromHard = k <= hardDraws;
        do {
          c = fromHard ? hard[randomInt(rng, hard.length)]! : randomInt(rng, n);
        } while ((!usable(c) || (!fromHard && isHard.has(c))) && ++guard < 100);
        block.set(rows.subarray(c * FEATURE_COUNT, (c + 1) * FEATURE_COUNT), k * FEATURE_COUNT);
        offset[k] = fromHard ? hardOffset : otherOffset;
      }
      blocks.push(block);
      offsets.push(offset);
    }
  }
  return queries.length;
}

/** Weights kept to 6 significant digits, so the written model reads well and compares exactly. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

/** The indices of the `k` best-scored places. */
function topCandidates(scores: Float64Array, k: number): number[] {
  const order = Array.from(scores.keys()).sort((x, y) => scores[y]! - scores[x]! || x - y);
  return order.slice(0, k);
}

/**
 * Minimises the mean softmax loss of each group (its first row, the hidden link, against the sampled others)
 * with L2, by Adam over seeded mini-batches of groups.
 */
function fitListwise(
  blocks: readonly Float64Array[],
  group: number,
  options: TrainingOptions,
  rng: Rng,
  offsets?: readonly Float64Array[],
): number[] {
  const w = new Float64Array(FEATURE_COUNT);
  const m1 = new Float64Array(FEATURE_COUNT);
  const m2 = new Float64Array(FEATURE_COUNT);
  const grad = new Float64Array(FEATURE_COUNT);
  const scores = new Float64Array(group);
  const batch = 32;
  const order = blocks.map((_, i) => i);
  let step = 0;
  const steps = options.epochs * Math.ceil(order.length / batch);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (let start = 0; start < order.length; start += batch) {
      const end = Math.min(order.length, start + batch);
      grad.fill(0);
      for (let b = start; b < end; b++) {
        const block = blocks[order[b]!]!;
        const offset = offsets?.[order[b]!];
        let top = -Infinity;
        for (let r = 0; r < group; r++) {
          let s = offset ? offset[r]! : 0;
          for (let j = 0; j < FEATURE_COUNT; j++) s += w[j]! * block[r * FEATURE_COUNT + j]!;
          scores[r] = s;
          top = Math.max(top, s);
        }
        let total = 0;
        for (let r = 0; r < group; r++) total += scores[r] = Math.exp(scores[r]! - top);
        // d loss / d w = Σ p_r x_r − x_0
        for (let r = 0; r < group; r++) {
          const p = scores[r]! / total - (r === 0 ? 1 : 0);
          for (let j = 0; j < FEATURE_COUNT; j++) grad[j]! += p * block[r * FEATURE_COUNT + j]!;
        }
      }
      step++;
      for (let j = 0; j < FEATURE_COUNT; j++) {
        const gj = grad[j]! / (end - start) + options.l2 * w[j]!;
        m1[j] = 0.9 * m1[j]! + 0.1 * gj;
        m2[j] = 0.999 * m2[j]! + 0.001 * gj * gj;
        const mHat = m1[j]! / (1 - 0.9 ** step);
        const vHat = m2[j]! / (1 - 0.999 ** step);
        const rate = options.decay ? options.learningRate * (1 - (step - 1) / steps) : options.learningRate;
        w[j]! -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
      }
    }
  }
  return Array.from(w);
}
