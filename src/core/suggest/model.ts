import { scoreTrees, treeScore, type BoostedTree } from './boost.js';
import { FEATURE_COUNT, FEATURES, F, type FeatureName } from './features.js';

/** A linear scoring model over the features: score = Σ weight · (value − mean) / scale. */
export interface LinearModel {
  /** `logistic`: trained by `trainModel` with `model: 'logistic'`; `heuristic`: the hand-set fallback. */
  kind: 'logistic' | 'heuristic';
  features: readonly string[];
  means: readonly number[];
  scales: readonly number[];
  weights: readonly number[];
  /** How it was trained (seed, examples, the data it was trained on), when trained. */
  training?: Record<string, string | number>;
}

/** A linear term over the standardised features: Σ weight · (value − mean) / scale. */
export interface LinearTerm {
  means: readonly number[];
  scales: readonly number[];
  weights: readonly number[];
}

/**
 * Gradient-boosted trees over the raw features: score = Σ of each tree's leaf for the row, plus the linear term
 * when there is one (a linear model fit to the same groups, its weights scaled by the blend's weight).
 */
export interface BoostedModel {
  kind: 'boosted';
  features: readonly string[];
  trees: readonly BoostedTree[];
  linear?: LinearTerm;
  training?: Record<string, string | number>;
}

/** The partner finder's scoring model. */
export type SuggestModel = LinearModel | BoostedModel;

/**
 * The fallback when no trained weights exist: partners of partners first (resource allocation), then places in
 * the countries the query and its partners already twin with, near rather than far, never at home.
 */
export function heuristicModel(): LinearModel {
  const weights = new Array<number>(FEATURE_COUNT).fill(0);
  const set = (name: FeatureName, w: number): void => void (weights[F[name]] = w);
  set('resourceAllocation', 4);
  set('commonNeighbours', 0.5);
  set('countryShare', 2);
  set('secondHopCountryShare', 2);
  set('reverseCountryShare', 1);
  set('countryPairLift', 0.3);
  set('logDistanceRank', -0.3);
  set('distanceProfile', -0.3);
  set('sameCountry', -1);
  set('sameName', 0.5);
  set('sharedLanguage', 0.2);
  set('populationDifference', -0.2);
  set('logDegree', 0.2);
  return {
    kind: 'heuristic',
    features: [...FEATURES],
    means: new Array<number>(FEATURE_COUNT).fill(0),
    scales: new Array<number>(FEATURE_COUNT).fill(1),
    weights,
  };
}

/** A linear term's value for the row whose features start at `base` of `rows`. */
function linearScore(term: LinearTerm, rows: Float64Array, base: number): number {
  let s = 0;
  for (let j = 0; j < FEATURE_COUNT; j++)
    s += (term.weights[j]! * (rows[base + j]! - term.means[j]!)) / term.scales[j]!;
  return s;
}

/** The model's score of one candidate, its features at `row` of `rows`. */
export function scoreRow(model: SuggestModel, rows: Float64Array, row: number): number {
  const base = row * FEATURE_COUNT;
  if (model.kind !== 'boosted') return linearScore(model, rows, base);
  let s = 0;
  for (const tree of model.trees) s += treeScore(tree, rows, base);
  return model.linear ? s + linearScore(model.linear, rows, base) : s;
}

/** The model's score of every candidate in `rows`. */
export function scoreRows(model: SuggestModel, rows: Float64Array): Float64Array {
  const n = rows.length / FEATURE_COUNT;
  if (model.kind === 'boosted') {
    const out = scoreTrees(model.trees, rows, FEATURE_COUNT);
    if (model.linear)
      for (let i = 0; i < n; i++) out[i]! += linearScore(model.linear, rows, i * FEATURE_COUNT);
    return out;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = linearScore(model, rows, i * FEATURE_COUNT);
  return out;
}

/**
 * What each feature adds to a candidate's score, in FEATURES order. For a linear model, its weight times its
 * standardised value; for trees, the change of the node value at each split on the feature along the row's path
 * (each node's value is the Newton step of the rows that reached it in training), summed over the trees, plus
 * the linear term's part when there is one: the parts and the root values add up to the score.
 */
export function contributions(model: SuggestModel, rows: Float64Array, row: number): number[] {
  const base = row * FEATURE_COUNT;
  const linearParts = (term: LinearTerm): number[] =>
    FEATURES.map((_, j) => (term.weights[j]! * (rows[base + j]! - term.means[j]!)) / term.scales[j]!);
  if (model.kind === 'boosted') {
    const out = model.linear ? linearParts(model.linear) : new Array<number>(FEATURE_COUNT).fill(0);
    for (const tree of model.trees) {
      let k = 0;
      let f = tree.feature[0]!;
      while (f >= 0) {
        const next = rows[base + f]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
        out[f]! += tree.value[next]! - tree.value[k]!;
        k = next;
        f = tree.feature[k]!;
      }
    }
    return out;
  }
  return linearParts(model);
}
