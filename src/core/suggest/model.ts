import { FEATURE_COUNT, FEATURES, F, type FeatureName } from './features.js';

/** A linear scoring model over the features: score = Σ weight · (value − mean) / scale. */
export interface SuggestModel {
  /** `logistic`: trained by `trainModel`; `heuristic`: the hand-set fallback. */
  kind: 'logistic' | 'heuristic';
  features: readonly string[];
  means: readonly number[];
  scales: readonly number[];
  weights: readonly number[];
  /** How it was trained (seed, examples, the data it was trained on), when trained. */
  training?: Record<string, string | number>;
}

/**
 * The fallback when no trained weights exist: partners of partners first (resource allocation), then places in
 * the countries the query and its partners already twin with, near rather than far, never at home.
 */
export function heuristicModel(): SuggestModel {
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

/** The model's score of one candidate, its features at `row` of `rows`. */
export function scoreRow(model: SuggestModel, rows: Float64Array, row: number): number {
  let s = 0;
  const base = row * FEATURE_COUNT;
  for (let j = 0; j < FEATURE_COUNT; j++) {
    s += (model.weights[j]! * (rows[base + j]! - model.means[j]!)) / model.scales[j]!;
  }
  return s;
}

/** The model's score of every candidate in `rows`. */
export function scoreRows(model: SuggestModel, rows: Float64Array): Float64Array {
  const n = rows.length / FEATURE_COUNT;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = scoreRow(model, rows, i);
  return out;
}

/** What each feature adds to a candidate's score (its weight times its standardised value), in FEATURES order. */
export function contributions(model: SuggestModel, rows: Float64Array, row: number): number[] {
  const base = row * FEATURE_COUNT;
  return FEATURES.map((_, j) => (model.weights[j]! * (rows[base + j]! - model.means[j]!)) / model.scales[j]!);
}
